import { describe, expect, it } from 'vitest';
import { countConditionalDoses, evaluateConditionalSkip, isConditionMet } from './evaluate-conditional-skip.ts';
import { context, d, dur, run, series, seriesDose } from './test-fixtures.ts';
import type { ConditionalSkip, SkipCondition, SkipSet } from './supporting-data/model.ts';

const cond = (p: Partial<SkipCondition> & { type: SkipCondition['type'] }): SkipCondition => ({
  id: '1',
  doseType: 'Total',
  doseCountLogic: 'greater than',
  vaccineTypes: new Set(),
  seriesGroups: [],
  ...p,
});
const set = (logic: 'AND' | 'OR', conditions: SkipCondition[], p: Partial<SkipSet> = {}): SkipSet => ({
  id: '1',
  description: 'test set',
  conditionLogic: logic,
  conditions,
  ...p,
});

// patient 2024-01-01, Hib doses at 7 and 11 months
const ctx = context({
  dob: '2024-01-01',
  assessment: '2025-06-01',
  doses: [
    { date: '2024-08-01', cvx: '48' },
    { date: '2024-12-01', cvx: '48' },
  ],
});
const s = series({ doses: [seriesDose({ doseNumber: 1 }), seriesDose({ doseNumber: 2 })] });
const r = run(ctx, s, ['Valid', 'Not Valid']);

const age12m = cond({ type: 'Age', beginAge: dur('12 months') });
const age15m = cond({ type: 'Age', beginAge: dur('15 months') });
const twoTotal = cond({ type: 'Vaccine Count by Age', doseCount: 1, doseCountLogic: 'greater than', doseType: 'Total' });
const twoValid = cond({ type: 'Vaccine Count by Age', doseCount: 1, doseCountLogic: 'greater than', doseType: 'Valid' });

describe('6.2 conditional skip', () => {
  it('Table 6-6 age condition: begin age ≤ reference date < end age', () => {
    expect(isConditionMet(r, age12m, d('2024-12-31'), 2)).toBe(false);
    expect(isConditionMet(r, age12m, d('2025-01-01'), 2)).toBe(true);
    expect(isConditionMet(r, cond({ type: 'Age', endAge: dur('12 months') }), d('2025-01-01'), 2)).toBe(false);
  });

  it('Table 6-8 interval condition: from the immediate previous dose', () => {
    const c = cond({ type: 'Interval', interval: dur('8 weeks') });
    expect(isConditionMet(r, c, d('2025-01-26'), 2)).toBe(true);
    expect(isConditionMet(r, c, d('2025-01-25'), 2)).toBe(false);
    expect(isConditionMet(r, c, d('2025-01-25'), 0)).toBe(false); // no dose administered
  });

  it('CONDSKIP-1 / Table 6-9 counts total vs valid doses with greater / equal / less', () => {
    expect(countConditionalDoses(r, twoTotal, 2)).toBe(2);
    expect(countConditionalDoses(r, twoValid, 2)).toBe(1);
    expect(isConditionMet(r, twoTotal, d('2025-06-01'), 2)).toBe(true);
    expect(isConditionMet(r, twoValid, d('2025-06-01'), 2)).toBe(false);
    expect(isConditionMet(r, { ...twoValid, doseCountLogic: 'equal to' }, d('2025-06-01'), 2)).toBe(true);
    expect(isConditionMet(r, { ...twoValid, doseCount: 2, doseCountLogic: 'less than' }, d('2025-06-01'), 2)).toBe(true);
    // vaccine types and age / date windows restrict the count
    expect(countConditionalDoses(r, { ...twoTotal, vaccineTypes: new Set(['49']) }, 2)).toBe(0);
    expect(countConditionalDoses(r, { ...twoTotal, beginAge: dur('9 months') }, 2)).toBe(1);
    expect(countConditionalDoses(r, { ...twoTotal, type: 'Vaccine Count by Date', startDate: d('2024-09-01') }, 2)).toBe(1);
    expect(countConditionalDoses(r, { ...twoTotal, type: 'Vaccine Count by Date', endDate: d('2024-08-01') }, 2)).toBe(0);
  });

  it('Table 6-7 completed series condition', () => {
    const c = cond({ type: 'Completed Series', seriesGroups: ['1'] });
    expect(
      isConditionMet(
        run(ctx, s, [], (g) => g === '1'),
        c,
        d('2025-06-01'),
        2,
      ),
    ).toBe(true);
    expect(
      isConditionMet(
        run(ctx, s, [], () => false),
        c,
        d('2025-06-01'),
        2,
      ),
    ).toBe(false);
  });

  const skipWith = (setLogic: 'AND' | 'OR', sets: SkipSet[], context: ConditionalSkip['context'] = 'Both') =>
    seriesDose({ doseNumber: 3, conditionalSkips: [{ context, setLogic, sets }] });

  it.each([
    // Table 6-10 condition logic within a set
    ['AND, all conditions met → skip', skipWith('OR', [set('AND', [age12m, twoTotal])]), true],
    ['AND, one condition met → no skip', skipWith('OR', [set('AND', [age15m, twoTotal])]), false],
    ['OR, one condition met → skip', skipWith('OR', [set('OR', [age15m, twoTotal])]), true],
    ['OR, no condition met → no skip', skipWith('OR', [set('OR', [age15m, twoValid])]), false],
    // Table 6-11 set logic
    ['set logic AND, all sets met → skip', skipWith('AND', [set('OR', [age12m]), set('OR', [twoTotal])]), true],
    ['set logic AND, one set met → no skip', skipWith('AND', [set('OR', [age12m]), set('OR', [age15m])]), false],
    ['set logic OR, one set met → skip', skipWith('OR', [set('OR', [age15m]), set('OR', [twoTotal])]), true],
    ['set logic OR, no set met → no skip', skipWith('OR', [set('OR', [age15m]), set('OR', [twoValid])]), false],
  ])('%s', (_name, sd, skipped) => {
    expect(evaluateConditionalSkip(r, sd, 'Evaluation', d('2025-02-01'), 2).skipped).toBe(skipped);
  });

  it('uses only instances of the right context (3.3)', () => {
    const forecastOnly = skipWith('OR', [set('OR', [age12m])], 'Forecast');
    expect(evaluateConditionalSkip(r, forecastOnly, 'Evaluation', d('2025-02-01'), 2).skipped).toBe(false);
    expect(evaluateConditionalSkip(r, forecastOnly, 'Forecast', d('2025-02-01'), 2).skipped).toBe(true);
  });

  it('ignores sets outside their effective / cessation dates (RELEVANT-1)', () => {
    const sd = skipWith('OR', [set('OR', [age12m], { cessationDate: d('2024-12-31') })]);
    expect(evaluateConditionalSkip(r, sd, 'Evaluation', d('2025-02-01'), 2).skipped).toBe(false);
  });
});
