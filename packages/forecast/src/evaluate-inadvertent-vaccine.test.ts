import { describe, expect, it } from 'vitest';
import { evaluateAndForecast } from './evaluate-and-forecast.ts';
import { evaluateImmunizationHistory } from './evaluate-immunization-history.ts';
import { isInadvertentVaccine } from './evaluate-inadvertent-vaccine.ts';
import { evaluatePreferableIntervals } from './evaluate-interval.ts';
import { loadSupportingDataFromDir } from './node.ts';
import { evaluateAgainstTargetDose } from './satisfy-target-dose.ts';
import { antigenDoses, context, d, dur, run, series, seriesDose } from './test-fixtures.ts';
import type { SeriesDose } from './supporting-data/model.ts';

const data = loadSupportingDataFromDir();

// DTaP-like target doses: DTaP (20) is preferable, Tdap (115) is an inadvertent vaccine
const dtap = { vaccineType: 'DTaP', cvx: '20', forecastVaccineType: true };
const sd = (doseNumber: number, p: Partial<SeriesDose> = {}): SeriesDose =>
  seriesDose({
    doseNumber,
    ages: [{ absMinAge: dur('6 weeks - 4 days'), minAge: dur('6 weeks') }],
    intervals: doseNumber > 1 ? [{ fromPrevious: true, absMinInt: dur('4 weeks - 4 days'), minInt: dur('4 weeks'), priority: false }] : [],
    preferableVaccines: [dtap],
    inadvertentVaccines: new Set(['115']),
    ...p,
  });
const s = series({ doses: [sd(1), sd(2), sd(3)] });

function evaluate(doses: { date: string; cvx: string }[]) {
  const r = run(context({ dob: '2025-01-01', assessment: '2026-01-01', doses }), s);
  evaluateImmunizationHistory(r);
  return r;
}

