// Inventory reports: doses on hand by funding source and vaccine, and wastage by reason over a period (DPH's by
// clinic too): a coordinator sees their clinic's, DPH statewide or one clinic's. CSV through src/csv.ts.

import type { InventoryReport } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { toCsv } from '../../csv.ts';
import { addDays, jurisdictionDayStart, jurisdictionToday } from '../../dates.ts';
import { invalid } from '../../errors.ts';
import { isStatewide, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { organizationNames } from '../organizations/index.ts';
import { clinicToRead } from './inventory.policy.ts';
import * as repo from './report.repo.ts';
import type { InventoryReportQuery } from './report.schemas.ts';

export async function inventoryReport(ctx: AppContext, actor: Actor, q: InventoryReportQuery): Promise<InventoryReport> {
  const statewide = isStatewide(actor) && !q.organizationId;
  const clinic = statewide ? null : await clinicToRead(ctx.db, actor, q.organizationId);
  const today = jurisdictionToday(ctx.clock);
  const to = q.to ?? today;
  const from = q.from ?? addDays(to, -90);
  if (from > to) throw invalid('The period starts after it ends', [{ path: 'from', message: 'Start on or before the end date' }]);
  const org = clinic ? { organizationId: clinic.id } : {};
  const [onHand, wasted, orders] = await Promise.all([
    repo.onHandByFunding(ctx.db, clinic?.id),
    repo.wastageByReason(ctx.db, {
      ...org,
      since: jurisdictionDayStart(from),
      until: jurisdictionDayStart(addDays(to, 1)),
      byClinic: statewide,
    }),
    repo.orderHistory(ctx.db, { organizationId: clinic?.id, from, to }),
  ]);
  const names = await organizationNames(ctx.db, [...wasted.map((w) => w.organization_id), ...orders.map((o) => o.organization_id)]);
  await appendActorAudit(
    ctx.db,
    actor,
    { action: 'inventory.report', entityType: 'organization', entityId: clinic?.id ?? null, detail: { from, to } },
    ctx.clock.now(),
  );
  return {
    scope: { clinic, from, to },
    onHand: onHand.map((r) => ({
      fundingSource: r.funding_source,
      cvx: r.cvx,
      tradeName: r.trade_name,
      doses: r.doses,
      clinics: r.clinics,
    })),
    wastage: wasted.map((w) => ({
      reason: w.reason,
      clinicName: w.organization_id ? (names.get(w.organization_id) ?? '') : null,
      doses: w.doses,
    })),
    orders: orders.map((o) => ({
      id: o.id,
      clinicName: names.get(o.organization_id) ?? '',
      status: o.status,
      fundingSource: o.funding_source,
      placedOn: o.placed_on,
      decidedAt: o.decided_at?.toISOString() ?? null,
      shippedAt: o.shipped_at?.toISOString() ?? null,
      acceptedAt: o.accepted_at?.toISOString() ?? null,
      requested: o.requested,
      approved: o.approved,
      shipped: o.shipped,
      accepted: o.accepted,
    })),
  };
}

/** The same report as CSV (stock and wastage, then a blank line and the order history; formula cells neutralised). */
export async function inventoryReportCsv(ctx: AppContext, actor: Actor, q: InventoryReportQuery): Promise<string> {
  const r = await inventoryReport(ctx, actor, q);
  return toCsv(
    ['Section', 'Funding or reason', 'Vaccine (CVX) or clinic', 'Product', 'Doses', 'Clinics'],
    [
      ...r.onHand.map((o) => ['On hand', o.fundingSource, o.cvx, o.tradeName, o.doses, o.clinics]),
      ...r.wastage.map((w) => [`Wasted ${r.scope.from} to ${r.scope.to}`, w.reason, w.clinicName ?? '', '', w.doses, '']),
    ],
  ).concat(
    '\r\n',
    toCsv(
      [
        'Order placed',
        'Clinic',
        'Status',
        'Funding',
        'Decided',
        'Shipped',
        'Accepted',
        'Requested',
        'Approved',
        'Shipped doses',
        'Accepted doses',
      ],
      r.orders.map((o) => [
        o.placedOn,
        o.clinicName,
        o.status,
        o.fundingSource,
        o.decidedAt ?? '',
        o.shippedAt ?? '',
        o.acceptedAt ?? '',
        o.requested,
        o.approved,
        o.shipped,
        o.accepted,
      ]),
    ),
  );
}
