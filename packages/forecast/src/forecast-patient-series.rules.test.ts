import { describe, expect, it } from 'vitest';
import { formatIsoDate } from './date-arithmetic.ts';
import { evaluateImmunizationHistory } from './evaluate-immunization-history.ts';
import { forecastDoseNumber, forecastPatientSeries } from './forecast-patient-series.ts';
import { antigen, context, d, dur, run, series, seriesDose, skipFrom12Months } from './test-fixtures.ts';
import type { Antigen, ConditionalSkip, SeriesDose } from './supporting-data/model.ts';

const vac = { vaccineType: 'Hib', cvx: '48', forecastVaccineType: true };
const sd = (doseNumber: number, p: Partial<SeriesDose> = {}): SeriesDose => seriesDose({ doseNumber, preferableVaccines: [vac], ...p });
const fromPrevious = (min: string) => ({ fromPrevious: true, minInt: dur(min), priority: false });
const iso = (n: number | undefined) => (n === undefined ? undefined : formatIsoDate(n));

function forecast(
  doses: SeriesDose[],
  history: string[],
  p: { dob?: string; assessment: string; observations?: string[]; antigen?: Partial<Antigen> },
) {
  const ctx = context({
    dob: p.dob ?? '2025-01-01',
    assessment: p.assessment,
    doses: history.map((date) => ({ date, cvx: '48' })),
    observations: new Map((p.observations ?? []).map((o) => [o, undefined])),
  });
  const s = series({ doses });
  const r = run(ctx, s);
  const next = evaluateImmunizationHistory(r);
  const f = forecastPatientSeries(r, antigen({ series: [s], ...p.antigen }), next);
  return { r, f, earliest: iso(f.earliestDate), targetStatuses: r.targetDoses.map((t) => t.status) };
}

// two target doses: dose 1 from 6 weeks of age, dose 2 four weeks later; both before 7 years of age
const twoDoses = [
  sd(1, { ages: [{ minAge: dur('6 weeks'), maxAge: dur('7 years') }] }),
  sd(2, { ages: [{ maxAge: dur('7 years') }], intervals: [fromPrevious('4 weeks')] }),
];

