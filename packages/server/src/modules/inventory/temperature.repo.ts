// SQL for the temperature log (inventory_temperature_readings), excursions (inventory_excursions,
// inventory_excursion_lots) and the holds they put on and lift from the unit's stock. The decision is one UPDATE
// guarded by the status: recorded once.

import { sql, type Insertable } from 'kysely';
import type { ExcursionStatus, InventoryTemperatureReadingTable } from '@nutmeg/db';
import type { Db } from './stock.repo.ts';

export async function insertReadings(db: Db, rows: ReadonlyArray<Insertable<InventoryTemperatureReadingTable>>): Promise<void> {
  if (rows.length)
    await db
      .insertInto('inventory_temperature_readings')
      .values([...rows])
      .execute();
}

export function readingsOf(db: Db, unitId: string, limit = 200) {
  return db
    .selectFrom('inventory_temperature_readings')
    .select(['id', 'read_at', 'current_c', 'min_c', 'max_c', 'source', 'out_of_range'])
    .where('storage_unit_id', '=', unitId)
    .orderBy('read_at', 'desc')
    .limit(limit)
    .execute();
}

/** Opens an excursion and holds every lot of the unit with doses on hand; returns its id. */
export async function openExcursion(
  db: Db,
  e: { organizationId: string; unitId: string; firstReadAt: Date; worstC: number; at: Date },
): Promise<string> {
  const { id } = await db
    .insertInto('inventory_excursions')
    .values({
      organization_id: e.organizationId,
      storage_unit_id: e.unitId,
      first_read_at: e.firstReadAt,
      worst_c: e.worstC,
      detected_at: e.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const held = await db
    .updateTable('inventory_stock')
    .set({ do_not_use: sql<boolean>`true`, updated_at: e.at })
    .where('storage_unit_id', '=', e.unitId)
    .where('on_hand', '>', 0)
    .returning('lot_id')
    .execute();
  if (held.length)
    await db
      .insertInto('inventory_excursion_lots')
      .values(held.map((h) => ({ excursion_id: id, lot_id: h.lot_id })))
      .execute();
  return id;
}

/**
 * Opens the excursion of a shipment accepted warm: the receiving unit's warm lots (already held on receipt) wait
 * for the manufacturer's decision like any excursion's. Returns its id.
 */
export async function openShipmentExcursion(
  db: Db,
  e: { organizationId: string; unitId: string; shipmentId: string; lotIds: readonly string[]; at: Date },
): Promise<string> {
  const { id } = await db
    .insertInto('inventory_excursions')
    .values({
      organization_id: e.organizationId,
      storage_unit_id: e.unitId,
      shipment_id: e.shipmentId,
      first_read_at: e.at,
      worst_c: null,
      detected_at: e.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('inventory_excursion_lots')
    .values([...new Set(e.lotIds)].map((lotId) => ({ excursion_id: id, lot_id: lotId })))
    .execute();
  return id;
}

export interface ExcursionFilter {
  unitId?: string;
  organizationId?: string;
  status?: ExcursionStatus;
  /** First out-of-range reading at or after / before these instants. */
  since?: Date;
  until?: Date;
}

export function excursionsOf(db: Db, opts: ExcursionFilter, limit = 200) {
  let q = db.selectFrom('inventory_excursions').selectAll();
  if (opts.unitId) q = q.where('storage_unit_id', '=', opts.unitId);
  if (opts.organizationId) q = q.where('organization_id', '=', opts.organizationId);
  if (opts.status) q = q.where('status', '=', opts.status);
  if (opts.since) q = q.where('first_read_at', '>=', opts.since);
  if (opts.until) q = q.where('first_read_at', '<', opts.until);
  return q.orderBy('detected_at', 'desc').limit(limit).execute();
}

/**
 * What the readings say of each excursion: it lasts from its first out-of-range reading until the unit's next
 * reading in range (null while none came) or until the unit's next excursion begins, whichever is first, and its
 * min/max are those of its out-of-range readings. Each reading belongs to one excursion: excursions of a unit can
 * overlap (a reading still out of range, or a logger's earlier readings uploaded later, opens another), and the
 * later one takes the readings over from its first (a tie goes to the larger id). A warm shipment's excursion has
 * no readings of its own (not listed, and it takes none over).
 */
export async function excursionReadings(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const { rows } = await sql<{
    id: string;
    min_c: string | null;
    max_c: string | null;
    last_out_at: Date | null;
    back_in_range_at: Date | null;
    ends_at: Date | null;
  }>`
    SELECT e.id,
           min(least(r.current_c, coalesce(r.min_c, r.current_c))) AS min_c,
           max(greatest(r.current_c, coalesce(r.max_c, r.current_c))) AS max_c,
           max(r.read_at) AS last_out_at,
           b.back_in_range_at,
           least(b.back_in_range_at, n.next_at) AS ends_at
      FROM inventory_excursions e
      LEFT JOIN LATERAL (
        SELECT min(i.read_at) AS back_in_range_at FROM inventory_temperature_readings i
         WHERE i.storage_unit_id = e.storage_unit_id AND i.read_at > e.first_read_at AND NOT i.out_of_range
      ) b ON true
      LEFT JOIN LATERAL (
        SELECT min(x.first_read_at) AS next_at FROM inventory_excursions x
         WHERE x.storage_unit_id = e.storage_unit_id AND x.shipment_id IS NULL AND x.id <> e.id
           AND (x.first_read_at > e.first_read_at OR (x.first_read_at = e.first_read_at AND x.id > e.id))
      ) n ON true
      LEFT JOIN inventory_temperature_readings r
        ON r.storage_unit_id = e.storage_unit_id AND r.out_of_range AND r.read_at >= e.first_read_at
       AND (b.back_in_range_at IS NULL OR r.read_at < b.back_in_range_at)
       AND (n.next_at IS NULL OR r.read_at < n.next_at)
     WHERE e.id IN (${sql.join(ids)}) AND e.shipment_id IS NULL
     GROUP BY e.id, b.back_in_range_at, n.next_at`.execute(db);
  return rows;
}

export async function excursionLots(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('inventory_excursion_lots as x')
    .innerJoin('inventory_lots as l', 'l.id', 'x.lot_id')
    .select(['x.excursion_id', 'x.lot_id', 'l.lot_number', 'l.trade_name'])
    .where('x.excursion_id', 'in', ids)
    .orderBy('l.lot_number')
    .execute();
}

/** Records the decision once; undefined when it was decided already (or is another clinic's). */
export function decideExcursion(
  db: Db,
  d: { id: string; organizationId: string; status: 'usable' | 'wasted'; by: string; at: Date; note: string | null },
) {
  return db
    .updateTable('inventory_excursions')
    .set({ status: d.status, decided_by: d.by, decided_at: d.at, decision_note: d.note })
    .where('id', '=', d.id)
    .where('organization_id', '=', d.organizationId)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

/** Lifts the hold on lots of a unit (the decision recorded). */
export async function releaseHold(db: Db, unitId: string, lotIds: readonly string[], at: Date): Promise<void> {
  if (lotIds.length === 0) return;
  await db
    .updateTable('inventory_stock')
    .set({ do_not_use: sql<boolean>`false`, updated_at: at })
    .where('storage_unit_id', '=', unitId)
    .where('lot_id', 'in', lotIds)
    // A lot another open excursion of the unit still holds stays held until that one is decided too.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('inventory_excursion_lots as el')
            .innerJoin('inventory_excursions as e', 'e.id', 'el.excursion_id')
            .select('el.lot_id')
            .whereRef('el.lot_id', '=', 'inventory_stock.lot_id')
            .where('e.storage_unit_id', '=', unitId)
            .where('e.status', '=', 'open'),
        ),
      ),
    )
    .execute();
}
