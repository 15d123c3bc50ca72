import { describe, expect, it } from 'vitest';
import type { PatientContext } from './context.ts';
import { context, d, dur, EMPTY_DATA, series, seriesDose } from './test-fixtures.ts';
import type { AntigenSeries, VaccineGroup } from './supporting-data/model.ts';
import type { AntigenResult, PatientSeriesResult, SeriesStatus } from './types.ts';
import { isPriorityForecast, multipleAntigenStatus, vaccineGroupForecasts } from './vaccine-group-forecast.ts';

describe('9.3 multiple antigen vaccine group status (Table 9-4)', () => {
  it.each<[SeriesStatus[], SeriesStatus]>([
    [['Contraindicated', 'Not Complete', 'Complete'], 'Contraindicated'],
    [['Aged Out', 'Not Complete'], 'Aged Out'],
    [['Not Recommended', 'Not Complete'], 'Not Recommended'],
    [['Complete', 'Not Complete', 'Complete'], 'Not Complete'],
    [['Immune', 'Immune', 'Immune'], 'Immune'],
    [['Immune', 'Complete', 'Complete'], 'Complete'],
    [['Complete', 'Complete', 'Complete'], 'Complete'],
  ])('%j → %s', (statuses, expected) => {
    expect(multipleAntigenStatus(statuses)).toBe(expected);
  });
});

const ctx = context({ dob: '2024-01-01', assessment: '2025-03-01' });
const dtapGroup: VaccineGroup = {
  name: 'DTaP/Tdap/Td',
  administerFullVaccineGroup: false,
  antigens: ['Diphtheria', 'Tetanus', 'Pertussis'],
};
const mmrGroup: VaccineGroup = { name: 'MMR', administerFullVaccineGroup: true, antigens: ['Measles', 'Mumps', 'Rubella'] };
const hepBGroup: VaccineGroup = { name: 'HepB', administerFullVaccineGroup: false, antigens: ['HepB'] };

/** A best patient series with its forecast (dates as ISO strings for readability). */
function best(
  antigen: string,
  status: SeriesStatus,
  f: {
    earliest?: string;
    recommended?: string;
    pastDue?: string;
    latest?: string;
    number?: number;
    cvx?: string[];
    reasons?: string[];
  } = {},
  s: Partial<AntigenSeries> = {},
): PatientSeriesResult {
  const dn = (x: string | undefined) => (x === undefined ? undefined : d(x));
  const forecasting = status === 'Not Complete';
  return {
    series: series({ name: `${antigen} ${s.type ?? 'Standard'} series`, antigen, ...s }),
    antigen,
    targetDoses: [],
    evaluations: [],
    forecast: {
      status,
      forecastDoseNumber: forecasting ? (f.number ?? 2) : undefined,
      earliestDate: forecasting ? dn(f.earliest ?? '2025-03-01') : undefined,
      unadjustedRecommendedDate: dn(f.recommended),
      recommendedDate: dn(f.recommended),
      unadjustedPastDueDate: dn(f.pastDue),
      pastDueDate: dn(f.pastDue),
      latestDate: dn(f.latest),
      reasons: f.reasons ?? [],
      recommendedVaccines: (f.cvx ?? []).map((cvx) => ({ cvx, vaccineType: `CVX ${cvx}` })),
    },
    validDoseCount: 0,
    allDosesValid: true,
  };
}

function groupForecasts(
  group: VaccineGroup,
  results: PatientSeriesResult[],
  relevantOnly: PatientSeriesResult[] = [],
  c: PatientContext = ctx,
) {
  const antigens = new Map<string, AntigenResult>();
  for (const a of group.antigens) {
    const bestSeries = results.filter((r) => r.antigen === a);
    const others = relevantOnly.filter((r) => r.antigen === a);
    antigens.set(a, {
      antigen: a,
      relevantSeries: [...bestSeries, ...others],
      bestSeries,
      unresolvedIndications: [],
      undeterminedIndications: [],
    });
  }
  return vaccineGroupForecasts(c, group, antigens);
}
const one = (group: VaccineGroup, results: PatientSeriesResult[], relevantOnly: PatientSeriesResult[] = []) => {
  const [f, ...rest] = groupForecasts(group, results, relevantOnly);
  if (!f || rest.length > 0) throw new Error('expected one vaccine group forecast');
  return f;
};

