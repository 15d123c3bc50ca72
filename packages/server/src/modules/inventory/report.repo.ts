// SQL of the inventory reports: doses on hand by funding source and vaccine, and doses wasted by reason (and
// clinic) in a period, from the maintained balances and the ledger; doses administered from stock (per dose) and
// the lots they match, for immunizations' doses-by-lot report; order history.
// A clinic's, or statewide.

import { sql } from 'kysely';
import type { Db } from './stock.repo.ts';

export function onHandByFunding(db: Db, organizationId?: string) {
  let q = db
    .selectFrom('inventory_stock as s')
    .innerJoin('inventory_lots as l', 'l.id', 's.lot_id')
    .select([
      'l.funding_source',
      'l.cvx',
      sql<string>`min(l.trade_name)`.as('trade_name'),
      sql<number>`sum(s.on_hand)::int`.as('doses'),
      sql<number>`count(DISTINCT s.organization_id)::int`.as('clinics'),
    ])
    .where('s.on_hand', '>', 0);
  if (organizationId) q = q.where('s.organization_id', '=', organizationId);
  return q.groupBy(['l.funding_source', 'l.cvx']).orderBy('l.funding_source').orderBy('trade_name').execute();
}

export function wastageByReason(db: Db, opts: { organizationId?: string; since: Date; until: Date; byClinic: boolean }) {
  let q = db
    .selectFrom('inventory_ledger')
    .select([sql<string>`coalesce(reason, 'other')`.as('reason'), sql<number>`(-sum(quantity))::int`.as('doses')])
    .where('kind', '=', 'wasted')
    .where('recorded_at', '>=', opts.since)
    .where('recorded_at', '<', opts.until);
  if (opts.organizationId) q = q.where('organization_id', '=', opts.organizationId);
  if (opts.byClinic)
    return q
      .select('organization_id')
      .groupBy([sql`coalesce(reason, 'other')`, 'organization_id'])
      .orderBy('doses', 'desc')
      .execute();
  return q
    .select(sql<string | null>`null::uuid`.as('organization_id'))
    .groupBy(sql`coalesce(reason, 'other')`)
    .orderBy('doses', 'desc')
    .execute();
}

/** Doses out of stock as administered per dose and lot (net of doses put back by a correction or deletion). */
export function administeredOfDoses(db: Db, doseIds: readonly string[]) {
  if (doseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inventory_ledger')
    .select(['dose_id', 'lot_id', sql<number>`(-sum(quantity))::int`.as('doses')])
    .where('kind', 'in', ['administered', 'administration_reversed'])
    .where('dose_id', '=', sql<string>`ANY(${[...doseIds]}::uuid[])`)
    .groupBy(['dose_id', 'lot_id'])
    .execute() as Promise<Array<{ dose_id: string; lot_id: string; doses: number }>>;
}

/** Lots by id, and the lots of these clinics with one of these lot numbers (trimmed, upper case): a typed dose's candidates. */
export function lotsByIdOrNumber(
  db: Db,
  opts: { ids: readonly string[]; organizationIds: readonly string[]; lotNumbers: readonly string[] },
) {
  return db
    .selectFrom('inventory_lots')
    .select(['id', 'organization_id', 'ndc', 'cvx', 'lot_number', 'trade_name', 'funding_source'])
    .where((eb) =>
      eb.or([
        eb('id', '=', sql<string>`ANY(${[...opts.ids]}::uuid[])`),
        eb.and([
          eb('organization_id', '=', sql<string>`ANY(${[...opts.organizationIds]}::uuid[])`),
          eb(sql<string>`upper(trim(lot_number))`, '=', sql<string>`ANY(${[...opts.lotNumbers]}::text[])`),
        ]),
      ]),
    )
    .orderBy('funding_source')
    .orderBy('trade_name')
    .orderBy('lot_number')
    .execute();
}

/** Orders placed in a period with requested / approved / shipped / accepted doses (one row per order). */
export function orderHistory(db: Db, opts: { organizationId?: string | undefined; from: string; to: string }) {
  let q = db
    .selectFrom('inventory_orders as o')
    .leftJoin('inventory_shipments as s', 's.order_id', 'o.id')
    .select([
      'o.id',
      'o.organization_id',
      'o.status',
      'o.funding_source',
      'o.placed_on',
      'o.decided_at',
      's.recorded_at as shipped_at',
      's.accepted_at',
      sql<number>`(SELECT coalesce(sum(requested_doses), 0)::int FROM inventory_order_lines WHERE order_id = o.id)`.as('requested'),
      sql<number | null>`(SELECT sum(approved_doses)::int FROM inventory_order_lines WHERE order_id = o.id)`.as('approved'),
      // sql.ref: the ownership check reads a bare `doses` in SQL text as the immunizations table.
      sql<number | null>`(SELECT sum(${sql.ref('sl.doses')})::int FROM inventory_shipment_lines sl WHERE sl.shipment_id = s.id)`.as(
        'shipped',
      ),
      sql<number | null>`(SELECT sum(sl.received_doses)::int FROM inventory_shipment_lines sl WHERE sl.shipment_id = s.id)`.as('accepted'),
    ])
    .where('o.placed_on', '>=', opts.from)
    .where('o.placed_on', '<=', opts.to);
  if (opts.organizationId) q = q.where('o.organization_id', '=', opts.organizationId);
  return q.orderBy('o.placed_at', 'desc').limit(1000).execute();
}
