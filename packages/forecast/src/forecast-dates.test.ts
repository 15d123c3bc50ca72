import { describe, expect, it } from 'vitest';
import type { SeriesRun } from './context.ts';
import { formatIsoDate, MAX_DATE } from './date-arithmetic.ts';
import { evaluateImmunizationHistory } from './evaluate-immunization-history.ts';
import { generateForecastDates, recommendedVaccines, type ForecastDates } from './forecast-dates.ts';
import { context, d, dur, EMPTY_DATA, mmrVaricellaConflict, run, series, seriesDose } from './test-fixtures.ts';
import type { AgeSpec, IntervalSpec, SeriesDose, SupportingData } from './supporting-data/model.ts';

const dtap = { vaccineType: 'DTaP', cvx: '20', forecastVaccineType: true };
const sd = (doseNumber: number, p: Partial<SeriesDose> = {}): SeriesDose => seriesDose({ doseNumber, preferableVaccines: [dtap], ...p });
// dose 1 by age (6 weeks, recommended 2 months, past due from 3 months + 4 weeks, maximum 7 years)
const age1: AgeSpec = {
  minAge: dur('6 weeks'),
  earliestRecAge: dur('2 months'),
  latestRecAge: dur('3 months + 4 weeks'),
  maxAge: dur('7 years'),
};
// dose 2 by interval from the previous dose (4 weeks, recommended 8 weeks, past due from 14 weeks)
const int2: IntervalSpec = {
  fromPrevious: true,
  minInt: dur('4 weeks'),
  earliestRecInt: dur('8 weeks'),
  latestRecInt: dur('14 weeks'),
  priority: false,
};

/** Evaluate the history (4.4) against the series, then generate the dates of the target dose to forecast. */
function forecastDates(
  doses: SeriesDose[],
  history: { date: string; cvx: string }[],
  p: { dob?: string; assessment?: string; data?: SupportingData; antigenCvx?: string[] } = {},
) {
  const ctx = context({ dob: p.dob ?? '2025-01-01', assessment: p.assessment ?? '2025-12-01', doses: history, data: p.data });
  const base = run(ctx, series({ doses }));
  // only the doses of this antigen are antigen administered records (4.2)
  const keep = base.doses.map((x) => !p.antigenCvx || p.antigenCvx.includes(x.cvx));
  const r: SeriesRun = { ...base, doses: base.doses.filter((_, i) => keep[i]), evals: base.evals.filter((_, i) => keep[i]) };
  const next = evaluateImmunizationHistory(r);
  const target = r.targetDoses[next]?.seriesDose;
  if (!target) throw new Error('nothing to forecast');
  const dates = generateForecastDates(r, target);
  const iso = (n: number | undefined) => (n === undefined ? undefined : formatIsoDate(n));
  return {
    target: target.doseNumber,
    earliest: iso(dates.earliestDate),
    unadjustedRecommended: iso(dates.unadjustedRecommendedDate),
    recommended: iso(dates.recommendedDate),
    unadjustedPastDue: iso(dates.unadjustedPastDueDate),
    pastDue: iso(dates.pastDueDate),
    latest: iso(dates.latestDate),
  };
}

