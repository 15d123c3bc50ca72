// Ordering public vaccine: the clinic's order set, the order builder (on hand, doses administered in the last
// 30/90 days, the suggested quantity), placing an order (refused without a recent reconciliation of every unit or
// a current approved CVP agreement), DPH's decision (approve, with edited quantities, or deny with a reason) and
// the CSV of approved orders for the upload to CDC's ordering system.

import type { OrderBuilder, OrderList, OrderSetView, OrderView } from '@nutmeg/api-types';
import { ndcToProduct } from '@nutmeg/codes';
import type { AppContext } from '../../context.ts';
import { toCsv } from '../../csv.ts';
import { addDays, jurisdictionDay, jurisdictionDayStart, jurisdictionToday } from '../../dates.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { can, isStatewide, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { hasCurrentAgreement, storageUnitsOf } from '../clinics/index.ts';
import { findOrganizations, organizationNames } from '../organizations/index.ts';
import { actsFor, clinicToChange, clinicToRead, type ClinicRef } from './inventory.policy.ts';
import { orderRefusals, quantityProblem, suggestedDoses, SUPPLY_DAYS } from './order.ts';
import * as repo from './order.repo.ts';
import { presentOrder } from './order.present.ts';
import * as shipmentRepo from './shipment.repo.ts';
import { presentShipment } from './shipment.present.ts';
import type { ApproveBody, DenyBody, OrderBody, OrderListQuery, OrderSetBody } from './order.schemas.ts';
import { lastReconciledOn } from './reconciliation.repo.ts';
import type { Db } from './stock.repo.ts';
import { productOf } from './stock.service.ts';

export const SUGGESTION_RULE = `Suggested: enough for ${SUPPLY_DAYS} days at the higher of the last 30 and the last 90 days’ daily use, minus the public doses on hand, rounded up to whole packages.`;

const field = (path: string, message: string) => invalid(message, [{ path, message }]);

export async function orderSet(ctx: AppContext, actor: Actor, organizationId: string | undefined): Promise<OrderSetView> {
  const clinic = await clinicToRead(ctx.db, actor, organizationId);
  const items = await repo.orderSetOf(ctx.db, clinic.id);
  return {
    clinic,
    items: items.map((i) => ({ ndc: i.ndc, cvx: i.cvx, tradeName: i.trade_name, dosesPerPackage: i.doses_per_package })),
    canEdit: actsFor(actor, clinic.id),
  };
}

export async function addToOrderSet(ctx: AppContext, actor: Actor, body: OrderSetBody): Promise<OrderSetView> {
  const clinic = clinicToChange(actor, 'A clinic’s coordinators keep its order set.');
  const product = productOf(body.ndc);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const added = await repo.addOrderSetItem(trx, {
      organization_id: clinic.id,
      ndc: product.ndc,
      cvx: product.cvx,
      trade_name: product.tradeName,
      doses_per_package: product.dosesPerPackage,
      added_by: actor.userId,
      added_at: now,
    });
    if (!added) throw field('ndc', `${product.tradeName} (${product.ndc}) is already in the order set`);
    await appendActorAudit(
      trx,
      actor,
      { action: 'inventory.order_set.add', entityType: 'organization', entityId: clinic.id, detail: { ndc: product.ndc } },
      now,
    );
  });
  return orderSet(ctx, actor, clinic.id);
}

export async function removeFromOrderSet(ctx: AppContext, actor: Actor, ndc: string): Promise<OrderSetView> {
  const clinic = clinicToChange(actor, 'A clinic’s coordinators keep its order set.');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.removeOrderSetItem(trx, clinic.id, ndcToProduct(ndc)?.ndc ?? ndc))) throw notFound('This product in the order set');
    await appendActorAudit(
      trx,
      actor,
      { action: 'inventory.order_set.remove', entityType: 'organization', entityId: clinic.id, detail: { ndc } },
      now,
    );
  });
  return orderSet(ctx, actor, clinic.id);
}

/** The builder's facts: every order-set product with its usage and suggestion, and why ordering is refused. */
async function builderFacts(db: Db, clinic: ClinicRef, today: string): Promise<Omit<OrderBuilder, 'clinic' | 'today' | 'suggestionRule'>> {
  const [items, onHand, used30, used90, agreement, units, counted] = await Promise.all([
    repo.orderSetOf(db, clinic.id),
    repo.publicOnHandByNdc(db, clinic.id),
    repo.publicAdministeredSince(db, clinic.id, jurisdictionDayStart(addDays(today, -30))),
    repo.publicAdministeredSince(db, clinic.id, jurisdictionDayStart(addDays(today, -90))),
    hasCurrentAgreement(db, clinic.id, 'cvp', today),
    storageUnitsOf(db, clinic.id),
    lastReconciledOn(db, clinic.id),
  ]);
  const refusals = orderRefusals({
    today,
    hasAgreement: agreement,
    units: units.filter((u) => u.active).map((u) => ({ name: u.name, lastReconciledOn: counted.get(u.id) ?? null })),
  });
  const lines = items.map((i) => {
    const facts = {
      onHand: onHand.get(i.ndc) ?? 0,
      administered30: used30.get(i.ndc) ?? 0,
      administered90: used90.get(i.ndc) ?? 0,
      dosesPerPackage: i.doses_per_package,
    };
    return { ndc: i.ndc, cvx: i.cvx, tradeName: i.trade_name, ...facts, suggestedDoses: suggestedDoses(facts) };
  });
  return { refusals, lines };
}

