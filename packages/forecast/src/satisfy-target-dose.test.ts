import { describe, expect, it } from 'vitest';
import type { SeriesRun } from './context.ts';
import { evaluateAgainstTargetDose } from './satisfy-target-dose.ts';
import { context, dur, EMPTY_DATA, mmrVaricellaConflict, run, series, seriesDose } from './test-fixtures.ts';
import type { SeriesDose } from './supporting-data/model.ts';

// DTaP-like target dose 2 for a child born 01/01/2025: absolute minimum age 10 weeks - 4 days (03/08/2025),
// minimum age 10 weeks (03/12/2025), maximum age 7 years (01/01/2032); 4 weeks (absolute 4 weeks - 4 days)
// after the previous dose; DTaP (20, 0.5 mL) preferable, DTaP NOS (107) allowable.
const td2 = (p: Partial<SeriesDose> = {}): SeriesDose =>
  seriesDose({
    doseNumber: 2,
    ages: [{ absMinAge: dur('10 weeks - 4 days'), minAge: dur('10 weeks'), maxAge: dur('7 years') }],
    intervals: [{ fromPrevious: true, absMinInt: dur('4 weeks - 4 days'), minInt: dur('4 weeks'), priority: false }],
    preferableVaccines: [{ vaccineType: 'DTaP', cvx: '20', beginAge: dur('6 weeks'), volume: 0.5, forecastVaccineType: true }],
    allowableVaccines: [
      { vaccineType: 'DTaP, unspecified formulation', cvx: '107', beginAge: dur('6 weeks - 4 days'), forecastVaccineType: false },
    ],
    ...p,
  });

/** Evaluate a second dose against target dose 2, the first dose (CVX 20) being Valid. */
function second(previous: string, date: string, cvx = '20', p: { volume?: number; sd?: SeriesDose } = {}) {
  const ctx = context({
    dob: '2025-01-01',
    assessment: '2033-01-01',
    doses: [
      { date: previous, cvx: '20' },
      { date, cvx },
    ],
  });
  const base = run(ctx, series({ doses: [seriesDose({ doseNumber: 1 }), p.sd ?? td2()] }), ['Valid']);
  const r: SeriesRun = { ...base, doses: base.doses.map((x, i) => (i === 1 ? { ...x, volume: p.volume } : x)) };
  return evaluateAgainstTargetDose(r, 1, p.sd ?? td2());
}

