/**
 * Underlying-condition rules of the logic spec (chapters 5–9) checked on the 4.64 supporting data with patients
 * built here from the spec's tables and the data rows they name — independent of the CDC test case files. Each
 * expectation is worked out by hand from the data row quoted in the test.
 */
import { describe, expect, it } from 'vitest';
import { evaluateAndForecast } from './evaluate-and-forecast.ts';
import { loadSupportingDataFromDir } from './node.ts';
import type { ForecastInput, ObservationInput, VaccineGroupForecast } from './types.ts';

const data = loadSupportingDataFromDir();

interface Patient {
  dob: string;
  sex?: 'F' | 'M';
  assessment: string;
  observations?: (string | ObservationInput)[];
  doses?: [date: string, cvx: string][];
}

function run(group: string, p: Patient) {
  const input: ForecastInput = {
    patient: { dob: p.dob, sex: p.sex ?? 'F' },
    observations: (p.observations ?? []).map((o) => (typeof o === 'string' ? { code: o } : o)),
    doses: (p.doses ?? []).map(([date, cvx], i) => ({ id: String(i + 1), date, cvx })),
    assessmentDate: p.assessment,
    vaccineGroups: [group],
  };
  return evaluateAndForecast(input, data);
}
/** The vaccine group forecasts of the group, primary first. */
const forecasts = (group: string, p: Patient): VaccineGroupForecast[] =>
  run(group, p).vaccineGroups.filter((v) => v.vaccineGroup === group);
function primary(group: string, p: Patient): VaccineGroupForecast {
  const f = forecasts(group, p)[0];
  if (!f) throw new Error(`no ${group} forecast`);
  return f;
}
const dates = (f: VaccineGroupForecast | undefined) => [
  f?.status,
  f?.forecastDoseNumber,
  f?.earliestDate,
  f?.recommendedDate,
  f?.pastDueDate,
];
const bestSeries = (f: VaccineGroupForecast | undefined) => f?.bestSeries.map((b) => b.series);