describe('7.4 should the patient receive another target dose? (Table 7-10)', () => {
  it('rule 1: a target dose Not Satisfied and nothing else in the way → Not Complete', () => {
    const { f } = forecast(twoDoses, ['2025-03-01'], { assessment: '2025-03-10' });
    expect(f.status).toBe('Not Complete');
    expect(f.targetDose?.doseNumber).toBe(2);
    expect(iso(f.earliestDate)).toBe('2025-03-29');
  });

  it('rule 2: no target dose Not Satisfied and one Satisfied → Complete, "Patient series is complete"', () => {
    const { f } = forecast(twoDoses, ['2025-03-01', '2025-04-01'], { assessment: '2025-05-01' });
    expect(f.status).toBe('Complete');
    expect(f.reasons).toEqual(['Patient series is complete']);
    expect(f.earliestDate).toBeUndefined();
  });

  it('rule 3: no target dose Not Satisfied and none Satisfied (all skipped) → Not Recommended, "due to past immunization history"', () => {
    const { f, targetStatuses } = forecast([sd(1, { conditionalSkips: [skipFrom12Months('Forecast')] })], [], { assessment: '2026-06-01' });
    expect(targetStatuses).toEqual(['Skipped']);
    expect(f.status).toBe('Not Recommended');
    expect(f.reasons.at(-1)).toBe('Not recommended at this time due to past immunization history');
  });

  it('rule 4: evidence of immunity (7.2) → Immune, "Patient has evidence of immunity"', () => {
    const immunity = { clinicalHistory: [{ code: '024', title: 'history of disease' }], dateOfBirth: [] };
    const { f } = forecast(twoDoses, ['2025-03-01'], { assessment: '2025-03-10', observations: ['024'], antigen: { immunity } });
    expect(f.status).toBe('Immune');
    expect(f.reasons.at(-1)).toMatch(/^Patient has evidence of immunity/);
    expect(f.earliestDate).toBeUndefined();
  });

  it('rule 5: a contraindicated patient series (7.3) → Contraindicated, "Patient has a contraindication"', () => {
    const antigenContraindications = [{ code: '080', title: 'Severe allergy', text: 'allergic to the vaccine', guidance: '' }];
    const { f } = forecast(twoDoses, ['2025-03-01'], {
      assessment: '2025-03-10',
      observations: ['080'],
      antigen: { antigenContraindications },
    });
    expect(f.status).toBe('Contraindicated');
    expect(f.reasons).toEqual(['Patient has a contraindication']);
    expect(f.contraindications).toEqual(['allergic to the vaccine']);
  });

  const seasonal = [sd(1, { ages: [{ minAge: dur('6 months') }], seasonal: { startDate: d('2025-08-01'), endDate: d('2026-06-30') } })];
  it.each([
    ['rule 6 boundary: assessment on the seasonal recommendation end date → Not Complete', '2026-06-30', 'Not Complete', undefined],
    [
      'rule 6: assessment after the seasonal recommendation end date → Not Recommended',
      '2026-07-01',
      'Not Recommended',
      'Past seasonal recommendation end date',
    ],
  ])('%s', (_name, assessment, status, reason) => {
    const { f } = forecast(seasonal, [], { dob: '2024-01-01', assessment });
    expect(f.status).toBe(status);
    if (reason) expect(f.reasons).toEqual([reason]);
  });

  it.each([
    ['rule 7 boundary: the day before the maximum age date → Not Complete', '2031-12-31', 'Not Complete', undefined],
    [
      'rule 7: assessment on the maximum age date → Aged Out, "exceeded the maximum age"',
      '2032-01-01',
      'Aged Out',
      'Patient has exceeded the maximum age',
    ],
  ])('%s', (_name, assessment, status, reason) => {
    const { f } = forecast(twoDoses, [], { assessment });
    expect(f.status).toBe(status);
    if (reason) expect(f.reasons).toEqual([reason]);
  });

  it('rule 8: the candidate earliest date on or after the maximum age date → Aged Out, "unable to finish the series prior to the maximum age"', () => {
    // dose 1 eleven days before the 7th birthday: dose 2 cannot come before 4 weeks later
    const { f } = forecast(twoDoses, ['2031-12-20'], { assessment: '2031-12-21' });
    expect(f.status).toBe('Aged Out');
    expect(f.reasons).toEqual(['Patient is unable to finish the series prior to the maximum age']);
  });
});

// Hib-like catch-up: dose 2 four weeks after dose 1 unless the patient is 12 months or older; dose 3 eight weeks after the previous dose
const hibLike = (context: ConditionalSkip['context']) => [
  sd(1),
  sd(2, { intervals: [fromPrevious('4 weeks')], conditionalSkips: [skipFrom12Months(context)] }),
  sd(3, { intervals: [fromPrevious('8 weeks')] }),
];

describe('7.1 evaluate conditional skip when forecasting', () => {
  it('a target dose whose Forecast skip is met on the assessment date is Skipped and the next target dose is forecast', () => {
    const { f, targetStatuses, earliest } = forecast(hibLike('Forecast'), ['2025-08-01'], { assessment: '2026-02-01' });
    expect(targetStatuses).toEqual(['Satisfied', 'Skipped', 'Not Satisfied']);
    expect(f.targetDose?.doseNumber).toBe(3);
    expect(earliest).toBe('2025-09-26'); // 8 weeks after dose 1
    expect(f.reasons).toEqual(['target dose 2 skipped: patient is 12 months or older']);
  });

  it('CONDSKIP-2: the reference date is the assessment date — before 12 months the dose is not skipped', () => {
    const { f, targetStatuses } = forecast(hibLike('Forecast'), ['2025-08-01'], { assessment: '2025-08-02' });
    expect(targetStatuses).toEqual(['Satisfied', 'Not Satisfied', 'Not Satisfied']);
    expect(f.targetDose?.doseNumber).toBe(2);
  });

  it('context Both also applies when forecasting', () => {
    expect(forecast(hibLike('Both'), ['2025-08-01'], { assessment: '2026-02-01' }).f.targetDose?.doseNumber).toBe(3);
  });

  it('only Forecast or Both instances are used: an Evaluation skip does not skip the forecast target dose', () => {
    const { f, targetStatuses } = forecast(hibLike('Evaluation'), ['2025-08-01'], { assessment: '2026-02-01' });
    expect(targetStatuses).toEqual(['Satisfied', 'Not Satisfied', 'Not Satisfied']);
    expect(f.targetDose?.doseNumber).toBe(2);
  });

  it('FORECASTDN-1: the forecast dose number counts satisfied target doses, not skipped ones', () => {
    const { f } = forecast(hibLike('Forecast'), ['2025-08-01'], { assessment: '2026-02-01' });
    expect(f.forecastDoseNumber).toBe(2);
  });
});

