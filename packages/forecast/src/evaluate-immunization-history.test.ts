import { describe, expect, it } from 'vitest';
import type { SeriesRun } from './context.ts';
import { evaluateImmunizationHistory } from './evaluate-immunization-history.ts';
import { context, d, dur, run, series, seriesDose, skipFrom12Months } from './test-fixtures.ts';
import type { ConditionalSkip, IntervalSpec, SeriesDose } from './supporting-data/model.ts';
import type { AntigenDose } from './types.ts';

// a small series: no age limit on dose 1, dose 2 and later at least 4 weeks (absolute 4 weeks - 4 days) after the previous dose
const fourWeeks: IntervalSpec = { fromPrevious: true, absMinInt: dur('4 weeks - 4 days'), minInt: dur('4 weeks'), priority: false };
const vaccine = { vaccineType: 'DTaP', cvx: '20', forecastVaccineType: true };
const sdose = (p: Partial<SeriesDose> & { doseNumber: number }): SeriesDose => seriesDose({ preferableVaccines: [vaccine], ...p });
const td1 = sdose({ doseNumber: 1 });
const td2 = sdose({ doseNumber: 2, intervals: [fourWeeks] });
const td3 = sdose({ doseNumber: 3, intervals: [fourWeeks] });

function evaluate(doses: string[], doseList: SeriesDose[] = [td1, td2, td3], patch: (d: AntigenDose, i: number) => AntigenDose = (x) => x) {
  const ctx = context({ dob: '2020-01-01', assessment: '2025-01-01', doses: doses.map((date) => ({ date, cvx: '20' })) });
  const base = run(ctx, series({ doses: doseList }));
  const r: SeriesRun = { ...base, doses: base.doses.map(patch) };
  const next = evaluateImmunizationHistory(r);
  return {
    r,
    next,
    statuses: r.evals.map((e) => e?.status),
    targets: r.evals.map((e) => e?.targetDose),
    targetStatuses: r.targetDoses.map((t) => t.status),
  };
}

