import { describe, expect, it } from 'vitest';
import { evaluateAllowableIntervals, evaluatePreferableIntervals, intervalReferenceDate } from './evaluate-interval.ts';
import { context, d, dur, run, series, seriesDose } from './test-fixtures.ts';
import type { IntervalSpec } from './supporting-data/model.ts';

const fromPrev: IntervalSpec = { fromPrevious: true, absMinInt: dur('4 weeks - 4 days'), minInt: dur('4 weeks'), priority: false };
const td2 = seriesDose({ doseNumber: 2, intervals: [fromPrev] });
const s = series({ doses: [seriesDose({ doseNumber: 1 }), td2] });

function twoDoses(second: string) {
  const ctx = context({
    dob: '2025-01-01',
    assessment: '2025-12-31',
    doses: [
      { date: '2025-03-01', cvx: '107' },
      { date: second, cvx: '107' },
    ],
  });
  return run(ctx, s, ['Valid']);
}

describe('6.5 evaluate preferable interval (Table 6-18)', () => {
  it.each([
    ['before the absolute minimum interval → too soon', '2025-03-24', false, false],
    ['at the absolute minimum interval (4 weeks - 4 days) → grace period', '2025-03-25', true, true],
    ['at the minimum interval → valid', '2025-03-29', true, false],
  ])('%s', (_n, date, satisfied, grace) => {
    const r = twoDoses(date);
    const res = evaluatePreferableIntervals(r, td2, d(date), 1);
    expect(res.satisfied).toBe(satisfied);
    expect(res.grace).toBe(grace);
  });

  it('explains how early the dose was (CALCDTINT-3)', () => {
    const r = twoDoses('2025-03-20');
    const res = evaluatePreferableIntervals(r, td2, d('2025-03-20'), 1);
    expect(res.checks[0]?.explanation).toBe(
      'given 5 days before the absolute minimum interval of 4 weeks - 4 days after dose 1 (2025-03-01)',
    );
  });

  it('CALCDTINT-1 ignores previous doses that are extraneous, sub-standard or inadvertent', () => {
    const ctx = context({
      dob: '2025-01-01',
      assessment: '2025-12-31',
      doses: [
        { date: '2025-03-01', cvx: '107' },
        { date: '2025-03-10', cvx: '107' },
        { date: '2025-04-01', cvx: '107' },
      ],
    });
    const r = run(ctx, s, ['Valid', 'Sub-standard']);
    expect(intervalReferenceDate(r, fromPrev, 2, d('2025-04-01'))?.date).toBe(d('2025-03-01'));
    const r2 = run(ctx, s, ['Valid', 'Not Valid']);
    expect(intervalReferenceDate(r2, fromPrev, 2, d('2025-04-01'))?.date).toBe(d('2025-03-10'));
  });

  it('CALCDTINT-2 measures from the dose that satisfied the target dose', () => {
    const ctx = context({
      dob: '2025-01-01',
      assessment: '2025-12-31',
      doses: [
        { date: '2025-03-01', cvx: '08' },
        { date: '2025-04-01', cvx: '08' },
      ],
    });
    const r = run(ctx, s, ['Valid', 'Valid']);
    const td = r.targetDoses[0];
    if (td) {
      td.status = 'Satisfied';
      td.satisfiedBy = 0;
    }
    const iv: IntervalSpec = { fromPrevious: false, fromTargetDose: 1, absMinInt: dur('16 weeks'), priority: false };
    expect(intervalReferenceDate(r, iv, 2, d('2025-08-01'))?.date).toBe(d('2025-03-01'));
  });

  it('CALCDTINT-8 measures from the most recent dose of the listed vaccine types', () => {
    const ctx = context({
      dob: '1950-01-01',
      assessment: '2025-12-31',
      doses: [
        { date: '2020-01-01', cvx: '33' },
        { date: '2021-01-01', cvx: '133' },
        { date: '2022-01-01', cvx: '33' },
      ],
    });
    const r = run(ctx, s, []);
    const iv: IntervalSpec = { fromPrevious: false, fromMostRecent: ['33'], absMinInt: dur('1 year'), priority: false };
    expect(intervalReferenceDate(r, iv, 3, d('2025-01-01'))?.date).toBe(d('2022-01-01'));
    expect(intervalReferenceDate(r, iv, 3, d('2021-06-01'))?.date).toBe(d('2020-01-01'));
  });

  it('CALCDTINT-9 measures from the observation date', () => {
    const ctx = context({ dob: '1990-01-01', assessment: '2025-12-31', observations: new Map([['007', d('2025-06-01')]]) });
    const r = run(ctx, s, []);
    const iv: IntervalSpec = {
      fromPrevious: false,
      fromRelevantObs: { code: '007', text: 'Pregnant' },
      minInt: dur('27 weeks'),
      priority: false,
    };
    expect(intervalReferenceDate(r, iv, 0, d('2025-12-31'))?.date).toBe(d('2025-06-01'));
  });
});

describe('6.6 evaluate allowable interval (Table 6-21)', () => {
  it('no allowable interval → not satisfied (avoid false validation)', () => {
    const r = twoDoses('2025-03-10');
    expect(evaluateAllowableIntervals(r, td2, d('2025-03-10'), 1).satisfied).toBe(false);
  });
  it('allowable absolute minimum interval met → satisfied', () => {
    const sd = seriesDose({
      doseNumber: 2,
      intervals: [fromPrev],
      allowableIntervals: [{ fromPrevious: true, absMinInt: dur('1 day'), priority: false }],
    });
    const r = twoDoses('2025-03-10');
    expect(evaluateAllowableIntervals(r, sd, d('2025-03-10'), 1).satisfied).toBe(true);
  });
});
