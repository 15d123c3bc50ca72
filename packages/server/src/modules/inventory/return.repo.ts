// SQL for returns of public vaccine (inventory_returns). DPH's decision is one UPDATE guarded by the status and
// the version reviewed; the doses leave through the ledger in the same transaction.

import { sql, type Insertable, type Selectable } from 'kysely';
import type { InventoryReturnTable, ReturnStatus } from '@nutmeg/db';
import { LOT_FACTS, type Db, type LotFacts } from './stock.repo.ts';

export type ReturnRow = Selectable<InventoryReturnTable> & LotFacts;

function withLot(db: Db) {
  return db.selectFrom('inventory_returns as r').innerJoin('inventory_lots as l', 'l.id', 'r.lot_id').selectAll('r').select(LOT_FACTS);
}

export async function insertReturn(db: Db, r: Insertable<InventoryReturnTable>): Promise<string> {
  return (await db.insertInto('inventory_returns').values(r).returning('id').executeTakeFirstOrThrow()).id;
}

export function returnById(db: Db, id: string): Promise<ReturnRow | undefined> {
  return withLot(db).where('r.id', '=', id).executeTakeFirst();
}

export function listReturns(db: Db, opts: { organizationId?: string; status?: ReturnStatus }): Promise<ReturnRow[]> {
  let q = withLot(db);
  if (opts.organizationId) q = q.where('r.organization_id', '=', opts.organizationId);
  if (opts.status) q = q.where('r.status', '=', opts.status);
  return q.orderBy('r.requested_at', 'desc').limit(200).execute();
}

export function decideReturn(
  db: Db,
  d: { id: string; version: number; status: 'approved' | 'denied'; by: string; at: Date; reason: string | null },
) {
  return db
    .updateTable('inventory_returns')
    .set({ status: d.status, decided_by: d.by, decided_at: d.at, denial_reason: d.reason, version: sql`version + 1` })
    .where('id', '=', d.id)
    .where('status', '=', 'requested')
    .where('version', '=', d.version)
    .returningAll()
    .executeTakeFirst();
}
