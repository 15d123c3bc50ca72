import { describe, expect, it } from 'vitest';
import { determineBestSeries, preFilter, selectPrioritizedSeries } from './select-best-series.ts';
import { d, dur, series, seriesDose } from './test-fixtures.ts';
import type { AntigenSeries } from './supporting-data/model.ts';
import type { PatientSeriesResult, SeriesStatus } from './types.ts';

const dob = d('2020-01-01');
const assess = d('2025-01-01');

function result(
  name: string,
  status: SeriesStatus,
  valid: number,
  p: Partial<Omit<AntigenSeries, 'doses'>> = {},
  extra: Partial<PatientSeriesResult['forecast']> = {},
  nTargets = 3,
): PatientSeriesResult {
  const doses = Array.from({ length: nTargets }, (_, i) =>
    seriesDose({ doseNumber: i + 1, intervals: [{ fromPrevious: true, minInt: dur('4 weeks'), priority: false }] }),
  );
  const s = series({ name, doses: [...doses], ...p });
  return {
    series: s,
    antigen: 'Test',
    targetDoses: s.doses.map((sd, i) => ({ seriesDose: sd, status: i < valid ? 'Satisfied' : 'Not Satisfied', copy: 0 })),
    evaluations: [],
    forecast: {
      status,
      reasons: [],
      recommendedVaccines: [],
      earliestDate: status === 'Not Complete' ? d('2025-02-01') : undefined,
      ...extra,
    },
    validDoseCount: valid,
    allDosesValid: true,
    firstValidDoseDate: valid > 0 ? d('2020-03-01') : undefined,
  };
}

describe('8.1 pre-filter (SELECTB-24, SELECTSCORE-2)', () => {
  it('drops contraindicated series unless all are contraindicated', () => {
    const a = result('a', 'Contraindicated', 1);
    const b = result('b', 'Not Complete', 1);
    expect(preFilter([a, b], dob, assess).map((r) => r.series.name)).toEqual(['b']);
    expect(preFilter([a, { ...b, forecast: { ...b.forecast, status: 'Contraindicated' } }], dob, assess)).toHaveLength(2);
  });
  it('standard series with a first valid dose after the maximum age to start is not scorable', () => {
    const a = result('a', 'Not Complete', 1, { maxAgeToStart: dur('2 months') });
    const b = result('b', 'Not Complete', 1, { maxAgeToStart: dur('1 year') });
    expect(preFilter([a, b], dob, assess).map((r) => r.series.name)).toEqual(['b']);
  });
  it('risk series must have the highest series priority of the group', () => {
    const a = result('a', 'Not Complete', 0, { type: 'Risk', seriesPriority: 'A' });
    const b = result('b', 'Not Complete', 0, { type: 'Risk', seriesPriority: 'B' });
    expect(preFilter([a, b], dob, assess).map((r) => r.series.name)).toEqual(['a']);
  });
  // Appendix A: minimum / maximum age to start — "the earliest / latest age an antigen series may be started"
  it.each<[string, Partial<Omit<AntigenSeries, 'doses'>>, number, boolean]>([
    [
      'a risk series not started, before its minimum age to start → not scorable',
      { type: 'Risk', minAgeToStart: dur('6 years') },
      0,
      false,
    ],
    [
      'a risk series not started, inside its start ages → scorable',
      { type: 'Risk', minAgeToStart: dur('2 years'), maxAgeToStart: dur('6 years') },
      0,
      true,
    ],
    [
      'a risk series not started, on its maximum age to start date → not scorable',
      { type: 'Risk', maxAgeToStart: dur('5 years') },
      0,
      false,
    ],
    ['a risk series started before its maximum age to start → scorable past it', { type: 'Risk', maxAgeToStart: dur('1 year') }, 1, true],
    ['a risk series started after its maximum age to start → not scorable', { type: 'Risk', maxAgeToStart: dur('2 months') }, 1, false],
  ])('%s', (_n, p, valid, scorable) => {
    // dob 2020-01-01, assessment 2025-01-01 (5 years), first valid dose 2020-03-01
    expect(preFilter([result('r', 'Not Complete', valid, p)], dob, assess).length === 1).toBe(scorable);
  });
  it('Table 8-3: a default series past its maximum age to start is still the prioritized series when nothing is scorable', () => {
    const def = result('default', 'Not Complete', 0, { defaultSeries: true, maxAgeToStart: dur('2 years') });
    expect(selectPrioritizedSeries([def, result('other', 'Not Complete', 0)], dob, assess)?.series.name).toBe('default');
  });
  it('evaluation-only series are scorable only when complete', () => {
    const a = result('a', 'Not Complete', 1, { type: 'Evaluation Only' });
    const b = result('b', 'Complete', 3, { type: 'Evaluation Only' });
    expect(preFilter([a, b], dob, assess).map((r) => r.series.name)).toEqual(['b']);
  });
});