describe('7.5 candidate earliest date (FORECASTDTCAN-1): the latest of the candidates', () => {
  it('the minimum age date (CALCDTAGE-4)', () => {
    expect(forecastDates([sd(1, { ages: [age1] })], []).earliest).toBe('2025-02-12');
  });

  it('the latest of all minimum interval dates (CALCDTINT-4)', () => {
    const sd3 = sd(3, { intervals: [int2, { fromPrevious: false, fromTargetDose: 1, minInt: dur('16 weeks'), priority: false }] });
    const f = forecastDates(
      [sd(1), sd(2, { intervals: [int2] }), sd3],
      [
        { date: '2025-03-01', cvx: '20' },
        { date: '2025-04-01', cvx: '20' },
      ],
    );
    expect(f.target).toBe(3);
    expect(f.earliest).toBe('2025-06-21'); // 16 weeks after dose 1, later than 4 weeks after dose 2 (04/29)
  });

  it('the latest forecast conflict end date, from the conflict end interval (CALCDTCONFLICT-3)', () => {
    const mmrVar = mmrVaricellaConflict({ minConflictEndInterval: dur('24 days') });
    const data = { ...EMPTY_DATA, conflictsByCurrentCvx: new Map([['21', [mmrVar]]]) };
    const varicella = seriesDose({
      doseNumber: 1,
      ages: [{ minAge: dur('12 months') }],
      preferableVaccines: [{ vaccineType: 'Varicella', cvx: '21', forecastVaccineType: true }],
    });
    const f = forecastDates([varicella], [{ date: '2025-06-01', cvx: '3' }], { dob: '2024-01-01', data, antigenCvx: ['21'] });
    expect(f.earliest).toBe('2025-06-29');
  });

  it('the seasonal recommendation start date', () => {
    const flu = sd(1, { ages: [{ minAge: dur('6 months') }], seasonal: { startDate: d('2025-08-01'), endDate: d('2026-06-30') } });
    expect(forecastDates([flu], [], { dob: '2024-01-01', assessment: '2025-05-01' }).earliest).toBe('2025-08-01');
  });

  it('the latest date administered of an inadvertent administration', () => {
    const f = forecastDates([sd(1, { ages: [age1], inadvertentVaccines: new Set(['115']) })], [{ date: '2025-05-01', cvx: '115' }]);
    expect(f.target).toBe(1);
    expect(f.earliest).toBe('2025-05-01');
  });

  it('the date administered of the most recent dose evaluated against a target dose (a Not Valid dose)', () => {
    const f = forecastDates([sd(1, { ages: [age1] })], [{ date: '2025-05-01', cvx: '3' }]);
    expect(f.earliest).toBe('2025-05-01');
  });

  it('Table 7-9: nothing to compute a candidate from → 12/31/2999', () => {
    expect(forecastDates([sd(1)], []).earliest).toBe(formatIsoDate(MAX_DATE));
  });
});

describe('7.5 forecast dates (FORECASTDT-1 … FORECASTDT-6)', () => {
  it('FORECASTDT-1 … -4 from ages: earliest = minimum age, recommended = earliest recommended age, past due = latest recommended age - 1 day, latest = maximum age - 1 day', () => {
    expect(forecastDates([sd(1, { ages: [age1] })], [])).toEqual({
      target: 1,
      earliest: '2025-02-12',
      unadjustedRecommended: '2025-03-01',
      recommended: '2025-03-01',
      unadjustedPastDue: '2025-04-28',
      pastDue: '2025-04-28',
      latest: '2031-12-31',
    });
  });

  it('FORECASTDT-2 / -3 from intervals when there is no recommended age: latest earliest / latest recommended interval dates; FORECASTDT-4 blank without a maximum age', () => {
    expect(forecastDates([sd(1), sd(2, { intervals: [int2] })], [{ date: '2025-03-01', cvx: '20' }])).toEqual({
      target: 2,
      earliest: '2025-03-29',
      unadjustedRecommended: '2025-04-26', // 8 weeks
      recommended: '2025-04-26',
      unadjustedPastDue: '2025-06-06', // 14 weeks - 1 day
      pastDue: '2025-06-06',
      latest: undefined,
    });
  });

  it('FORECASTDT-2: the earliest recommended age date comes before the earliest recommended interval dates', () => {
    const sd2 = sd(2, { ages: [{ earliestRecAge: dur('4 months'), latestRecAge: dur('5 months') }], intervals: [int2] });
    const f = forecastDates([sd(1), sd2], [{ date: '2025-03-01', cvx: '20' }]);
    expect(f.unadjustedRecommended).toBe('2025-05-01');
    expect(f.unadjustedPastDue).toBe('2025-05-31');
  });

  it('FORECASTDT-2 / -3: with neither recommended ages nor intervals the recommended date is the earliest date and there is no past due date', () => {
    const f = forecastDates([sd(1, { ages: [{ minAge: dur('6 weeks') }] })], []);
    expect(f.unadjustedRecommended).toBe('2025-02-12');
    expect(f.recommended).toBe('2025-02-12');
    expect(f.unadjustedPastDue).toBeUndefined();
    expect(f.pastDue).toBeUndefined();
  });

  it('FORECASTDT-5 / -6: adjusted recommended and past due dates are not before the earliest date', () => {
    // a Not Valid dose on 04/15 moves the earliest date past the recommended date (03/01)
    const late = forecastDates([sd(1, { ages: [age1] })], [{ date: '2025-04-15', cvx: '3' }]);
    expect([late.earliest, late.unadjustedRecommended, late.recommended]).toEqual(['2025-04-15', '2025-03-01', '2025-04-15']);
    expect([late.unadjustedPastDue, late.pastDue]).toEqual(['2025-04-28', '2025-04-28']);
    // … and past the past due date (04/28)
    const later = forecastDates([sd(1, { ages: [age1] })], [{ date: '2025-05-10', cvx: '3' }]);
    expect([later.unadjustedPastDue, later.pastDue]).toEqual(['2025-04-28', '2025-05-10']);
  });
});

