// The pure part of a reconciliation: from the unit's balances (read under lock) and the physical counts, the field
// problems to report, whether the counts are stale, and the ledger movements that close it (one per difference).

import type { FieldError } from '@nutmeg/api-types';
import type { LedgerKind } from '@nutmeg/db';
import { WASTE_REASONS, type WasteReason } from './ledger.ts';

/** Why a count differs: a wastage reason (the doses are written off as wasted) or a count correction. */
export const COUNT_REASONS = [...WASTE_REASONS, 'count_error', 'found'] as const;
export type CountReason = (typeof COUNT_REASONS)[number];

export interface CountInput {
  lotId: string;
  /** What the coordinator saw on hand when counting: a change since then makes the count stale. */
  expected: number;
  counted: number;
  reason?: string | null | undefined;
  note?: string | null | undefined;
}

export interface BalanceAtCount {
  lotId: string;
  lotNumber: string;
  onHand: number;
}

export interface PlannedMovement {
  lotId: string;
  kind: LedgerKind;
  quantity: number;
  reason: string;
  note: string | null;
}

export type ReconciliationPlan = { ok: true; movements: PlannedMovement[] } | { ok: false; stale: string[]; fields: FieldError[] };

function isWaste(reason: string): reason is WasteReason {
  return (WASTE_REASONS as readonly string[]).includes(reason);
}

/**
 * Every lot with doses on hand must be counted; a difference needs a reason; a count of a lot whose balance moved
 * since it was read is stale (recount). A shortfall with a wastage reason is wasted (it shows in the wastage
 * report); any other difference is a count correction.
 */
export function planReconciliation(balances: readonly BalanceAtCount[], counts: readonly CountInput[]): ReconciliationPlan {
  const fields: FieldError[] = [];
  const stale: string[] = [];
  const byLot = new Map(balances.map((b) => [b.lotId, b]));
  const counted = new Set<string>();
  counts.forEach((c, i) => {
    const b = byLot.get(c.lotId);
    if (!b) {
      fields.push({ path: `counts.${i}.lotId`, message: 'This lot is not in this storage unit' });
      return;
    }
    if (counted.has(c.lotId)) {
      fields.push({ path: `counts.${i}.lotId`, message: `Lot ${b.lotNumber} is counted twice` });
      return;
    }
    counted.add(c.lotId);
    if (c.expected !== b.onHand) stale.push(b.lotNumber);
    const reason = c.reason?.trim() || null;
    if (c.counted !== c.expected && !reason)
      fields.push({ path: `counts.${i}.reason`, message: `Give the reason lot ${b.lotNumber} differs` });
    else if (reason && !(COUNT_REASONS as readonly string[]).includes(reason))
      fields.push({ path: `counts.${i}.reason`, message: 'Choose one of the listed reasons' });
    else if (reason && c.counted > c.expected && isWaste(reason))
      fields.push({ path: `counts.${i}.reason`, message: `More doses than expected cannot be wastage: choose “found” or “count error”` });
  });
  for (const b of balances)
    if (b.onHand > 0 && !counted.has(b.lotId))
      fields.push({ path: 'counts', message: `Count lot ${b.lotNumber} too (${b.onHand} on hand)` });
  if (fields.length || stale.length) return { ok: false, stale, fields };
  const movements: PlannedMovement[] = [];
  for (const c of counts) {
    const diff = c.counted - c.expected;
    if (diff === 0) continue;
    const reason = c.reason!.trim();
    movements.push({
      lotId: c.lotId,
      kind: diff < 0 && isWaste(reason) ? 'wasted' : 'counted',
      quantity: diff,
      reason,
      note: c.note?.trim() || null,
    });
  }
  return { ok: true, movements };
}

/** Days a count stays current: an order needs each unit with stock counted within them. */
export const RECONCILIATION_VALID_DAYS = 30;

/** Whether a unit needs counting: never counted, or last counted more than 30 days before today. */
export function reconciliationDue(lastCountedOn: string | undefined, today: string): boolean {
  if (!lastCountedOn) return true;
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${lastCountedOn}T00:00:00Z`)) / 86_400_000;
  return days > RECONCILIATION_VALID_DAYS;
}
