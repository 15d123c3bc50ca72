// SQL for shipments of orders (inventory_shipments, inventory_shipment_lines) and the hold a warm shipment puts on
// the stock it brought. Accepting is one UPDATE guarded by the status: two coordinators never both receive it.

import { sql, type Insertable, type Selectable } from 'kysely';
import type { InventoryShipmentLineTable, InventoryShipmentTable, ShipmentDiscrepancy } from '@nutmeg/db';
import type { Db } from './stock.repo.ts';

export type ShipmentRow = Selectable<InventoryShipmentTable>;
export type ShipmentLineRow = Selectable<InventoryShipmentLineTable>;

export async function insertShipment(
  db: Db,
  s: Insertable<InventoryShipmentTable>,
  lines: ReadonlyArray<Omit<Insertable<InventoryShipmentLineTable>, 'shipment_id'>>,
): Promise<string> {
  const { id } = await db.insertInto('inventory_shipments').values(s).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('inventory_shipment_lines')
    .values(lines.map((l) => ({ ...l, shipment_id: id })))
    .execute();
  return id;
}

export function shipmentById(db: Db, id: string): Promise<ShipmentRow | undefined> {
  return db.selectFrom('inventory_shipments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function shipmentsOfOrders(db: Db, orderIds: readonly string[]): Promise<ShipmentRow[]> {
  if (orderIds.length === 0) return [];
  return db.selectFrom('inventory_shipments').selectAll().where('order_id', 'in', orderIds).execute();
}

export async function shipmentLinesOf(db: Db, shipmentIds: readonly string[]): Promise<ShipmentLineRow[]> {
  if (shipmentIds.length === 0) return [];
  return db
    .selectFrom('inventory_shipment_lines')
    .selectAll()
    .where('shipment_id', 'in', shipmentIds)
    .orderBy('trade_name')
    .orderBy('lot_number')
    .execute();
}

/** Shipments in transit to a clinic (its to-do list). */
export function shipmentsInTransit(db: Db, organizationId: string): Promise<ShipmentRow[]> {
  return db
    .selectFrom('inventory_shipments')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'in_transit')
    .orderBy('recorded_at')
    .execute();
}

/** Marks a shipment accepted into a unit; undefined when it was not in transit (accepted meanwhile). */
export function markAccepted(db: Db, a: { id: string; unitId: string; by: string; at: Date }): Promise<ShipmentRow | undefined> {
  return db
    .updateTable('inventory_shipments')
    .set({ status: 'accepted', storage_unit_id: a.unitId, accepted_by: a.by, accepted_at: a.at })
    .where('id', '=', a.id)
    .where('status', '=', 'in_transit')
    .returningAll()
    .executeTakeFirst();
}

export async function recordLineReceipt(
  db: Db,
  r: { lineId: string; received: number; discrepancy: ShipmentDiscrepancy | null; note: string | null; lotId: string | null },
): Promise<void> {
  await db
    .updateTable('inventory_shipment_lines')
    .set({ received_doses: r.received, discrepancy: r.discrepancy, discrepancy_note: r.note, lot_id: r.lotId })
    .where('id', '=', r.lineId)
    .execute();
}

/** Holds a lot in a unit as "do not use" (a warm shipment, a temperature excursion) until a decision is recorded. */
export async function holdStock(db: Db, lotId: string, unitId: string, at: Date): Promise<void> {
  await db
    .updateTable('inventory_stock')
    .set({ do_not_use: sql<boolean>`true`, updated_at: at })
    .where('lot_id', '=', lotId)
    .where('storage_unit_id', '=', unitId)
    .execute();
}
