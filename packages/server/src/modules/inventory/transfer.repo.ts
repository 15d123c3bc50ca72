// SQL for transfers between clinics (inventory_transfers). Each change of status is one UPDATE guarded by the
// status (and for DPH's decision the version reviewed): a transfer is decided once and accepted once.

import { sql, type Insertable, type Selectable } from 'kysely';
import type { InventoryTransferTable, TransferStatus } from '@nutmeg/db';
import { LOT_FACTS, type Db, type LotFacts } from './stock.repo.ts';

export type TransferRow = Selectable<InventoryTransferTable> & LotFacts;

function withLot(db: Db) {
  return db.selectFrom('inventory_transfers as t').innerJoin('inventory_lots as l', 'l.id', 't.lot_id').selectAll('t').select(LOT_FACTS);
}

export async function insertTransfer(db: Db, t: Insertable<InventoryTransferTable>): Promise<string> {
  return (await db.insertInto('inventory_transfers').values(t).returning('id').executeTakeFirstOrThrow()).id;
}

export function transferById(db: Db, id: string): Promise<TransferRow | undefined> {
  return withLot(db).where('t.id', '=', id).executeTakeFirst();
}

/** A clinic's transfers (sent or received), or every clinic's; newest first. */
export function listTransfers(db: Db, opts: { organizationId?: string; status?: TransferStatus }): Promise<TransferRow[]> {
  let q = withLot(db);
  const org = opts.organizationId;
  if (org) q = q.where((eb) => eb.or([eb('t.from_organization_id', '=', org), eb('t.to_organization_id', '=', org)]));
  if (opts.status) q = q.where('t.status', '=', opts.status);
  return q.orderBy('t.requested_at', 'desc').limit(200).execute();
}

/** DPH's decision at the version reviewed; undefined when decided or changed meanwhile. */
export function decideTransfer(
  db: Db,
  d: { id: string; version: number; status: 'in_transit' | 'denied'; by: string; at: Date; reason: string | null },
) {
  return db
    .updateTable('inventory_transfers')
    .set({ status: d.status, decided_by: d.by, decided_at: d.at, denial_reason: d.reason, version: sql`version + 1` })
    .where('id', '=', d.id)
    .where('status', '=', 'requested')
    .where('version', '=', d.version)
    .returningAll()
    .executeTakeFirst();
}

/** The receiver accepts it into a unit; undefined when it was not in transit to this clinic. */
export function markTransferAccepted(
  db: Db,
  a: { id: string; organizationId: string; unitId: string; lotId: string; by: string; at: Date },
) {
  return db
    .updateTable('inventory_transfers')
    .set({
      status: 'accepted',
      to_storage_unit_id: a.unitId,
      to_lot_id: a.lotId,
      accepted_by: a.by,
      accepted_at: a.at,
      version: sql`version + 1`,
    })
    .where('id', '=', a.id)
    .where('to_organization_id', '=', a.organizationId)
    .where('status', '=', 'in_transit')
    .returningAll()
    .executeTakeFirst();
}

/** Transfers in transit to a clinic (its to-do list). */
export function transfersToAccept(db: Db, organizationId: string) {
  return withLot(db).where('t.to_organization_id', '=', organizationId).where('t.status', '=', 'in_transit').execute();
}