describe('5.1 Table 5-4 / 5-5: which risk series an indication brings in, by the indication ages', () => {
  // Measles risk 1-dose series: indication 048 (travelling internationally) 6–12 months; dose 1 min age 6 months,
  // latest recommended age 12 months. Measles risk 2-dose series: 048 from 18 years, dose 1 min age 18 years.
  it('travel (048) at 8 months: the infant risk series (dose by 12 months) and, apart from it, the standard series', () => {
    const all = forecasts('MMR', { dob: '2024-09-01', assessment: '2025-05-01', observations: ['048'] });
    expect(all.map((f) => f.seriesType)).toEqual(['Risk', 'Standard']);
    expect(bestSeries(all[0])).toEqual(['Measles risk 1-dose series', 'Mumps risk 1-dose series', 'Rubella risk 1-dose series']);
    // earliest = 6 months; past due = 12 months - 1 day (FORECASTDT-3)
    expect(dates(all[0])).toEqual(['Not Complete', 1, '2025-03-01', '2025-03-01', '2025-08-31']);
    expect(all[1]?.earliestDate).toBe('2025-09-01');
  });
  it('travel (048) at 5 years: outside both indication age ranges → no risk series; the clinician is told why', () => {
    const all = forecasts('MMR', { dob: '2020-01-01', assessment: '2025-05-01', observations: ['048'] });
    expect(all.map((f) => f.seriesType)).toEqual(['Standard']);
    expect(all[0]?.clinicalJudgement.join('\n')).toContain("Measles risk 1-dose series not applied (outside the indication's age range)");
  });
  it('travel (048) as an adult: the adult risk 2-dose series', () => {
    const f = primary('MMR', { dob: '1990-01-01', assessment: '2025-05-01', observations: ['048'] });
    expect(f.seriesType).toBe('Risk');
    expect(bestSeries(f)).toEqual(['Measles risk 2-dose series', 'Mumps risk 2-dose series', 'Rubella risk 2-dose series']);
  });

  // HPV risk male 3-dose series: indication 186 (HIV infection) from 9 years; start ages 9–46 years; dose 1 min 9 years,
  // earliest recommended 11 years, latest recommended 13 years + 4 weeks, max 46 years.
  it('HIV (186) at 12: the HPV risk 3-dose series replaces the standard 2-dose one (Table 8-14)', () => {
    const f = primary('HPV', { dob: '2013-01-01', sex: 'M', assessment: '2025-05-01', observations: ['186'] });
    expect(bestSeries(f)).toEqual(['HPV risk male 3-dose series']);
    expect(dates(f)).toEqual(['Not Complete', 1, '2022-01-01', '2024-01-01', '2026-01-28']);
  });
  it('HIV (186) at 50 without a dose: past the maximum age to start (46 years) no risk series is started', () => {
    const f = primary('HPV', { dob: '1975-01-01', sex: 'M', assessment: '2025-05-01', observations: ['186'] });
    expect(bestSeries(f)).not.toContain('HPV risk male 3-dose series');
    expect(f.status).toBe('Aged Out');
  });

  // Dengue risk 3-dose series: indication 211 (laboratory evidence of previous dengue infection) 9–17 years.
  it.each([
    ['8 years', 'Not Recommended', '2017-01-01'],
    ['10 years', 'Not Complete', '2015-01-01'],
    ['17 years (on the indication end age date)', 'Not Recommended', '2008-05-01'],
  ])('a positive dengue test (211) at %s → %s', (_age, status, dob) => {
    expect(primary('Dengue', { dob, assessment: '2025-05-01', observations: ['211'] }).status).toBe(status);
  });

  // Occupational exposure 050 (microbiologist): Meningococcal B risk series from 10 years; MenACWY risk 1-dose series
  // only from 19 years (its indication 050 begins at 19 years).
  it('a microbiologist (050) at 15: MenB risk series; MenACWY stays on the standard series', () => {
    expect(primary('Meningococcal B', { dob: '2010-01-01', assessment: '2025-05-01', observations: ['050'] }).seriesType).toBe('Risk');
    expect(bestSeries(primary('Meningococcal', { dob: '2010-01-01', assessment: '2025-05-01', observations: ['050'] }))).toEqual([
      'Meningococcal ACWY 2-dose series',
    ]);
  });
  it('a microbiologist (050) at 25: MenACWY risk 1-dose series, first dose from 2 years of age', () => {
    const f = primary('Meningococcal', { dob: '2000-01-01', assessment: '2025-05-01', observations: ['050'] });
    expect(bestSeries(f)).toEqual(['Meningococcal ACWY risk 1-dose series']);
    expect(dates(f)).toEqual(['Not Complete', 1, '2002-01-01', '2002-01-01', undefined]);
  });
});

describe('8.1 SELECTSCORE-2: the risk series of the highest series priority of its series group', () => {
  it('HepB: a 67-year-old on dialysis (032) gets the dialysis series (priority A), not the risk 3-dose series (priority B)', () => {
    expect(bestSeries(primary('HepB', { dob: '1958-01-01', assessment: '2025-05-01', observations: ['032'] }))).toEqual([
      'HepB risk Dialysis 4-dose series',
    ]);
  });
  it('Pneumococcal: diabetes (014, priority C series) and HIV (186, priority A series) → the immunocompromised series', () => {
    const f = primary('Pneumococcal', { dob: '1980-01-01', assessment: '2025-05-01', observations: ['014', '186'] });
    expect(bestSeries(f)?.[0]).toMatch(/^Pneumococcal risk 19\+ years immunocompromised/);
  });
});