describe('7.5 recommended vaccines (FORECASTRECVAC-1)', () => {
  const v = (cvx: string, forecastVaccineType: boolean, endAge?: string) => ({
    vaccineType: `CVX ${cvx}`,
    cvx,
    beginAge: dur('6 weeks'),
    endAge: endAge === undefined ? undefined : dur(endAge),
    forecastVaccineType,
  });
  const target = seriesDose({
    doseNumber: 1,
    preferableVaccines: [v('20', true, '7 years'), v('106', false, '7 years'), v('110', true, '7 years'), v('120', true, '5 years')],
    allowableVaccines: [v('107', true)],
  });
  const r = run(context({ dob: '2020-01-01', assessment: '2020-01-01' }), series({ doses: [target] }));
  const dates = (earliest: string, recommended: string): ForecastDates => ({
    earliestDate: d(earliest),
    unadjustedRecommendedDate: d(recommended),
    recommendedDate: d(recommended),
  });
  const cvx = (earliest: string, recommended: string, contraindicated: string[] = []) =>
    recommendedVaccines(r, target, dates(earliest, recommended), new Set(contraindicated)).map((x) => x.cvx);

  it.each([
    [
      'preferable vaccines with forecast vaccine type Y in their age range; never N, never allowable vaccines',
      '2024-06-01',
      '2024-07-01',
      [],
      ['20', '110', '120'],
    ],
    ['a vaccine contraindication removes that vaccine type', '2024-06-01', '2024-07-01', ['110'], ['20', '120']],
    ['the day before the end age date is in range', '2024-12-31', '2024-12-31', [], ['20', '110', '120']],
    ['on the end age date is out of range (before the end age date)', '2025-01-01', '2025-01-01', [], ['20', '110']],
    [
      'earliest date before the begin age date, recommended date in range → recommended',
      '2020-02-01',
      '2020-03-01',
      [],
      ['20', '110', '120'],
    ],
    ['earliest and recommended dates both before the begin age date → none', '2020-02-01', '2020-02-11', [], []],
    ['on the begin age date (6 weeks) → recommended', '2020-02-12', '2020-02-12', [], ['20', '110', '120']],
  ])('%s', (_name, earliest, recommended, contraindicated, expected) => {
    expect(cvx(earliest, recommended, contraindicated)).toEqual(expected);
  });

  it('carries the vaccine type of the series dose vaccine', () => {
    expect(recommendedVaccines(r, target, dates('2024-06-01', '2024-06-01'), new Set())[0]).toEqual({ cvx: '20', vaccineType: 'CVX 20' });
  });
});
