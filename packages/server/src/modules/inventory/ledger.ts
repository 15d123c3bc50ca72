// The ledger's pure rules: which way each kind of movement goes, the balance arithmetic that never goes below
// zero, label expirations (a month-only expiry means the month's last day), usability and expiry windows.
// No I/O: the repo applies the same guard in SQL (the decrement's WHERE clause), these rules say what is allowed.

import type { LedgerKind, LotFunding } from '@nutmeg/db';

export const LEDGER_KINDS = [
  'received',
  'administered',
  'administration_reversed',
  'transferred_out',
  'transferred_in',
  'wasted',
  'returned',
  'adjusted',
  'counted',
] as const satisfies readonly LedgerKind[];

export const LOT_FUNDING = ['vfc', '317', 'state', 'private'] as const satisfies readonly LotFunding[];

export const FUNDING_LABELS: Record<LotFunding, string> = {
  vfc: 'Public: CVP/VFC',
  '317': 'Public: Section 317',
  state: 'Public: State',
  private: 'Private',
};

/** Why doses were wasted; DPH's wastage report groups by these. */
export const WASTE_REASONS = ['expired', 'spoiled_temperature', 'broken', 'drawn_not_administered', 'lost', 'other'] as const;
export type WasteReason = (typeof WASTE_REASONS)[number];

/** Which direction a kind moves stock: in (+), out (−), or either (an adjustment or a count's difference). */
const DIRECTION: Record<LedgerKind, 'in' | 'out' | 'either'> = {
  received: 'in',
  transferred_in: 'in',
  administration_reversed: 'in',
  administered: 'out',
  transferred_out: 'out',
  wasted: 'out',
  returned: 'out',
  adjusted: 'either',
  counted: 'either',
};

export function directionOf(kind: LedgerKind): 'in' | 'out' | 'either' {
  return DIRECTION[kind];
}

/** Why a movement is malformed (a whole, non-zero number of doses, the kind's sign, a reason for wastage), or null. */
export function movementProblem(kind: LedgerKind, quantity: number, reason: string | null): string | null {
  if (!Number.isSafeInteger(quantity) || quantity === 0) return 'The quantity must be a whole number of doses, not zero';
  const dir = DIRECTION[kind];
  if (dir === 'in' && quantity < 0) return `A ${kind} movement adds doses`;
  if (dir === 'out' && quantity > 0) return `A ${kind} movement removes doses`;
  if (kind === 'wasted' && !WASTE_REASONS.includes(reason as WasteReason)) return 'Wastage needs a reason';
  if ((kind === 'adjusted' || kind === 'counted') && !reason?.trim()) return 'An adjustment needs a reason';
  return null;
}

/** The balance after a movement, or null when it would take more doses than are on hand. */
export function nextBalance(onHand: number, delta: number): number | null {
  const next = onHand + delta;
  return next < 0 ? null : next;
}

/** The balance a ledger sums to: what `recomputeBalances` checks the maintained balance against. */
export function ledgerSum(quantities: readonly number[]): number {
  return quantities.reduce((a, b) => a + b, 0);
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The expiration date as stored: 'YYYY-MM-DD' as given (a real date), or a label's month-only 'YYYY-MM' as that
 * month's last day (a vaccine labelled "EXP 2027-03" is usable through March 31). Null for anything else.
 */
export function expirationOf(input: string): string | null {
  const t = input.trim();
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(t);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || year < 2000 || year > 2100) return null;
  const last = lastDayOfMonth(year, month);
  const day = m[3] === undefined ? last : Number(m[3]);
  if (day < 1 || day > last) return null;
  return `${m[1]}-${m[2]}-${String(day).padStart(2, '0')}`;
}

/** A lot is expired the day after its expiration date. */
export function isExpired(expirationDate: string, today: string): boolean {
  return expirationDate < today;
}

/** Usable for a dose: not expired, not held as "do not use", with a dose on hand. */
export function isUsable(stock: { expirationDate: string; doNotUse: boolean; onHand: number }, today: string): boolean {
  return !isExpired(stock.expirationDate, today) && !stock.doNotUse && stock.onHand > 0;
}

function daysFrom(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export type ExpiryWindow = 'expired' | 30 | 60 | 90;

/** The dashboard's expiry window of a lot: expired, within 30, 60 or 90 days, or null (later). */
export function expiryWindow(expirationDate: string, today: string): ExpiryWindow | null {
  const days = daysFrom(today, expirationDate);
  if (days < 0) return 'expired';
  if (days <= 30) return 30;
  if (days <= 60) return 60;
  if (days <= 90) return 90;
  return null;
}

export function isPublicFunding(f: LotFunding): boolean {
  return f !== 'private';
}

/** The dose record's funding source for a lot's funding. */
export function doseFundingOf(f: LotFunding): 'public' | 'private' {
  return isPublicFunding(f) ? 'public' : 'private';
}

/**
 * Whether a patient of this VFC eligibility may get a dose from a lot of this funding: public stock only for
 * an eligible patient (V02–V05, or V07 for state-supplied vaccine), private stock for V01 (not eligible).
 */
export function fundingFitsEligibility(f: LotFunding, vfcEligibility: string): boolean {
  if (f === 'private') return vfcEligibility === 'V01';
  if (f === 'state') return vfcEligibility !== 'V01';
  return ['V02', 'V03', 'V04', 'V05'].includes(vfcEligibility);
}