describe('9.1 general vaccine group rules (Table 9-2)', () => {
  const diphtheria = best('Diphtheria', 'Not Complete', {
    earliest: '2025-03-01',
    recommended: '2025-03-10',
    pastDue: '2025-04-01',
    latest: '2030-01-01',
    number: 2,
    cvx: ['20', '110'],
    reasons: ['d'],
  });
  const tetanus = best('Tetanus', 'Not Complete', {
    earliest: '2025-03-20',
    recommended: '2025-03-15',
    pastDue: '2025-03-18',
    latest: '2029-01-01',
    number: 3,
    cvx: ['20'],
    reasons: ['t'],
  });
  const pertussis = best('Pertussis', 'Complete', { reasons: ['Patient series is complete'] });
  const f = one(dtapGroup, [diphtheria, tetanus, pertussis]);

  it('FORECASTVG-1: only best patient series are contained — a relevant series that is not best changes nothing', () => {
    const early = best('Tetanus', 'Not Complete', { earliest: '2025-01-01', recommended: '2025-01-01', number: 9 });
    expect(one(dtapGroup, [diphtheria, tetanus, pertussis], [early])).toEqual(f);
  });
  it('FORECASTVG-2: adjusted recommended date = the later of the earliest recommended date and the group earliest date', () => {
    expect([f.earliestDate, f.recommendedDate]).toEqual(['2025-03-20', '2025-03-20']);
  });
  it('FORECASTVG-3: adjusted past due date = the later of the earliest past due date and the group earliest date', () => {
    expect(f.pastDueDate).toBe('2025-03-20');
  });
  it('FORECASTVG-4: latest date = the earliest latest date', () => {
    expect(f.latestDate).toBe('2029-01-01');
  });
  it('FORECASTVG-5 / -6: unadjusted recommended and past due dates = the earliest of the contained forecasts', () => {
    expect([f.unadjustedRecommendedDate, f.unadjustedPastDueDate]).toEqual(['2025-03-10', '2025-03-18']);
  });
  it('FORECASTVG-7: the reasons of every contained forecast', () => {
    expect(f.reasons).toEqual(['d', 't', 'Patient series is complete']);
  });
  it('FORECASTVG-8: recommended antigens are those whose best series is Not Complete', () => {
    expect(f.recommendedAntigens).toEqual(['Diphtheria', 'Tetanus']);
  });
  it('FORECASTVG-9: recommended vaccines of every contained forecast, each once', () => {
    expect(f.recommendedVaccines.map((v) => v.cvx)).toEqual(['20', '110']);
  });
  it('FORECASTDN-2: administer full vaccine group N → the maximum forecast dose number', () => {
    expect(f.forecastDoseNumber).toBe(3);
  });
  it('FORECASTDN-2: administer full vaccine group Y → the minimum forecast dose number', () => {
    const mmr = one(mmrGroup, [
      best('Measles', 'Not Complete', { number: 2 }),
      best('Mumps', 'Not Complete', { number: 1 }),
      best('Rubella', 'Complete'),
    ]);
    expect(mmr.forecastDoseNumber).toBe(1);
  });
  it('a vaccine group status other than Not Complete carries no dates and no dose number', () => {
    const done = one(dtapGroup, [best('Diphtheria', 'Complete'), best('Tetanus', 'Complete'), best('Pertussis', 'Immune')]);
    expect(done).toMatchObject({
      status: 'Complete',
      earliestDate: undefined,
      recommendedDate: undefined,
      pastDueDate: undefined,
      forecastDoseNumber: undefined,
    });
  });
});

describe('9.2 single antigen vaccine group (Table 9-3)', () => {
  it.each<SeriesStatus>(['Not Complete', 'Complete', 'Immune', 'Contraindicated', 'Aged Out', 'Not Recommended'])(
    'SINGLEANTVG-1: the vaccine group status is the patient series status (%s)',
    (status) => {
      expect(one(hepBGroup, [best('HepB', status)]).status).toBe(status);
    },
  );
  it('SINGLEANTVG-2: the earliest date is the earliest of the contained forecasts', () => {
    const a = best('HepB', 'Not Complete', { earliest: '2025-04-01', number: 2 }, { seriesGroup: '1' });
    const b = best('HepB', 'Not Complete', { earliest: '2025-03-15', number: 2 }, { seriesGroup: '2' });
    expect(one(hepBGroup, [a, b]).earliestDate).toBe('2025-03-15');
  });
  it('one forecast per single antigen group: with a live risk best series the forecast is made from the risk series (README interpretation)', () => {
    const standard = best('HepB', 'Not Complete', { earliest: '2025-03-05' });
    const risk = best('HepB', 'Not Complete', { earliest: '2025-06-01' }, { type: 'Risk', seriesGroup: '2' });
    const f = one(hepBGroup, [standard, risk]);
    expect([f.seriesType, f.earliestDate]).toEqual(['Risk', '2025-06-01']);
    expect(f.bestSeries.map((s) => s.series)).toEqual(['HepB Standard series', 'HepB Risk series']);
  });
  it('no best series (no relevant patient series) → Not Recommended with the 5.1 reason', () => {
    const [f] = groupForecasts(hepBGroup, []);
    expect(f?.status).toBe('Not Recommended');
    expect(f?.reasons.join()).toContain('No relevant patient series');
  });
});

