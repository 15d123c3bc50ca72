// What other modules may use from inventory: moving doses through the ledger (in the caller's transaction) and
// the ledger's check.
export { moveStock, recomputeCheck } from './ledger.service.ts';
export { fundingFitsEligibility, doseFundingOf, isUsable } from './ledger.ts';