describe('6.3 evaluate for inadvertent vaccine (Table 6-13)', () => {
  const [dose] = antigenDoses(context({ dob: '2025-01-01', assessment: '2026-01-01', doses: [{ date: '2025-03-01', cvx: '115' }] }));
  if (!dose) throw new Error('no dose');
  it.each([
    ['Yes: the vaccine type is one of the inadvertent vaccines of the target dose', new Set(['115']), true],
    ['Yes: one of several inadvertent vaccines', new Set(['9', '113', '115']), true],
    ['No: the vaccine type is not an inadvertent vaccine of the target dose', new Set(['9']), false],
    ['No: the target dose has no inadvertent vaccines', new Set<string>(), false],
  ])('%s', (_name, inadvertent, expected) => {
    expect(isInadvertentVaccine(dose, seriesDose({ doseNumber: 1, inadvertentVaccines: inadvertent }))).toBe(expected);
  });

  it('Table 6-13 Yes: a dose whose vaccine type is an inadvertent vaccine of the target dose is Not Valid, reason Inadvertent Vaccine (the CDC cases’ label for "Inadvertent Administration"), target dose not satisfied', () => {
    const r = run(context({ dob: '2025-01-01', assessment: '2026-01-01', doses: [{ date: '2025-03-01', cvx: '115' }] }), s);
    const e = evaluateAgainstTargetDose(r, 0, sd(1));
    expect(e).toMatchObject({ status: 'Not Valid', reasons: ['Inadvertent Vaccine'], targetDose: 1, satisfied: false, inadvertent: true });
    expect(e.explanation).toEqual(['CVX 115 is an inadvertent vaccine for target dose 1']);
  });

  it('Table 6-13 Yes ends the evaluation of the dose: age, interval, conflict and vaccine steps are not run', () => {
    // given far too young: an inadvertent administration is still reported as such, not as too young
    const r = run(context({ dob: '2025-01-01', assessment: '2026-01-01', doses: [{ date: '2025-01-05', cvx: '115' }] }), s);
    const e = evaluateAgainstTargetDose(r, 0, sd(1));
    expect(e.reasons).toEqual(['Inadvertent Vaccine']);
    expect(e.rulePath.map((p) => [p.section, p.rules, p.outcome])).toEqual([['6.3', ['Table 6-13'], 'inadvertent administration']]);
  });

  it('Table 6-13 No: the evaluation goes on to age (6.4) and the other steps', () => {
    const r = run(context({ dob: '2025-01-01', assessment: '2026-01-01', doses: [{ date: '2025-03-01', cvx: '20' }] }), s);
    const e = evaluateAgainstTargetDose(r, 0, sd(1));
    expect(e).toMatchObject({ status: 'Valid', inadvertent: false });
    expect(e.rulePath.map((p) => p.section)).toEqual(['6.4', '6.5', '6.7', '6.8', '6.10']);
  });

  it('Target Dose Status Not Satisfied: the next dose is evaluated against the same target dose (4.4 step 4b)', () => {
    const r = evaluate([
      { date: '2025-03-01', cvx: '115' },
      { date: '2025-03-15', cvx: '20' },
    ]);
    expect(r.evals.map((e) => [e?.status, e?.targetDose])).toEqual([
      ['Not Valid', 1],
      ['Valid', 1],
    ]);
    expect(r.targetDoses.map((t) => t.status)).toEqual(['Satisfied', 'Not Satisfied', 'Not Satisfied']);
  });

  it('CALCDTINT-1: an inadvertent administration is not the reference dose of the next interval', () => {
    const r = evaluate([
      { date: '2025-03-01', cvx: '20' },
      { date: '2025-03-20', cvx: '115' },
      { date: '2025-03-29', cvx: '20' },
    ]);
    // 4 weeks after dose 1 (03/01), only 9 days after the inadvertent Tdap
    expect(r.evals.map((e) => [e?.status, e?.targetDose])).toEqual([
      ['Valid', 1],
      ['Not Valid', 2],
      ['Valid', 2],
    ]);
    const check = evaluatePreferableIntervals(r, sd(2), d('2025-03-29'), 2).checks[0];
    expect(check?.reference?.date).toBe(d('2025-03-01'));
  });

  it('4.64 data: Tdap (CVX 115) given to an infant as a first DTaP dose is an inadvertent vaccine for diphtheria, tetanus and pertussis', () => {
    const result = evaluateAndForecast(
      { patient: { dob: '2025-01-01', sex: 'F' }, doses: [{ id: 'tdap', date: '2025-03-01', cvx: '115' }], assessmentDate: '2025-04-01' },
      data,
    );
    const byAntigen = result.evaluations.filter((e) => e.doseId === 'tdap').map((e) => [e.antigen, e.status, e.reasons.join()]);
    expect(byAntigen.sort()).toEqual([
      ['Diphtheria', 'Not Valid', 'Inadvertent Vaccine'],
      ['Pertussis', 'Not Valid', 'Inadvertent Vaccine'],
      ['Tetanus', 'Not Valid', 'Inadvertent Vaccine'],
    ]);
    const group = result.vaccineGroups.find((g) => g.vaccineGroup === 'DTaP/Tdap/Td');
    expect(group?.forecastDoseNumber).toBe(1);
    expect(group?.earliestDate).toBe('2025-03-01'); // FORECASTDTCAN-1: not before the inadvertent administration
  });

  it('4.64 data: PPSV23 (CVX 33) is an inadvertent vaccine for the infant pneumococcal series', () => {
    const result = evaluateAndForecast(
      { patient: { dob: '2025-01-01', sex: 'M' }, doses: [{ id: 'ppsv', date: '2025-03-01', cvx: '33' }], assessmentDate: '2025-04-01' },
      data,
    );
    const e = result.evaluations.find((x) => x.doseId === 'ppsv' && x.antigen === 'Pneumococcal');
    expect(e?.status).toBe('Not Valid');
    expect(e?.reasons).toEqual(['Inadvertent Vaccine']);
  });
});