describe('7.3 contraindications: an antigen or vaccine contraindication removes what it names, not the vaccine group', () => {
  // 086 (severe allergic reaction after a pertussis dose): antigen contraindication of Pertussis; vaccine contraindication
  // of CVX 20, 106, 110, 115, 120, 130, 146 for Diphtheria and Tetanus. Adult Diphtheria / Tetanus doses also allow
  // Td (9, 113); child doses only DTaP-containing vaccines.
  it('an adult with a pertussis allergy: DTaP/Tdap/Td is still forecast, from diphtheria and tetanus', () => {
    const f = primary('DTaP/Tdap/Td', { dob: '1990-01-01', assessment: '2025-05-01', observations: ['086'] });
    expect(f.status).toBe('Not Complete');
    expect(f.recommendedAntigens).toEqual(['Diphtheria', 'Tetanus']);
    expect(f.reasons).toContain('Pertussis: Patient has a contraindication; forecast from the other antigens of the group');
  });
  it('a child with a pertussis allergy: every preferable vaccine of each antigen is contraindicated → Contraindicated', () => {
    expect(primary('DTaP/Tdap/Td', { dob: '2024-01-01', assessment: '2025-05-01', observations: ['086'] }).status).toBe('Contraindicated');
  });
  it('MMR (administer full vaccine group Y) in pregnancy (007, antigen contraindication of all three) → Contraindicated', () => {
    expect(primary('MMR', { dob: '1995-01-01', assessment: '2025-05-01', observations: ['007'] }).status).toBe('Contraindicated');
  });
  it('influenza in pregnancy (007 contraindicates CVX 111 and 333 only): forecast, without those vaccines', () => {
    const f = primary('Influenza', { dob: '1995-01-01', assessment: '2025-10-01', observations: ['007'] });
    expect(f.status).toBe('Not Complete');
    expect(f.recommendedVaccines.map((v) => v.cvx)).not.toContain('111');
    expect(f.clinicalJudgement.length).toBeGreaterThan(0);
  });
  it('orthopoxvirus with atopic dermatitis (224 contraindicates CVX 75, while 206 stays preferable): still forecast', () => {
    const f = primary('Orthopoxvirus', { dob: '1990-01-01', assessment: '2025-05-01', observations: ['239', '224'] });
    expect(f.status).toBe('Not Complete');
    expect(f.clinicalJudgement.join('\n')).toMatch(/atopic dermatitis/i);
  });
});

describe('Unknown observations (Tables 5-4, 7-3, 7-5, 7-6 "Unknown"): not applied, returned for manual determination', () => {
  it('pregnancy recorded as unknown: MMR is forecast and the contraindication is listed as undetermined', () => {
    const f = primary('MMR', { dob: '1995-01-01', assessment: '2025-05-01', observations: [{ code: '007', status: 'unknown' }] });
    expect(f.status).toBe('Not Complete');
    expect(f.undetermined.map((u) => [u.code, u.kind, u.antigens])).toEqual([
      ['007', 'antigen contraindication', ['Measles', 'Mumps', 'Rubella']],
    ]);
  });
  it('asplenia recorded as unknown for a 2-year-old: no Hib risk series, the indication is listed as undetermined', () => {
    const f = primary('Hib', { dob: '2023-01-01', assessment: '2025-05-01', observations: [{ code: '160', status: 'unknown' }] });
    expect(f.seriesType).toBe('Standard');
    expect(f.undetermined).toEqual([expect.objectContaining({ code: '160', kind: 'indication', detail: 'Hib risk child 2-dose series' })]);
  });
  it('laboratory evidence of varicella immunity recorded as unknown: not immune, listed as undetermined', () => {
    const f = primary('Varicella', { dob: '2015-01-01', assessment: '2025-05-01', observations: [{ code: '024', status: 'unknown' }] });
    expect(f.status).toBe('Not Complete');
    expect(f.undetermined.map((u) => u.kind)).toContain('evidence of immunity');
  });
  it('no unknown observation → nothing undetermined', () => {
    expect(primary('MMR', { dob: '1995-01-01', assessment: '2025-05-01', observations: ['007'] }).undetermined).toEqual([]);
  });
});

