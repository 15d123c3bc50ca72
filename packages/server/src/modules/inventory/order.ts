// The pure rules of ordering public vaccine: the suggested quantity of a product, whether a clinic may order at
// all (every active unit counted in the last 30 days, a current approved provider agreement), and a requested quantity's
// problems. No I/O: the service gathers the facts and applies these.

import { reconciliationDue, RECONCILIATION_VALID_DAYS } from './reconciliation.ts';

/** CVP orders are monthly; the suggestion covers the next order cycle plus a cycle of safety stock. */
export const SUPPLY_DAYS = 60;

export interface UsageFacts {
  onHand: number;
  administered30: number;
  administered90: number;
  dosesPerPackage: number;
}

/**
 * Suggested doses to order: the daily rate of use (the higher of the last 30 days' and the last 90 days', so a
 * season's rise shows at once) times SUPPLY_DAYS, minus what is on hand, rounded up to whole packages; never
 * below zero. A product not used in 90 days gets no suggestion (0): the coordinator orders what they expect.
 */
export function suggestedDoses(f: UsageFacts): number {
  const rate = Math.max(f.administered30 / 30, f.administered90 / 90);
  const need = Math.ceil(rate * SUPPLY_DAYS) - f.onHand;
  if (need <= 0) return 0;
  return Math.ceil(need / f.dosesPerPackage) * f.dosesPerPackage;
}

export interface OrderingFacts {
  today: string;
  hasAgreement: boolean;
  /** Each active storage unit with the date of its latest reconciliation (null: never counted). */
  units: ReadonlyArray<{ name: string; lastReconciledOn: string | null }>;
}

/** Why the clinic may not order today (empty when it may), each reason a sentence the coordinator can act on. */
export function orderRefusals(f: OrderingFacts): string[] {
  const out: string[] = [];
  if (!f.hasAgreement)
    out.push('Your clinic has no current approved CVP provider agreement: complete this year’s agreement in Clinic tools.');
  if (f.units.length === 0) out.push('Your clinic has no active storage unit: add one in Clinic tools and reconcile it.');
  for (const u of f.units)
    if (reconciliationDue(u.lastReconciledOn ?? undefined, f.today))
      out.push(
        `Reconcile ${u.name} first: orders need a reconciliation in the last ${RECONCILIATION_VALID_DAYS} days (${
          u.lastReconciledOn ? `last counted ${u.lastReconciledOn}` : 'never counted'
        }).`,
      );
  return out;
}

/** Why a quantity of doses cannot be ordered (whole packages only), or null. */
export function quantityProblem(doses: number, dosesPerPackage: number): string | null {
  if (!Number.isSafeInteger(doses) || doses < 0) return 'Enter a whole number of doses';
  if (doses % dosesPerPackage !== 0) return `Order whole packages: a multiple of ${dosesPerPackage} doses`;
  return null;
}
