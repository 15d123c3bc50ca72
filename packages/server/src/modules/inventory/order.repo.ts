// SQL for ordering public vaccine (inventory_order_set_items, inventory_orders, inventory_order_lines) and the
// usage facts an order shows (public doses on hand and administered, per NDC, from the stock and the ledger).
// A decision is one UPDATE guarded by the status and the version the reviewer saw: two reviewers never both decide.

import { sql, type Insertable, type Selectable } from 'kysely';
import type { InventoryOrderLineTable, InventoryOrderSetItemTable, InventoryOrderTable, OrderStatus } from '@nutmeg/db';
import type { Db } from './stock.repo.ts';

export type OrderRow = Selectable<InventoryOrderTable>;
export type OrderLineRow = Selectable<InventoryOrderLineTable>;
export type OrderSetItemRow = Selectable<InventoryOrderSetItemTable>;

export function orderSetOf(db: Db, organizationId: string): Promise<OrderSetItemRow[]> {
  return db
    .selectFrom('inventory_order_set_items')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('trade_name')
    .execute();
}

/** Adds a product to the clinic's order set; false when it was already there. */
export async function addOrderSetItem(db: Db, row: Insertable<InventoryOrderSetItemTable>): Promise<boolean> {
  const r = await db
    .insertInto('inventory_order_set_items')
    .values(row)
    .onConflict((oc) => oc.columns(['organization_id', 'ndc']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function removeOrderSetItem(db: Db, organizationId: string, ndc: string): Promise<boolean> {
  const r = await db
    .deleteFrom('inventory_order_set_items')
    .where('organization_id', '=', organizationId)
    .where('ndc', '=', ndc)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Public (state-supplied) doses on hand per NDC in a clinic. */
export async function publicOnHandByNdc(db: Db, organizationId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('inventory_stock as s')
    .innerJoin('inventory_lots as l', 'l.id', 's.lot_id')
    .select(['l.ndc', sql<number>`sum(s.on_hand)::int`.as('doses')])
    .where('s.organization_id', '=', organizationId)
    .where('l.funding_source', '<>', 'private')
    .groupBy('l.ndc')
    .execute();
  return new Map(rows.map((r) => [r.ndc, r.doses]));
}

/** Public doses administered per NDC since an instant (net of doses put back), from the ledger. */
export async function publicAdministeredSince(db: Db, organizationId: string, since: Date): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('inventory_ledger as g')
    .innerJoin('inventory_lots as l', 'l.id', 'g.lot_id')
    .select(['l.ndc', sql<number>`greatest(-sum(g.quantity), 0)::int`.as('doses')])
    .where('g.organization_id', '=', organizationId)
    .where('l.funding_source', '<>', 'private')
    .where('g.kind', 'in', ['administered', 'administration_reversed'])
    .where('g.recorded_at', '>=', since)
    .groupBy('l.ndc')
    .execute();
  return new Map(rows.map((r) => [r.ndc, r.doses]));
}

export async function insertOrder(
  db: Db,
  order: Insertable<InventoryOrderTable>,
  lines: ReadonlyArray<Omit<Insertable<InventoryOrderLineTable>, 'order_id'>>,
): Promise<string> {
  const { id } = await db.insertInto('inventory_orders').values(order).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('inventory_order_lines')
    .values(lines.map((l) => ({ ...l, order_id: id })))
    .execute();
  return id;
}

export function orderById(db: Db, id: string): Promise<OrderRow | undefined> {
  return db.selectFrom('inventory_orders').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function linesOf(db: Db, orderIds: readonly string[]): Promise<OrderLineRow[]> {
  if (orderIds.length === 0) return [];
  return db.selectFrom('inventory_order_lines').selectAll().where('order_id', 'in', orderIds).orderBy('trade_name').execute();
}

/** Orders, newest first: a clinic's, or (no clinic) every clinic's; optionally of some statuses. */
export function listOrders(db: Db, opts: { organizationId?: string; statuses?: readonly OrderStatus[]; limit?: number }) {
  let q = db.selectFrom('inventory_orders').selectAll();
  if (opts.organizationId) q = q.where('organization_id', '=', opts.organizationId);
  if (opts.statuses?.length) q = q.where('status', 'in', opts.statuses);
  return q
    .orderBy('placed_at', 'desc')
    .limit(opts.limit ?? 200)
    .execute();
}

/** Decides a submitted order at the version the reviewer saw; undefined when it was decided or changed meanwhile. */
export function decideOrder(
  db: Db,
  d: { id: string; version: number; status: 'approved' | 'denied'; by: string; at: Date; reason: string | null },
): Promise<OrderRow | undefined> {
  return db
    .updateTable('inventory_orders')
    .set({
      status: d.status,
      decided_by: d.by,
      decided_at: d.at,
      denial_reason: d.reason,
      version: sql`version + 1`,
    })
    .where('id', '=', d.id)
    .where('status', '=', 'submitted')
    .where('version', '=', d.version)
    .returningAll()
    .executeTakeFirst();
}

/** Sets each line's approved doses (the requested ones unless DPH edited them), in one statement. */
export async function setApprovedDoses(db: Db, orderId: string, approved: ReadonlyMap<string, number>): Promise<void> {
  const edits = [...approved].map(([ndc, doses]) => sql`WHEN ${ndc} THEN ${doses}::int`);
  await db
    .updateTable('inventory_order_lines')
    .set({ approved_doses: edits.length ? sql`CASE ndc ${sql.join(edits, sql` `)} ELSE requested_doses END` : sql`requested_doses` })
    .where('order_id', '=', orderId)
    .execute();
}

/** Moves an order along (approved → shipped → received) when it is in the expected status; false otherwise. */
export async function advanceOrder(db: Db, id: string, from: OrderStatus, to: OrderStatus): Promise<boolean> {
  const r = await db
    .updateTable('inventory_orders')
    .set({ status: to, version: sql`version + 1` })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
