/**
 * 6.1 Evaluate Dose Administered Condition (Table 6-3).
 */
import type { AntigenDose } from './types.ts';

export type DoseConditionOutcome =
  | { readonly canBeEvaluated: true }
  | { readonly canBeEvaluated: false; readonly reason: 'Expired' | 'Sub-standard'; readonly explanation: string };

export function evaluateDoseCondition(dose: AntigenDose): DoseConditionOutcome {
  // Table 6-3 rule 1: date administered > lot expiration date (CALCDTLOTEXP-1)
  if (dose.lotExpiration !== undefined && dose.date > dose.lotExpiration) {
    return { canBeEvaluated: false, reason: 'Expired', explanation: 'administered after the lot expiration date' };
  }
  // Table 6-3 rule 2: dose condition flag 'Y'
  if (dose.subStandard) {
    return {
      canBeEvaluated: false,
      reason: 'Sub-standard',
      explanation: 'the dose has a dose condition (e.g. recall, sub-potent, cold chain break)',
    };
  }
  return { canBeEvaluated: true };
}
