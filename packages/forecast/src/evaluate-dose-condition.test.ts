import { describe, expect, it } from 'vitest';
import { evaluateDoseCondition } from './evaluate-dose-condition.ts';
import { lotExpirationDate } from './organize-immunization-history.ts';
import { d } from './test-fixtures.ts';
import type { AntigenDose } from './types.ts';

const dose = (p: Partial<AntigenDose>): AntigenDose => ({
  doseId: '1',
  doseIndex: 0,
  date: d('2025-03-01'),
  cvx: '20',
  subStandard: false,
  antigen: 'Diphtheria',
  ...p,
});

describe('6.1 evaluate dose administered condition (Table 6-3)', () => {
  it('administered after the lot expiration date → sub-standard', () => {
    expect(evaluateDoseCondition(dose({ lotExpiration: d('2025-02-28') }))).toMatchObject({ canBeEvaluated: false, reason: 'Expired' });
  });
  it('administered on the lot expiration date → can be evaluated', () => {
    expect(evaluateDoseCondition(dose({ lotExpiration: d('2025-03-01') })).canBeEvaluated).toBe(true);
  });
  it('dose condition flag → sub-standard', () => {
    expect(evaluateDoseCondition(dose({ subStandard: true }))).toMatchObject({ canBeEvaluated: false, reason: 'Sub-standard' });
  });
  it('CALCDTLOTEXP-1: month and year only → last day of the month', () => {
    expect(lotExpirationDate('2024-02')).toBe(d('2024-02-29'));
    expect(lotExpirationDate('2025-06-15')).toBe(d('2025-06-15'));
    expect(lotExpirationDate(undefined)).toBeUndefined();
  });
});
