// SQL for reconciliations (inventory_reconciliations, inventory_reconciliation_lines), the unit's balances read
// under lock for a count, and the open pending doses that block one.

import { sql } from 'kysely';
import type { Db } from './stock.repo.ts';

/** The unit's balances, locked until the transaction ends (lot order, so two counts never deadlock). */
export function lockUnitBalances(db: Db, unitId: string) {
  return db
    .selectFrom('inventory_stock as s')
    .innerJoin('inventory_lots as l', 'l.id', 's.lot_id')
    .select(['s.lot_id', 's.on_hand', 'l.lot_number'])
    .where('s.storage_unit_id', '=', unitId)
    .orderBy('s.lot_id')
    .forUpdate('s')
    .execute();
}

export async function insertReconciliation(
  db: Db,
  r: { organizationId: string; unitId: string; by: string; at: Date; on: string },
  lines: ReadonlyArray<{ lotId: string; expected: number; counted: number; reason: string | null; note: string | null }>,
): Promise<string> {
  const { id } = await db
    .insertInto('inventory_reconciliations')
    .values({ organization_id: r.organizationId, storage_unit_id: r.unitId, reconciled_by: r.by, reconciled_at: r.at, reconciled_on: r.on })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (lines.length)
    await db
      .insertInto('inventory_reconciliation_lines')
      .values(
        lines.map((l) => ({
          reconciliation_id: id,
          lot_id: l.lotId,
          expected: l.expected,
          counted: l.counted,
          reason: l.reason,
          note: l.note,
        })),
      )
      .execute();
  return id;
}

/** A unit's reconciliations, newest first, with their lines. */
export async function reconciliationsOf(db: Db, unitId: string, limit = 50) {
  const heads = await db
    .selectFrom('inventory_reconciliations')
    .selectAll()
    .where('storage_unit_id', '=', unitId)
    .orderBy('reconciled_at', 'desc')
    .limit(limit)
    .execute();
  if (heads.length === 0) return [];
  const lines = await db
    .selectFrom('inventory_reconciliation_lines as r')
    .innerJoin('inventory_lots as l', 'l.id', 'r.lot_id')
    .select(['r.reconciliation_id', 'r.lot_id', 'l.lot_number', 'l.trade_name', 'r.expected', 'r.counted', 'r.reason', 'r.note'])
    .where(
      'r.reconciliation_id',
      'in',
      heads.map((h) => h.id),
    )
    .orderBy('l.lot_number')
    .execute();
  return heads.map((h) => ({ ...h, lines: lines.filter((l) => l.reconciliation_id === h.id) }));
}

/** The date of each unit's latest reconciliation in a clinic. */
export async function lastReconciledOn(db: Db, organizationId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('inventory_reconciliations')
    .select(['storage_unit_id', sql<string>`max(reconciled_on)::text`.as('last')])
    .where('organization_id', '=', organizationId)
    .groupBy('storage_unit_id')
    .execute();
  return new Map(rows.map((r) => [r.storage_unit_id, r.last]));
}

/** Open "added but not administered" doses of a clinic (optionally of one unit). */
export function openPendingDoses(db: Db, organizationId: string, unitId?: string) {
  let q = db
    .selectFrom('inventory_pending_doses as p')
    .innerJoin('inventory_lots as l', 'l.id', 'p.lot_id')
    .select(['p.id', 'p.lot_id', 'p.storage_unit_id', 'p.patient_id', 'p.created_at', 'l.lot_number', 'l.trade_name', 'l.cvx'])
    .where('p.organization_id', '=', organizationId)
    .where('p.status', '=', 'pending');
  if (unitId) q = q.where('p.storage_unit_id', '=', unitId);
  return q.orderBy('p.created_at').execute();
}