describe('9.3 multiple antigen vaccine group (Table 9-5)', () => {
  const interval = (priority: boolean) => ({ fromPrevious: true, minInt: dur('4 weeks'), priority });
  const withIntervals = (r: PatientSeriesResult, priorities: boolean[]): PatientSeriesResult => ({
    ...r,
    forecast: { ...r.forecast, targetDose: seriesDose({ doseNumber: 2, intervals: priorities.map(interval) }) },
  });
  it.each([
    ['no preferable interval → not a priority forecast', [], false],
    ['every preferable interval has priority Y → priority forecast', [true, true], true],
    ['one preferable interval without priority → not a priority forecast', [true, false], false],
  ])('FORECASTPRIORITY-1: %s', (_name, priorities, expected) => {
    expect(isPriorityForecast(withIntervals(best('Measles', 'Not Complete'), priorities))).toBe(expected);
  });

  const data = {
    ...EMPTY_DATA,
    cvxMap: new Map([
      ['3', { cvx: '3', shortDescription: 'MMR', associations: [{ antigen: 'Measles' }, { antigen: 'Mumps' }, { antigen: 'Rubella' }] }],
    ]),
  };
  const withDose = { ...context({ dob: '2024-01-01', assessment: '2025-03-01', data, doses: [{ date: '2025-03-10', cvx: '3' }] }) };
  const measles = (priority: boolean) => withIntervals(best('Measles', 'Not Complete', { earliest: '2025-03-01' }), [priority]);
  const mumps = best('Mumps', 'Not Complete', { earliest: '2025-03-20' });
  it('MULTIANTVG-1 without a priority forecast: the latest earliest date of the contained forecasts', () => {
    expect(groupForecasts(mmrGroup, [measles(false), mumps], [], withDose)[0]?.earliestDate).toBe('2025-03-20');
  });
  it('MULTIANTVG-1 with a priority forecast: the later of the earliest earliest date and the last dose of the group', () => {
    expect(groupForecasts(mmrGroup, [measles(true), mumps], [], withDose)[0]?.earliestDate).toBe('2025-03-10');
  });
  it('4.6: risk and standard best series are blended separately, the risk forecast first', () => {
    const risk = best('Pertussis', 'Not Complete', { earliest: '2025-05-01' }, { type: 'Risk', seriesGroup: '2' });
    const out = groupForecasts(dtapGroup, [best('Diphtheria', 'Not Complete'), best('Tetanus', 'Not Complete'), risk]);
    expect(out.map((f) => [f.seriesType, f.recommendedAntigens])).toEqual([
      ['Risk', ['Pertussis']],
      ['Standard', ['Diphtheria', 'Tetanus']],
    ]);
  });
});

describe('9.3 with a contraindicated antigen (7.3: an antigen contraindication stops that antigen only)', () => {
  const data = {
    ...EMPTY_DATA,
    cvxMap: new Map([
      ['9', { cvx: '9', shortDescription: 'Td', associations: [{ antigen: 'Diphtheria' }, { antigen: 'Tetanus' }] }],
      [
        '115',
        {
          cvx: '115',
          shortDescription: 'Tdap',
          associations: [{ antigen: 'Diphtheria' }, { antigen: 'Tetanus' }, { antigen: 'Pertussis' }],
        },
      ],
    ]),
  };
  const c = context({ dob: '1990-01-01', assessment: '2025-03-01', data });
  const contraindicated = (a: string) => ({
    ...best(a, 'Contraindicated'),
    forecast: {
      ...best(a, 'Contraindicated').forecast,
      reasons: ['Patient has a contraindication'],
      contraindications: [`No ${a} vaccine.`],
    },
  });
  const td = (a: string) => best(a, 'Not Complete', { earliest: '2025-03-01', number: 1, cvx: ['9', '115'] });

  it('administer full vaccine group N: the group is forecast from the other antigens, without vaccines containing the contraindicated one', () => {
    const [f, ...rest] = groupForecasts(dtapGroup, [td('Diphtheria'), td('Tetanus'), contraindicated('Pertussis')], [], c);
    expect(rest).toEqual([]);
    expect(f?.status).toBe('Not Complete');
    expect(f?.recommendedAntigens).toEqual(['Diphtheria', 'Tetanus']);
    expect(f?.recommendedVaccines.map((v) => v.cvx)).toEqual(['9']);
    expect(f?.earliestDate).toBe('2025-03-01');
    expect(f?.reasons).toContain('Pertussis: Patient has a contraindication; forecast from the other antigens of the group');
    expect(f?.clinicalJudgement).toContain('No Pertussis vaccine.');
  });
  it('administer full vaccine group N, every antigen contraindicated → Contraindicated (Table 9-4)', () => {
    const [f] = groupForecasts(dtapGroup, ['Diphtheria', 'Tetanus', 'Pertussis'].map(contraindicated), [], c);
    expect(f?.status).toBe('Contraindicated');
    expect(f?.recommendedVaccines).toEqual([]);
  });
  it('administer full vaccine group Y: the antigens are given together, so one contraindicated antigen contraindicates the group (Table 9-4)', () => {
    const [f] = groupForecasts(
      mmrGroup,
      [best('Measles', 'Not Complete'), best('Mumps', 'Not Complete'), contraindicated('Rubella')],
      [],
      c,
    );
    expect(f?.status).toBe('Contraindicated');
  });
  it('a single antigen group with its antigen contraindicated is Contraindicated (SINGLEANTVG-1)', () => {
    expect(one(hepBGroup, [contraindicated('HepB')]).status).toBe('Contraindicated');
  });
});
