import { describe, expect, it } from 'vitest';
import { evaluateVaccineConflict, isImpactedBy } from './evaluate-live-virus-conflict.ts';
import { context, d, dur, EMPTY_DATA, mmrVaricellaConflict, run, series, seriesDose } from './test-fixtures.ts';

// ScheduleSupportingData: MMR (03) previous → Varicella (21) current: begin 1 day, min end 28 days, end 28 days;
// MMR → MMR: begin 1 day, min end 24 days, end 28 days
const mmrVar = mmrVaricellaConflict();
const mmrMmr = mmrVaricellaConflict({ currentVaccineType: 'MMR', currentCvx: '3', minConflictEndInterval: dur('24 days') });

describe('6.7 evaluate vaccine conflict (CONFLICT-3)', () => {
  it.each([
    ['same day is not a conflict', '2025-01-01', undefined, false],
    ['1 day after is a conflict', '2025-01-02', undefined, true],
    ['27 days after is a conflict', '2025-01-28', undefined, true],
    ['28 days after is not a conflict', '2025-01-29', undefined, false],
  ])('MMR then varicella: %s', (_n, current, status, impacted) => {
    expect(isImpactedBy(mmrVar, d('2025-01-01'), status, d(current)).impacted).toBe(impacted);
  });

  it('CALCDTCONFLICT-2: minimum conflict end interval for a valid / unevaluated previous dose, conflict end interval otherwise', () => {
    expect(isImpactedBy(mmrMmr, d('2025-01-01'), 'Valid', d('2025-01-25')).impacted).toBe(false);
    expect(isImpactedBy(mmrMmr, d('2025-01-01'), undefined, d('2025-01-25')).impacted).toBe(false);
    expect(isImpactedBy(mmrMmr, d('2025-01-01'), 'Not Valid', d('2025-01-25')).impacted).toBe(true);
  });

  it('finds the conflicting previous dose in the patient history', () => {
    const data = { ...EMPTY_DATA, conflictsByCurrentCvx: new Map([['21', [mmrVar]]]) };
    const ctx = context({
      dob: '2024-01-01',
      assessment: '2025-06-01',
      data,
      doses: [
        { date: '2025-01-01', cvx: '3' },
        { date: '2025-01-20', cvx: '21' },
      ],
    });
    const r = {
      ...run(ctx, series({ doses: [seriesDose({ doseNumber: 1 })] })),
      doses: [{ doseId: '2', doseIndex: 1, date: d('2025-01-20'), cvx: '21', subStandard: false, antigen: 'Varicella' }],
    };
    const out = evaluateVaccineConflict(r, 0);
    expect(out.impacted).toBe(true);
    expect(out.explanation).toContain('live virus conflict');
  });
});
