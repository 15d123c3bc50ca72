// SQL of the inventory reports: doses on hand by funding source and vaccine, and doses wasted by reason (and
// clinic) in a period, from the maintained balances and the ledger. A clinic's, or statewide.

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