describe('6.5 / 7.5 intervals of risk series measured from the reference the data names (CALCDTINT-1, -2, -8, -9)', () => {
  // Pneumococcal risk 19+ years immunocompromised PPSV-PCV-PPSV series dose 3: 5 years from target dose 1 (CALCDTINT-2)
  // and 8 weeks from the previous dose (CALCDTINT-1); preferable PCV20 (216) / PCV21 (327).
  it('dose 3 of the immunocompromised PPSV-PCV-PPSV series: 5 years after the PPSV23 dose, not after the PCV13 dose', () => {
    const f = primary('Pneumococcal', {
      dob: '1970-01-01',
      assessment: '2022-01-01',
      observations: ['186'],
      doses: [
        ['2020-01-10', '33'],
        ['2021-03-01', '133'],
      ],
    });
    expect(bestSeries(f)).toEqual(['Pneumococcal risk 19+ years immunocompromised PPSV-PCV-PPSV series']);
    expect(dates(f)).toEqual(['Not Complete', 3, '2025-01-10', '2025-01-10', undefined]);
    expect(f.recommendedVaccines.map((v) => v.cvx)).toEqual(['216', '327']);
  });
  // CSF leaks / cochlear implants 19+ PCV-PPSV series dose 2: from the most recent PCV15 (215): minimum 8 weeks,
  // earliest recommended 1 year (CALCDTINT-8). Chronic medical conditions PCV-PPSV series dose 2: 1 year from the
  // previous dose, minimum and recommended.
  it.each([
    ['cochlear implant (011): 8 weeks minimum, 1 year recommended after the PCV15', '011', '2024-03-11', '2025-01-15'],
    ['diabetes (014): 1 year minimum after the PCV15', '014', '2025-01-15', '2025-01-15'],
  ])('%s', (_n, code, earliest, recommended) => {
    const f = primary('Pneumococcal', {
      dob: '1980-01-01',
      assessment: '2024-02-01',
      observations: [code],
      doses: [['2024-01-15', '215']],
    });
    expect(dates(f)).toEqual(['Not Complete', 2, earliest, recommended, undefined]);
  });
  // Hib risk 3-dose series (004, stem cell transplant) dose 1: from observation 171 (date of the transplant), minimum
  // 6 months, latest recommended 12 months (CALCDTINT-9); absolute minimum 0 days.
  it('stem cell transplant: dose 1 six to twelve months after the transplant date; doses before the transplant do not count', () => {
    const r = run('Hib', {
      dob: '2015-01-01',
      assessment: '2025-06-01',
      observations: ['004', { code: '171', date: '2025-02-10' }],
      doses: [
        ['2015-03-01', '48'],
        ['2015-05-01', '48'],
      ],
    });
    const f = r.vaccineGroups[0];
    expect(bestSeries(f)).toEqual(['Hib risk 3-dose series']);
    // past due = transplant + 12 months - 1 day (FORECASTDT-3)
    expect(dates(f)).toEqual(['Not Complete', 1, '2025-08-10', '2025-08-10', '2026-02-09']);
    expect(r.evaluations.map((e) => [e.status, e.reasons])).toEqual([
      ['Not Valid', ['Interval: Too Soon']],
      ['Not Valid', ['Interval: Too Soon']],
    ]);
  });
});

describe('infant doses that a risk series does not count (its minimum ages and conditional skips)', () => {
  // Pneumococcal risk 2-5 years chronic medical conditions series dose 1: absolute minimum and minimum age 2 years,
  // 8 weeks after the most recent PCV (CALCDTINT-8).
  it('a 3-year-old with a cochlear implant and one PCV13 at 4 months: the infant dose is Not Valid; dose 1 from age 2', () => {
    const r = run('Pneumococcal', { dob: '2022-01-10', assessment: '2025-02-01', observations: ['011'], doses: [['2022-05-10', '133']] });
    expect(r.evaluations.map((e) => [e.status, e.reasons])).toEqual([['Not Valid', ['Age: Too Young']]]);
    expect(dates(r.vaccineGroups[0])).toEqual(['Not Complete', 1, '2024-01-10', '2024-01-10', undefined]);
  });
  // Hib risk child 2-dose series (151, 12 months – 5 years): dose 1 minimum age 12 months and 8 weeks after the
  // previous dose; skipped when 2 or more doses were given before 12 months.
  it('one Hib dose before 12 months: it does not count, two risk doses from 12 months', () => {
    const r = run('Hib', { dob: '2024-01-01', assessment: '2025-07-01', observations: ['151'], doses: [['2024-06-01', '49']] });
    expect(r.evaluations.map((e) => e.status)).toEqual(['Not Valid']);
    expect(dates(r.vaccineGroups[0])).toEqual(['Not Complete', 1, '2025-01-01', '2025-01-01', undefined]);
  });
  it('two Hib doses before 12 months: target dose 1 is skipped and one dose is forecast 8 weeks after the last', () => {
    const f = primary('Hib', {
      dob: '2024-01-01',
      assessment: '2025-07-01',
      observations: ['151'],
      doses: [
        ['2024-03-01', '49'],
        ['2024-05-01', '49'],
      ],
    });
    expect(dates(f)).toEqual(['Not Complete', 1, '2024-06-26', '2024-06-26', undefined]);
    expect(f.reasons.join('\n')).toContain('target dose 1 skipped');
  });
  // After the travel indication (048, 6–12 months) ends, the infant MMR dose is judged by the standard series only:
  // dose 1 minimum age 12 months.
  it('an MMR dose given for travel at 7 months does not count toward the routine series', () => {
    const r = run('MMR', { dob: '2024-09-01', assessment: '2025-10-01', observations: ['048'], doses: [['2025-04-01', '03']] });
    expect(r.vaccineGroups.map((v) => v.seriesType)).toEqual(['Standard']);
    expect(r.evaluations.every((e) => e.status === 'Not Valid')).toBe(true);
    expect(dates(r.vaccineGroups[0]).slice(0, 3)).toEqual(['Not Complete', 1, '2025-09-01']);
  });
});

