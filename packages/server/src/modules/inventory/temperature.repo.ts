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
  await holdUnitLots(db, id, e.unitId, e.at);
  return id;
}

/** Holds every lot of the unit with doses on hand under the excursion (a lot it holds already stays listed once). */
async function holdUnitLots(db: Db, excursionId: string, unitId: string, at: Date): Promise<void> {
  const held = await db
    .updateTable('inventory_stock')
    .set({ do_not_use: sql<boolean>`true`, updated_at: at })
    .where('storage_unit_id', '=', unitId)
    .where('on_hand', '>', 0)
    .returning('lot_id')
    .execute();
  if (held.length)
    await db
      .insertInto('inventory_excursion_lots')
      .values(held.map((h) => ({ excursion_id: excursionId, lot_id: h.lot_id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
}

/**
 * The unit's excursion still going at `firstBadAt`: undecided, from readings (not a warm shipment), and no reading
 * in range between its first out-of-range reading and `firstBadAt` (either order: a logger's earlier readings may
 * come later). Takes a transaction lock on the unit first, so two batches at once cannot both open one.
 */
export async function openExcursionAt(db: Db, unitId: string, firstBadAt: Date): Promise<string | undefined> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${'inventory_excursion:' + unitId}))`.execute(db);
  const { rows } = await sql<{ id: string }>`
    SELECT e.id FROM inventory_excursions e
     WHERE e.storage_unit_id = ${unitId} AND e.status = 'open' AND e.shipment_id IS NULL
       AND NOT EXISTS (
         SELECT 1 FROM inventory_temperature_readings i
          WHERE i.storage_unit_id = e.storage_unit_id AND NOT i.out_of_range
            AND i.read_at > least(e.first_read_at, ${firstBadAt}::timestamptz)
            AND i.read_at < greatest(e.first_read_at, ${firstBadAt}::timestamptz))
     ORDER BY e.first_read_at DESC, e.id DESC
     LIMIT 1`.execute(db);
  return rows[0]?.id;
}

/** Adds out-of-range readings to an open excursion: its start moves earlier if they are earlier, its worst if worse. */
export async function extendExcursion(
  db: Db,
  e: { id: string; unitId: string; firstReadAt: Date; worstC: number; at: Date },
): Promise<void> {
  await db
    .updateTable('inventory_excursions')
    .set({
      first_read_at: sql<Date>`least(first_read_at, ${e.firstReadAt}::timestamptz)`,
      worst_c: sql<string>`CASE WHEN worst_c IS NULL OR abs(${e.worstC}::numeric) > abs(worst_c) THEN ${e.worstC}::numeric ELSE worst_c END`,
    })
    .where('id', '=', e.id)
    .execute();
  await holdUnitLots(db, e.id, e.unitId, e.at);
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
 * no readings of its own (not listed, and it takes none over). A decided excursion's figures stay as they were at
 * the decision: readings recorded and excursions detected after it do not count for it.
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
           -- The unit's return to range only when it is this excursion's end (not when the next one ended it).
           CASE WHEN n.next_at IS NULL OR b.back_in_range_at <= n.next_at THEN b.back_in_range_at END AS back_in_range_at,
           least(b.back_in_range_at, n.next_at) AS ends_at
      FROM inventory_excursions e
      LEFT JOIN LATERAL (
        SELECT min(i.read_at) AS back_in_range_at FROM inventory_temperature_readings i
         WHERE i.storage_unit_id = e.storage_unit_id AND i.read_at > e.first_read_at AND NOT i.out_of_range
           AND i.recorded_at <= coalesce(e.decided_at, 'infinity')
      ) b ON true
      LEFT JOIN LATERAL (
        SELECT min(x.first_read_at) AS next_at FROM inventory_excursions x
         WHERE x.storage_unit_id = e.storage_unit_id AND x.shipment_id IS NULL AND x.id <> e.id
           AND (x.first_read_at > e.first_read_at OR (x.first_read_at = e.first_read_at AND x.id > e.id))
           AND x.detected_at < coalesce(e.decided_at, 'infinity')
      ) n ON true
      LEFT JOIN inventory_temperature_readings r
        ON r.storage_unit_id = e.storage_unit_id AND r.out_of_range AND r.read_at >= e.first_read_at
       AND (b.back_in_range_at IS NULL OR r.read_at < b.back_in_range_at)
       AND (n.next_at IS NULL OR r.read_at < n.next_at)
       AND r.recorded_at <= coalesce(e.decided_at, 'infinity')
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