describe('6.10 satisfy target dose (Table 6-31)', () => {
  it.each([
    // rule 1: valid age, intervals met, not impacted, preferable or allowable vaccine → Satisfied, Valid (with reasons)
    ['rule 1: valid age, interval, no conflict, preferable vaccine → Valid', '2025-02-15', '2025-03-20', '20', undefined, 'Valid', []],
    [
      'rule 1: age in the grace period counts as a valid age → Valid, reason Age: Grace Period',
      '2025-02-05',
      '2025-03-10',
      '20',
      undefined,
      'Valid',
      ['Age: Grace Period'],
    ],
    [
      'rule 1: interval in the grace period → Valid, reason Interval: Grace Period',
      '2025-02-20',
      '2025-03-18',
      '20',
      undefined,
      'Valid',
      ['Interval: Grace Period'],
    ],
    ['rule 1: an allowable vaccine satisfies the target dose → Valid', '2025-02-15', '2025-03-20', '107', undefined, 'Valid', []],
    [
      'rule 1: less than the recommended volume is still preferable → Valid with a volume reason',
      '2025-02-15',
      '2025-03-20',
      '20',
      0.25,
      'Valid',
      ['Volume administered is less than recommended volume'],
    ],
    // rule 2: age Extraneous (too old) → Not Satisfied, Extraneous
    [
      'rule 2: on or after the maximum age → Extraneous, reason Age: Too Old',
      '2031-10-01',
      '2032-01-01',
      '20',
      undefined,
      'Extraneous',
      ['Age: Too Old'],
    ],
    // rules 3 – 6 → Not Satisfied, Not Valid
    [
      'rule 3: before the absolute minimum age → Not Valid, reason Age: Too Young',
      '2025-02-01',
      '2025-03-05',
      '20',
      undefined,
      'Not Valid',
      ['Age: Too Young'],
    ],
    [
      'rule 4: before the absolute minimum interval → Not Valid, reason Interval: Too Soon',
      '2025-03-01',
      '2025-03-20',
      '20',
      undefined,
      'Not Valid',
      ['Interval: Too Soon'],
    ],
    [
      'rule 6: neither a preferable nor an allowable vaccine → Not Valid',
      '2025-02-15',
      '2025-03-20',
      '3',
      undefined,
      'Not Valid',
      ['Not a preferable or allowable vaccine'],
    ],
    [
      'rules 3 and 4 together → Not Valid with both reasons',
      '2025-02-20',
      '2025-03-05',
      '20',
      undefined,
      'Not Valid',
      ['Age: Too Young', 'Interval: Too Soon'],
    ],
  ])('%s', (_name, previous, date, cvx, volume, status, reasons) => {
    const e = second(previous, date, cvx, { volume });
    expect(e.status).toBe(status);
    expect(e.reasons).toEqual(reasons);
    expect(e.satisfied).toBe(status === 'Valid');
    expect(e.targetDose).toBe(2);
    expect(e.rulePath.at(-1)).toEqual({
      section: '6.10',
      rules: ['Table 6-31'],
      outcome: status === 'Valid' ? 'target dose 2 satisfied' : 'target dose 2 not satisfied',
    });
  });

  it('rule 2 wins over the other conditions: too old, too soon and not an allowable vaccine is still Extraneous', () => {
    const e = second('2031-12-20', '2032-01-01', '3');
    expect(e.status).toBe('Extraneous');
    expect(e.satisfied).toBe(false);
    expect(e.reasons).toEqual(['Age: Too Old', 'Interval: Too Soon', 'Not a preferable or allowable vaccine']);
  });

  it('rule 1: all preferable intervals or all allowable intervals — a preferable interval too soon with the allowable interval met is Valid', () => {
    const sd = td2({ allowableIntervals: [{ fromPrevious: true, absMinInt: dur('2 weeks'), priority: false }] });
    const e = second('2025-03-01', '2025-03-20', '20', { sd });
    expect(e.status).toBe('Valid');
    expect(e.reasons).toEqual([]);
    expect(e.explanation.join()).toContain('but the allowable interval was met');
    expect(e.rulePath.map((p) => `${p.section} ${p.outcome}`)).toContain('6.6 allowable interval met');
  });

  it('rule 4: a preferable interval too soon and the allowable interval also too soon is Not Valid', () => {
    const sd = td2({ allowableIntervals: [{ fromPrevious: true, absMinInt: dur('3 weeks'), priority: false }] });
    expect(second('2025-03-01', '2025-03-20', '20', { sd }).status).toBe('Not Valid');
  });

  describe('rule 5: an impacted vaccine dose administered (6.7) is Not Valid', () => {
    // ScheduleSupportingData: MMR (3) then varicella (21): conflict from 1 day to 28 days after the MMR
    const mmrVar = mmrVaricellaConflict();
    const varicella = seriesDose({
      doseNumber: 1,
      preferableVaccines: [{ vaccineType: 'Varicella', cvx: '21', forecastVaccineType: true }],
    });
    const evaluateVaricella = (date: string) => {
      const data = { ...EMPTY_DATA, conflictsByCurrentCvx: new Map([['21', [mmrVar]]]) };
      const ctx = context({
        dob: '2024-01-01',
        assessment: '2026-01-01',
        data,
        doses: [
          { date: '2025-06-01', cvx: '3' },
          { date, cvx: '21' },
        ],
      });
      const base = run(ctx, series({ doses: [varicella] }));
      // the varicella series sees only the varicella dose; the MMR is another antigen's dose of the patient
      const r: SeriesRun = { ...base, doses: base.doses.slice(1), evals: [undefined] };
      return evaluateAgainstTargetDose(r, 0, varicella);
    };
    it.each([
      ['varicella 9 days after MMR → Not Valid, reason Live Virus Conflict', '2025-06-10', 'Not Valid', ['Live Virus Conflict']],
      ['varicella on the same day as MMR → Valid', '2025-06-01', 'Valid', []],
      ['varicella 28 days after MMR → Valid', '2025-06-29', 'Valid', []],
    ])('%s', (_name, date, status, reasons) => {
      const e = evaluateVaricella(date);
      expect(e.status).toBe(status);
      expect(e.reasons).toEqual(reasons);
    });
  });
});