describe('8.2 – 8.7 prioritized patient series', () => {
  it('Table 8-3: no scorable series → the default series', () => {
    const a = result('default', 'Not Complete', 0, { defaultSeries: true });
    const b = result('other', 'Not Complete', 0);
    expect(selectPrioritizedSeries([a, b], dob, assess)?.series.name).toBe('default');
  });
  it('Table 8-3: the single complete series wins', () => {
    const a = result('a', 'Not Complete', 2);
    const b = result('b', 'Complete', 3);
    expect(selectPrioritizedSeries([a, b], dob, assess)?.series.name).toBe('b');
  });
  it('Table 8-7: two complete series → most valid doses', () => {
    const a = result('a', 'Complete', 2, { seriesPreference: 1 }, {}, 2);
    const b = result('b', 'Complete', 3, { seriesPreference: 2 });
    expect(selectPrioritizedSeries([a, b], dob, assess)?.series.name).toBe('b');
  });
  it('Table 8-9: in-process series – points for completable, most valid doses, closest to completion, finish earliest', () => {
    const a = result('a', 'Not Complete', 2, { seriesPreference: 1 }, {}, 4);
    // b has more valid doses but cannot finish before the maximum age of its last dose
    const sb = series({
      name: 'b',
      seriesPreference: 2,
      doses: [1, 2, 3, 4].map((n) => seriesDose({ doseNumber: n, ages: [{ maxAge: dur('5 years') }] })),
    });
    const b: PatientSeriesResult = {
      ...result('b', 'Not Complete', 3, {}, {}, 4),
      series: sb,
      targetDoses: sb.doses.map((sd, i) => ({ seriesDose: sd, status: i < 3 ? 'Satisfied' : 'Not Satisfied', copy: 0 })),
    };
    expect(selectPrioritizedSeries([a, b], dob, assess)?.series.name).toBe('a');
    // a: not product -2, completable +3, most valid -2, closest -2, finish earliest +1;
    // b: -2, -3, +2, +2, -1 → tie at -2, series preference 1 wins
    expect(a.score).toBe(-2);
    expect(b.score).toBe(-2);
    const c = result('c', 'Not Complete', 3, { seriesPreference: 3 }, {}, 4);
    expect(selectPrioritizedSeries([a, b, c], dob, assess)?.series.name).toBe('c');
    // c: not product -2, completable +3, most valid and closest tied with b (0), finishes earliest (one dose left) +1
    expect(c.score).toBe(2);
  });
  it('SELECTBEST-2: ties go to the best series preference', () => {
    const a = result('a', 'Complete', 3, { seriesPreference: 2 });
    const b = result('b', 'Complete', 3, { seriesPreference: 1 });
    expect(selectPrioritizedSeries([a, b], dob, assess)?.series.name).toBe('b');
  });
  it('Table 8-11: no valid doses – start earliest and non-product series win', () => {
    const a = result('a', 'Not Complete', 0, { productPath: true, seriesPreference: 1 });
    const b = result('b', 'Not Complete', 0, { seriesPreference: 2 });
    expect(selectPrioritizedSeries([a, b], dob, assess)?.series.name).toBe('b');
  });
});

describe('8.8 best patient series (Table 8-14)', () => {
  it('a complete series is best; a standard series is not best when its equivalent group has a risk series', () => {
    const std = result('std', 'Not Complete', 1, { seriesGroup: '1', equivalentSeriesGroups: ['2'] });
    const risk = result('risk', 'Not Complete', 0, { seriesGroup: '2', type: 'Risk' });
    expect(
      determineBestSeries(
        new Map([
          ['1', std],
          ['2', risk],
        ]),
      ).map((r) => r.series.name),
    ).toEqual(['risk']);
  });
  it('a not complete series is not best when an equivalent group is complete', () => {
    const std = result('std', 'Complete', 3, { seriesGroup: '1', equivalentSeriesGroups: ['2'] });
    const risk = result('risk', 'Not Complete', 0, { seriesGroup: '2', type: 'Risk', equivalentSeriesGroups: ['1'] });
    expect(
      determineBestSeries(
        new Map([
          ['1', std],
          ['2', risk],
        ]),
      ).map((r) => r.series.name),
    ).toEqual(['std']);
  });
  it('non-equivalent groups each keep a best series', () => {
    const std = result('std', 'Complete', 3, { seriesGroup: '1' });
    const risk = result('risk', 'Not Complete', 0, { seriesGroup: '2', type: 'Risk' });
    expect(
      determineBestSeries(
        new Map([
          ['1', std],
          ['2', risk],
        ]),
      ).map((r) => r.series.name),
    ).toEqual(['std', 'risk']);
  });
});