describe('7.6 validate recommendation (7.6.1 conditional skip at the earliest date)', () => {
  it('the spec example: dose 1 at 11 months + 1 week, dose 2 would be due after 12 months → dose 2 is skipped and dose 3 forecast 8 weeks after dose 1', () => {
    // born 01/01/2025: 11 months + 1 week = 12/08/2025; 4 weeks later (01/05/2026) the patient is 12 months old
    const { f, targetStatuses, earliest } = forecast(hibLike('Forecast'), ['2025-12-08'], { assessment: '2025-12-08' });
    expect(targetStatuses).toEqual(['Satisfied', 'Skipped', 'Not Satisfied']);
    expect(f.status).toBe('Not Complete');
    expect(f.targetDose?.doseNumber).toBe(3);
    expect(earliest).toBe('2026-02-02');
    expect(f.reasons).toEqual(['target dose 2 skipped at the earliest date: patient is 12 months or older']);
  });

  it('a recommendation still valid at its earliest date is kept (dose 1 at 10 months: dose 2 due before 12 months)', () => {
    const { f, targetStatuses, earliest } = forecast(hibLike('Forecast'), ['2025-11-01'], { assessment: '2025-11-01' });
    expect(targetStatuses).toEqual(['Satisfied', 'Not Satisfied', 'Not Satisfied']);
    expect(f.targetDose?.doseNumber).toBe(2);
    expect(earliest).toBe('2025-11-29');
  });

  it('7.6.1 uses only Forecast or Both instances: an Evaluation skip does not invalidate the recommendation', () => {
    const { f } = forecast(hibLike('Evaluation'), ['2025-12-08'], { assessment: '2025-12-08' });
    expect(f.targetDose?.doseNumber).toBe(2);
    expect(iso(f.earliestDate)).toBe('2026-01-05');
  });
});

describe('7.5 forecast dose number (FORECASTDN-1)', () => {
  const flu = sd(1, { recurring: true, seasonal: { startDate: d('2025-08-01'), endDate: d('2026-06-30') } });
  const doseNumber = (dates: string[], seasonalDose = flu) => {
    const s = series({ doses: dates.map(() => seasonalDose) });
    const r = run(context({ dob: '2020-01-01', assessment: '2025-12-01', doses: dates.map((date) => ({ date, cvx: '141' })) }), s);
    r.targetDoses.forEach((t, i) => {
      t.status = 'Satisfied';
      t.satisfiedBy = i;
    });
    return forecastDoseNumber(r);
  };

  it('the count of satisfied target doses plus 1', () => {
    expect(doseNumber([], sd(1))).toBe(1);
    expect(doseNumber(['2025-01-01', '2025-03-01'], sd(1))).toBe(3);
  });

  it('with a seasonal recommendation start date, only target doses satisfied on or after it count', () => {
    expect(doseNumber(['2024-10-01', '2025-07-31'])).toBe(1);
    expect(doseNumber(['2024-10-01', '2025-08-01'])).toBe(2);
    expect(doseNumber(['2025-08-15', '2025-09-15'])).toBe(3);
  });
});