describe('pregnancy: intervals from the onset of pregnancy (170), seasonal recommendations and past due dates', () => {
  // Pertussis risk 1-dose series (007): from observation 170, absolute minimum 0 days, minimum 27 weeks, latest
  // recommended 36 weeks; preferable Tdap (115).
  const pregnant = (assessment: string, doses: [string, string][] = []) =>
    forecasts('DTaP/Tdap/Td', { dob: '1995-01-01', assessment, observations: ['007', { code: '170', date: '2025-03-01' }], doses });
  it('Tdap: earliest 27 weeks after the onset, past due 36 weeks after it minus 1 day (FORECASTDT-3)', () => {
    const [risk] = pregnant('2025-06-01');
    expect(risk?.seriesType).toBe('Risk');
    expect(dates(risk)).toEqual(['Not Complete', 1, '2025-09-06', '2025-09-06', '2025-11-07']);
  });
  it('a Tdap from before this pregnancy does not count; one given in this pregnancy does (Table 6-18)', () => {
    expect(pregnant('2025-06-01', [['2023-05-01', '115']])[0]?.status).toBe('Not Complete');
    expect(pregnant('2025-10-01', [['2025-09-10', '115']])[0]?.status).toBe('Complete');
  });

  // RSV risk pregnant 1-dose series (007): from observation 170, minimum 32 weeks, latest recommended 37 weeks;
  // seasonal recommendation 2025-09-01 to 2026-01-31; preferable RSVpreF (305).
  const rsv = (onset: string, assessment: string) =>
    primary('RSV', { dob: '1995-01-01', assessment, observations: ['007', { code: '170', date: onset }] });
  it('RSV vaccine: 32 weeks after the onset, inside the season; past due at 37 weeks minus 1 day', () => {
    const f = rsv('2025-03-01', '2025-08-20');
    expect(dates(f)).toEqual(['Not Complete', 1, '2025-10-11', '2025-10-11', '2025-11-14']);
    expect(f.recommendedVaccines.map((v) => v.cvx)).toEqual(['305']);
  });
  it('RSV vaccine: 32 weeks fall before the season → earliest is the season start (FORECASTDTCAN-1); past due not before it', () => {
    expect(dates(rsv('2025-01-01', '2025-08-01'))).toEqual(['Not Complete', 1, '2025-09-01', '2025-09-01', '2025-09-16']);
  });
  it('RSV vaccine: assessed after the season end date → Not Recommended, "Past seasonal recommendation end date" (Table 7-10)', () => {
    const f = rsv('2025-07-01', '2026-02-10');
    expect(f.status).toBe('Not Recommended');
    expect(f.reasons).toContain('Past seasonal recommendation end date');
  });
});

describe('FORECASTDT-3 / CALCDT-5: past due dates at the month edges', () => {
  // DTaP dose 1 latest recommended age 3 months + 4 weeks: 03/31 + 3 months is 06/31 → 07/01 (CALCDT-5), + 4 weeks
  // = 07/29, minus 1 day = 07/28.
  it.each([
    ['2025-07-28', '2025-03-31'],
    ['2025-06-24', '2025-02-28'],
  ])('past due %s for a child born %s', (pastDue, dob) => {
    expect(primary('DTaP/Tdap/Td', { dob, assessment: '2025-04-15' }).pastDueDate).toBe(pastDue);
  });
});
