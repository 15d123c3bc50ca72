import { describe, expect, it } from 'vitest';
import { formatIsoDate } from './date-arithmetic.ts';
import { evaluateImmunizationHistory } from './evaluate-immunization-history.ts';
import { forecastPatientSeries } from './forecast-patient-series.ts';
import { context, dur, run, series, seriesDose } from './test-fixtures.ts';
import type { Antigen, AntigenSeries } from './supporting-data/model.ts';

const antigen = (s: AntigenSeries): Antigen => ({
  name: 'Test',
  fileName: 'test',
  immunity: { clinicalHistory: [], dateOfBirth: [] },
  antigenContraindications: [],
  vaccineContraindications: [],
  series: [s],
});
const vac = { vaccineType: 'DTaP', cvx: '20', forecastVaccineType: true };
// DTaP-like: dose 1 min age 6 weeks (rec 2 months, latest rec 3 months + 4 weeks); dose 2 min 4 weeks after dose 1
const s = series({
  doses: [
    seriesDose({
      doseNumber: 1,
      ages: [
        {
          absMinAge: dur('6 weeks - 4 days'),
          minAge: dur('6 weeks'),
          earliestRecAge: dur('2 months'),
          latestRecAge: dur('3 months + 4 weeks'),
          maxAge: dur('7 years'),
        },
      ],
      preferableVaccines: [vac],
    }),
    seriesDose({
      doseNumber: 2,
      ages: [
        {
          absMinAge: dur('10 weeks - 4 days'),
          minAge: dur('10 weeks'),
          earliestRecAge: dur('4 months'),
          latestRecAge: dur('5 months + 4 weeks'),
          maxAge: dur('7 years'),
        },
      ],
      intervals: [
        {
          fromPrevious: true,
          absMinInt: dur('4 weeks - 4 days'),
          minInt: dur('4 weeks'),
          earliestRecInt: dur('8 weeks'),
          latestRecInt: dur('14 weeks'),
          priority: false,
        },
      ],
      preferableVaccines: [vac],
    }),
  ],
});

function forecast(dob: string, assessment: string, doses: { date: string; cvx: string }[]) {
  const r = run(context({ dob, assessment, doses }), s);
  const next = evaluateImmunizationHistory(r);
  return { r, f: forecastPatientSeries(r, antigen(s), next) };
}
const iso = (n: number | undefined) => (n === undefined ? undefined : formatIsoDate(n));

describe('7.4 / 7.5 forecast need and dates (Table 7-10, FORECASTDT-1 … -6)', () => {
  it('no doses: dates from the ages of dose 1', () => {
    const { f } = forecast('2025-01-01', '2025-01-10', []);
    expect(f.status).toBe('Not Complete');
    expect(f.forecastDoseNumber).toBe(1);
    expect(iso(f.earliestDate)).toBe('2025-02-12'); // 6 weeks
    expect(iso(f.recommendedDate)).toBe('2025-03-01'); // 2 months
    expect(iso(f.pastDueDate)).toBe('2025-04-28'); // 3 months + 4 weeks - 1 day
    expect(iso(f.latestDate)).toBe('2031-12-31'); // 7 years - 1 day
    expect(f.recommendedVaccines.map((v) => v.cvx)).toEqual(['20']);
  });
  it('dose 2: earliest is the later of minimum age and minimum interval (FORECASTDTCAN-1)', () => {
    const { f } = forecast('2025-01-01', '2025-03-10', [{ date: '2025-03-01', cvx: '20' }]);
    expect(f.forecastDoseNumber).toBe(2);
    expect(iso(f.earliestDate)).toBe('2025-03-29'); // dose 1 + 4 weeks (after 10 weeks of age)
    expect(iso(f.recommendedDate)).toBe('2025-05-01'); // 4 months (earliest recommended age wins over the interval)
    expect(iso(f.pastDueDate)).toBe('2025-06-28'); // 5 months + 4 weeks - 1 day
  });
  it('all target doses satisfied → Complete', () => {
    const { f, r } = forecast('2025-01-01', '2025-06-10', [
      { date: '2025-03-01', cvx: '20' },
      { date: '2025-05-01', cvx: '20' },
    ]);
    expect(f.status).toBe('Complete');
    expect(r.evals.map((e) => e?.status)).toEqual(['Valid', 'Valid']);
  });
  it('extra doses after completion are extraneous (4.4 step 6a)', () => {
    const { r } = forecast('2025-01-01', '2025-09-10', [
      { date: '2025-03-01', cvx: '20' },
      { date: '2025-05-01', cvx: '20' },
      { date: '2025-07-01', cvx: '20' },
    ]);
    expect(r.evals[2]?.status).toBe('Extraneous');
    expect(r.evals[2]?.reasons).toEqual(['Series Already Complete']);
  });
  it('assessment on or after the maximum age → Aged Out', () => {
    const { f } = forecast('2015-01-01', '2025-01-10', []);
    expect(f.status).toBe('Aged Out');
  });
  it('a too-young dose is Not Valid and the dose is forecast again from it', () => {
    const { f, r } = forecast('2025-01-01', '2025-02-20', [{ date: '2025-02-05', cvx: '20' }]);
    expect(r.evals[0]?.status).toBe('Not Valid');
    expect(r.evals[0]?.reasons).toEqual(['Age: Too Young']);
    expect(f.forecastDoseNumber).toBe(1);
    expect(iso(f.earliestDate)).toBe('2025-02-12');
  });
});