describe('4.4 evaluate immunization history (Figure 4-6)', () => {
  it('step 2a: no antigen administered records → the evaluation ends at target dose 1, nothing satisfied', () => {
    const { next, targetStatuses } = evaluate([]);
    expect(next).toBe(0);
    expect(targetStatuses).toEqual(['Not Satisfied', 'Not Satisfied', 'Not Satisfied']);
  });

  it('steps 4a / 6b: a valid dose satisfies the target dose and the next dose is evaluated against the next target dose', () => {
    const { r, next, statuses, targets, targetStatuses } = evaluate(['2020-03-01', '2020-05-01']);
    expect(statuses).toEqual(['Valid', 'Valid']);
    expect(targets).toEqual([1, 2]);
    expect(targetStatuses).toEqual(['Satisfied', 'Satisfied', 'Not Satisfied']);
    expect(r.targetDoses.map((t) => t.satisfiedBy)).toEqual([0, 1, undefined]);
    expect(next).toBe(2); // target dose 3 is the one to forecast
  });

  it('step 4b: a dose that does not satisfy the target dose leaves it current — the next dose is evaluated against the same target dose', () => {
    const { statuses, targets, targetStatuses, r } = evaluate(['2020-03-01', '2020-03-10', '2020-04-10']); // dose 3: 4 weeks after the Not Valid dose 2 (CALCDTINT-1)
    expect(statuses).toEqual(['Valid', 'Not Valid', 'Valid']);
    expect(targets).toEqual([1, 2, 2]);
    expect(r.evals[1]?.reasons).toEqual(['Interval: Too Soon']);
    expect(targetStatuses).toEqual(['Satisfied', 'Satisfied', 'Not Satisfied']);
    expect(r.targetDoses[1]?.satisfiedBy).toBe(2);
  });

  it('step 6a: once every target dose is satisfied the remaining doses are Extraneous, reason Series Already Complete, with no target dose', () => {
    const { r, next, statuses, targets } = evaluate(['2020-03-01', '2020-05-01', '2020-07-01', '2020-09-01', '2020-09-02']);
    expect(statuses).toEqual(['Valid', 'Valid', 'Valid', 'Extraneous', 'Extraneous']);
    expect(targets).toEqual([1, 2, 3, undefined, undefined]);
    expect(r.evals[3]?.reasons).toEqual(['Series Already Complete']);
    expect(r.evals[3]?.satisfied).toBe(false);
    expect(r.evals[3]?.rulePath).toEqual([{ section: '4.4', rules: ['Figure 4-6 step 6a'], outcome: 'extraneous' }]);
    expect(next).toBe(3); // past the last target dose: nothing left to forecast
  });

  it('step 5a: a satisfied recurring target dose is followed by an identical copy, so later doses are never extraneous', () => {
    const recurring = sdose({ doseNumber: 2, intervals: [fourWeeks], recurring: true });
    const { r, next, statuses, targets } = evaluate(['2020-03-01', '2020-05-01', '2020-07-01', '2020-09-01'], [td1, recurring]);
    expect(statuses).toEqual(['Valid', 'Valid', 'Valid', 'Valid']);
    expect(targets).toEqual([1, 2, 2, 2]);
    expect(r.targetDoses.map((t) => [t.seriesDose.doseNumber, t.copy, t.status])).toEqual([
      [1, 0, 'Satisfied'],
      [2, 0, 'Satisfied'],
      [2, 1, 'Satisfied'],
      [2, 2, 'Satisfied'],
      [2, 3, 'Not Satisfied'],
    ]);
    expect(next).toBe(4); // the next copy of the recurring dose is forecast
  });

  it('step 5a: the copy is the next element — later target doses move down by one and are not reached while the dose recurs', () => {
    const recurring = sdose({ doseNumber: 1, recurring: true });
    const { r, targets } = evaluate(['2020-03-01', '2020-05-01'], [recurring, td2]);
    expect(targets).toEqual([1, 1]);
    expect(r.targetDoses.map((t) => [t.seriesDose.doseNumber, t.copy, t.status])).toEqual([
      [1, 0, 'Satisfied'],
      [1, 1, 'Satisfied'],
      [1, 2, 'Not Satisfied'],
      [2, 0, 'Not Satisfied'],
    ]);
  });

  it('step 5a: a recurring copy keeps the rules of its series dose (a dose too soon after the previous one is Not Valid)', () => {
    const recurring = sdose({ doseNumber: 2, intervals: [fourWeeks], recurring: true });
    const { statuses, targets } = evaluate(['2020-03-01', '2020-05-01', '2020-05-10'], [td1, recurring]);
    expect(statuses).toEqual(['Valid', 'Valid', 'Not Valid']);
    expect(targets).toEqual([1, 2, 2]);
  });

  it('6.1 in the loop: a sub-standard dose does not satisfy the target dose; the next dose is evaluated against the same target dose', () => {
    const { r, statuses, targets } = evaluate(['2020-03-01', '2020-05-01', '2020-06-01'], undefined, (x, i) =>
      i === 1 ? { ...x, subStandard: true } : x,
    );
    expect(statuses).toEqual(['Valid', 'Sub-standard', 'Valid']);
    expect(targets).toEqual([1, 2, 2]);
    expect(r.evals[1]?.reasons).toEqual(['Sub-standard']);
  });

  it('6.1 in the loop: a dose given after its lot expired is Sub-standard, reason Expired', () => {
    const { r, statuses } = evaluate(['2020-03-01'], undefined, (x) => ({ ...x, lotExpiration: d('2020-02-29') }));
    expect(statuses).toEqual(['Sub-standard']);
    expect(r.evals[0]?.reasons).toEqual(['Expired']);
    expect(r.targetDoses[0]?.status).toBe('Not Satisfied');
  });

  it('6.4 in the loop: a dose given on or after the maximum age is Extraneous (Table 6-31) and the target dose stays current', () => {
    const young = sdose({ doseNumber: 1, ages: [{ maxAge: dur('1 year') }] });
    const { statuses, targets, targetStatuses } = evaluate(['2021-01-01', '2021-02-01'], [young, td2]);
    expect(statuses).toEqual(['Extraneous', 'Extraneous']);
    expect(targets).toEqual([1, 1]);
    expect(targetStatuses).toEqual(['Not Satisfied', 'Not Satisfied']);
  });

  const skipAt12Months = (context: ConditionalSkip['context']) => skipFrom12Months(context, 'dose not needed from 12 months of age');

  it('6.2 in the loop: a target dose skipped in the Evaluation context is Skipped and the dose is evaluated against the next target dose', () => {
    const skippable = sdose({ doseNumber: 1, conditionalSkips: [skipAt12Months('Evaluation')] });
    const { r, targets, targetStatuses } = evaluate(['2021-02-01'], [skippable, td2]);
    expect(targetStatuses).toEqual(['Skipped', 'Satisfied']);
    expect(targets).toEqual([2]);
    expect(r.evals[0]?.rulePath[0]).toMatchObject({ section: '6.2', outcome: 'target dose 1 skipped' });
    expect(r.evals[0]?.explanation).toContain('target dose 1 was skipped (dose not needed from 12 months of age)');
  });

  it('6.2 in the loop: the skip is judged on the date administered (CONDSKIP-2) — a dose before 12 months satisfies target dose 1', () => {
    const skippable = sdose({ doseNumber: 1, conditionalSkips: [skipAt12Months('Both')] });
    const { targets, targetStatuses } = evaluate(['2020-12-31'], [skippable, td2]);
    expect(targets).toEqual([1]);
    expect(targetStatuses).toEqual(['Satisfied', 'Not Satisfied']);
  });

  it('6.2 in the loop: a conditional skip whose context is Forecast does not skip a target dose during evaluation', () => {
    const skippable = sdose({ doseNumber: 1, conditionalSkips: [skipAt12Months('Forecast')] });
    const { targets, targetStatuses } = evaluate(['2021-02-01'], [skippable, td2]);
    expect(targets).toEqual([1]);
    expect(targetStatuses).toEqual(['Satisfied', 'Not Satisfied']);
  });

  it('step 6a after skips: when the last target doses are skipped, the dose is Extraneous', () => {
    const skippable = sdose({ doseNumber: 2, intervals: [fourWeeks], conditionalSkips: [skipAt12Months('Both')] });
    const { statuses, targetStatuses } = evaluate(['2020-03-01', '2021-03-01'], [td1, skippable]);
    expect(targetStatuses).toEqual(['Satisfied', 'Skipped']);
    expect(statuses).toEqual(['Valid', 'Extraneous']);
  });
});