export async function orderBuilder(ctx: AppContext, actor: Actor, organizationId: string | undefined): Promise<OrderBuilder> {
  const clinic = await clinicToRead(ctx.db, actor, organizationId);
  const today = jurisdictionToday(ctx.clock);
  return { clinic, today, suggestionRule: SUGGESTION_RULE, ...(await builderFacts(ctx.db, clinic, today)) };
}

/** Places an order from the order set; refused (409, with the reasons) when the clinic may not order today. */
export async function placeOrder(ctx: AppContext, actor: Actor, body: OrderBody): Promise<OrderView> {
  const clinic = clinicToChange(actor, 'Orders are placed by the clinic’s coordinators.');
  const today = jurisdictionToday(ctx.clock);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const facts = await builderFacts(trx, clinic, today);
    if (facts.refusals.length)
      throw conflict(`This order cannot be placed: ${facts.refusals.join(' ')}`, { step: 'refused', reasons: facts.refusals });
    const byNdc = new Map(facts.lines.map((l) => [l.ndc, l]));
    const seen = new Set<string>();
    const lines = [];
    for (const [i, l] of body.lines.entries()) {
      const line = byNdc.get(productOf(l.ndc).ndc);
      if (!line) throw field(`lines.${i}.ndc`, 'This product is not in your clinic’s order set');
      if (seen.has(line.ndc)) throw field(`lines.${i}.ndc`, `${line.tradeName} is listed twice`);
      seen.add(line.ndc);
      const problem = quantityProblem(l.doses, line.dosesPerPackage);
      if (problem) throw field(`lines.${i}.doses`, problem);
      if (l.doses === 0) continue;
      lines.push({
        ndc: line.ndc,
        cvx: line.cvx,
        trade_name: line.tradeName,
        doses_per_package: line.dosesPerPackage,
        on_hand: line.onHand,
        administered_30: line.administered30,
        administered_90: line.administered90,
        suggested_doses: line.suggestedDoses,
        requested_doses: l.doses,
      });
    }
    if (lines.length === 0) throw field('lines', 'Order at least one product (a quantity above zero)');
    const now = ctx.clock.now();
    const orderId = await repo.insertOrder(
      trx,
      { organization_id: clinic.id, placed_by: actor.userId, placed_at: now, placed_on: today },
      lines,
    );
    await appendActorAudit(
      trx,
      actor,
      { action: 'inventory.order.place', entityType: 'inventory_order', entityId: orderId, detail: { lines: lines.length } },
      now,
    );
    return orderId;
  });
  return orderDetail(ctx, actor, id);
}

async function present(db: Db, actor: Actor, rows: readonly repo.OrderRow[]): Promise<OrderView[]> {
  const [names, lines] = await Promise.all([
    organizationNames(
      db,
      rows.map((r) => r.organization_id),
    ),
    repo.linesOf(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  const shipments = await shipmentRepo.shipmentsOfOrders(
    db,
    rows.map((r) => r.id),
  );
  const shipmentLines = await shipmentRepo.shipmentLinesOf(
    db,
    shipments.map((x) => x.id),
  );
  const approver = can(actor, 'inventory:approve') && isStatewide(actor);
  const shipmentOf = new Map(shipments.map((x) => [x.order_id, x]));
  return rows.map((r) => {
    const shipment = shipmentOf.get(r.id);
    return presentOrder(r, names.get(r.organization_id) ?? '', lines, {
      canDecide: approver,
      shipment: shipment ? presentShipment(shipment, shipmentLines, actsFor(actor, r.organization_id)) : null,
    });
  });
}

/** A clinic's orders (DPH: every clinic's, or one clinic's with organizationId), newest first. */
export async function listOrders(ctx: AppContext, actor: Actor, q: OrderListQuery): Promise<OrderList> {
  const organizationId = isStatewide(actor) ? q.organizationId : (await clinicToRead(ctx.db, actor, q.organizationId)).id;
  const rows = await repo.listOrders(ctx.db, {
    ...(organizationId ? { organizationId } : {}),
    ...(q.status ? { statuses: [q.status] } : {}),
  });
  return { orders: await present(ctx.db, actor, rows) };
}

/** An order the actor may read (another clinic's is "not found"). */
export async function readableOrder(db: Db, actor: Actor, id: string): Promise<repo.OrderRow> {
  const row = await repo.orderById(db, id);
  if (!row || (!isStatewide(actor) && !actsFor(actor, row.organization_id))) throw notFound('The order');
  return row;
}

export async function orderDetail(ctx: AppContext, actor: Actor, id: string): Promise<OrderView> {
  const row = await readableOrder(ctx.db, actor, id);
  return (await present(ctx.db, actor, [row]))[0]!;
}

const stale = () => conflict('This order was decided or changed meanwhile: reload it', { step: 'version' });

/** DPH approves a submitted order, optionally with edited quantities (whole packages; 0 drops a line). */
export async function approveOrder(ctx: AppContext, actor: Actor, id: string, body: ApproveBody): Promise<OrderView> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await readableOrder(trx, actor, id);
    const lines = await repo.linesOf(trx, [row.id]);
    const approved = new Map<string, number>();
    for (const [i, e] of (body.lines ?? []).entries()) {
      // The NDC as placeOrder stores it (any spelling of it: dashes, 10 digits), once per line as there.
      const ndc = ndcToProduct(e.ndc)?.ndc ?? e.ndc;
      const line = lines.find((l) => l.ndc === ndc);
      if (!line) throw field(`lines.${i}.ndc`, 'This product is not on the order');
      if (approved.has(line.ndc)) throw field(`lines.${i}.ndc`, `${line.trade_name} is listed twice`);
      const problem = quantityProblem(e.doses, line.doses_per_package);
      if (problem) throw field(`lines.${i}.doses`, problem);
      approved.set(line.ndc, e.doses);
    }
    if (lines.every((l) => (approved.get(l.ndc) ?? l.requested_doses) === 0))
      throw field('lines', 'An approval ships at least one dose; deny the order instead');
    const now = ctx.clock.now();
    const decided = await repo.decideOrder(trx, { id, version: body.version, status: 'approved', by: actor.userId, at: now, reason: null });
    if (!decided) throw stale();
    await repo.setApprovedDoses(trx, id, approved);
    await appendActorAudit(
      trx,
      actor,
      { action: 'inventory.order.approve', entityType: 'inventory_order', entityId: id, detail: { edited: approved.size } },
      now,
    );
  });
  return orderDetail(ctx, actor, id);
}

export async function denyOrder(ctx: AppContext, actor: Actor, id: string, body: DenyBody): Promise<OrderView> {
  await ctx.db.transaction().execute(async (trx) => {
    await readableOrder(trx, actor, id);
    const now = ctx.clock.now();
    const decided = await repo.decideOrder(trx, {
      id,
      version: body.version,
      status: 'denied',
      by: actor.userId,
      at: now,
      reason: body.reason,
    });
    if (!decided) throw stale();
    await appendActorAudit(trx, actor, { action: 'inventory.order.deny', entityType: 'inventory_order', entityId: id }, now);
  });
  return orderDetail(ctx, actor, id);
}

/** DPH: approved orders not yet shipped, one row per product, for the upload to CDC's ordering system. */
export async function exportApprovedOrders(ctx: AppContext, actor: Actor): Promise<string> {
  const rows = await repo.listOrders(ctx.db, { statuses: ['approved'], limit: 5000 });
  const [clinics, lines] = await Promise.all([
    findOrganizations(
      ctx.db,
      rows.map((r) => r.organization_id),
    ),
    repo.linesOf(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ]);
  const byId = new Map(clinics.map((c) => [c.id, c]));
  const orders = new Map(rows.map((o) => [o.id, o]));
  // Lines in the orders' order (newest first), then as the repo returns them within an order.
  const rank = new Map(rows.map((o, i) => [o.id, i]));
  const out = lines
    .filter((l) => (l.approved_doses ?? 0) > 0 && orders.has(l.order_id))
    .sort((a, b) => rank.get(a.order_id)! - rank.get(b.order_id)!)
    .map((l) => {
      const o = orders.get(l.order_id)!;
      const c = byId.get(o.organization_id);
      return [
        c?.pin ?? '',
        c?.name ?? '',
        o.id,
        o.placed_on,
        o.decided_at ? jurisdictionDay(o.decided_at) : '',
        o.funding_source,
        l.ndc,
        l.trade_name,
        l.approved_doses,
        (l.approved_doses ?? 0) / l.doses_per_package,
      ];
    });
  await appendActorAudit(
    ctx.db,
    actor,
    { action: 'inventory.order.export', entityType: 'inventory_order', detail: { orders: rows.length } },
    ctx.clock.now(),
  );
  return toCsv(['PIN', 'Clinic', 'Order', 'Placed on', 'Approved on', 'Funding', 'NDC', 'Product', 'Doses', 'Packages'], out);
}
