// Shipments of approved orders: DPH records what was shipped (lots, NDC, quantities, expirations, packing slip) or
// imports it from the distributor's CSV; the stock is in transit, on no clinic's hand, until the clinic accepts
// it into a storage unit, noting what arrived short, damaged or warm. Public lots enter stock only this way.

import type { OrderView } from '@nutmeg/api-types';
import type { PublicFunding, ShipmentDiscrepancy } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { parseCsv } from '../../csv.ts';
import { jurisdictionToday } from '../../dates.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { clinicToChange, unitOfClinic } from './inventory.policy.ts';
import { moveStock } from './ledger.service.ts';
import * as orderRepo from './order.repo.ts';
import { orderDetail, readableOrder } from './order.service.ts';
import * as repo from './shipment.repo.ts';
import { ShipmentLineInput, type AcceptBody, type ShipmentBody, type ShipmentImportBody } from './shipment.schemas.ts';
import { findOrCreateLot, type Db } from './stock.repo.ts';
import { expirationToReceive, productOf } from './stock.service.ts';
import { openShipmentExcursion } from './temperature.repo.ts';

const field = (path: string, message: string) => invalid(message, [{ path, message }]);

/** DPH records the shipment of an approved order; the order becomes 'shipped' in the same transaction. */
export async function recordShipment(
  ctx: AppContext,
  actor: Actor,
  orderId: string,
  body: ShipmentBody,
  source: 'dph' | 'import' = 'dph',
): Promise<OrderView> {
  const today = jurisdictionToday(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const order = await readableOrder(trx, actor, orderId);
    if (order.status !== 'approved') throw conflict('Only an approved order not yet shipped can get a shipment', { step: 'status' });
    const approved = new Map((await orderRepo.linesOf(trx, [order.id])).map((l) => [l.ndc, l.approved_doses ?? 0]));
    const shipped = new Map<string, number>();
    const lines = body.lines.map((l, i) => {
      const product = productOf(l.ndc);
      if (!approved.get(product.ndc)) throw field(`lines.${i}.ndc`, `${product.tradeName} (${product.ndc}) was not approved on this order`);
      const expiration = withPath(`lines.${i}.expiration`, () => expirationToReceive(l.expiration, today));
      shipped.set(product.ndc, (shipped.get(product.ndc) ?? 0) + l.doses);
      if (shipped.get(product.ndc)! > approved.get(product.ndc)!)
        throw field(`lines.${i}.doses`, `More ${product.tradeName} than the ${approved.get(product.ndc)} doses approved`);
      return {
        ndc: product.ndc,
        cvx: product.cvx,
        mvx: product.mvx,
        trade_name: product.tradeName,
        doses_per_package: product.dosesPerPackage,
        lot_number: l.lotNumber.toUpperCase(),
        expiration_date: expiration,
        doses: l.doses,
      };
    });
    const keys = new Set(lines.map((l) => `${l.ndc} ${l.lot_number}`));
    if (keys.size !== lines.length) throw field('lines', 'A lot is listed twice: give each lot once with its total doses');
    const now = ctx.clock.now();
    if (!(await orderRepo.advanceOrder(trx, order.id, 'approved', 'shipped')))
      throw conflict('This order was shipped meanwhile', { step: 'status' });
    const id = await repo.insertShipment(
      trx,
      {
        order_id: order.id,
        organization_id: order.organization_id,
        packing_slip: body.packingSlip,
        source,
        recorded_by: actor.userId,
        recorded_at: now,
      },
      lines,
    );
    await appendActorAudit(
      trx,
      actor,
      {
        action: 'inventory.shipment.record',
        entityType: 'inventory_shipment',
        entityId: id,
        detail: { orderId: order.id, source, lines: lines.length },
      },
      now,
    );
  });
  return orderDetail(ctx, actor, orderId);
}

/** Runs a check, reporting its field problem under `path` (a line's expiration, say). */
function withPath<T>(path: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    const e = err as { details?: { fields?: Array<{ message: string }> } };
    const message = e.details?.fields?.[0]?.message;
    if (message) throw field(path, message);
    throw err;
  }
}

const IMPORT_COLUMNS = ['packing_slip', 'ndc', 'lot_number', 'expiration', 'doses'] as const;

/** The distributor's shipment file as a shipment body; a bad row is reported with its line, nothing is recorded. */
export function shipmentFromCsv(text: string): ShipmentBody {
  const [header, ...rows] = parseCsv(text);
  const names = header?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const missing = IMPORT_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length)
    throw field('csv', `The file’s header needs the columns ${IMPORT_COLUMNS.join(', ')} (missing: ${missing.join(', ')})`);
  if (rows.length === 0) throw field('csv', 'The file lists no lots');
  const cell = (r: { cells: string[] }, c: (typeof IMPORT_COLUMNS)[number]) => (r.cells[names.indexOf(c)] ?? '').trim();
  const slips = new Set(rows.map((r) => cell(r, 'packing_slip')));
  if (slips.size !== 1) throw field('csv', 'A file is one shipment: every row has the same packing slip number');
  const lines = rows.map((r) => {
    const parsed = ShipmentLineInput.safeParse({
      ndc: cell(r, 'ndc'),
      lotNumber: cell(r, 'lot_number'),
      expiration: cell(r, 'expiration'),
      doses: Number(cell(r, 'doses')),
    });
    if (!parsed.success) throw field('csv', `Line ${r.line}: ${parsed.error.issues[0]?.message ?? 'unreadable'}`);
    return parsed.data;
  });
  const packingSlip = [...slips][0]!;
  if (!packingSlip) throw field('csv', 'Give the packing slip number on every row');
  return { packingSlip, lines };
}

export async function importShipment(ctx: AppContext, actor: Actor, orderId: string, body: ShipmentImportBody): Promise<OrderView> {
  const shipment = shipmentFromCsv(body.csv);
  try {
    return await recordShipment(ctx, actor, orderId, shipment, 'import');
  } catch (err) {
    // A line's problem names the row of the file, not an index of the body.
    const e = err as { details?: { fields?: Array<{ path: string; message: string }> } };
    const f = e.details?.fields?.[0];
    const m = f && /^lines\.(\d+)\./.exec(f.path);
    if (f && m) throw field('csv', `Line ${Number(m[1]) + 2}: ${f.message}`);
    throw err;
  }
}

function discrepancyProblem(line: repo.ShipmentLineRow, received: number, discrepancy: ShipmentDiscrepancy | null): string | null {
  if (received > line.doses) return `Lot ${line.lot_number} shipped ${line.doses} doses: more cannot be received`;
  if (received < line.doses && !discrepancy)
    return `Say why lot ${line.lot_number} is ${line.doses - received} dose(s) short (short, damaged or warm)`;
  return null;
}

/** Puts a line's received doses into the unit (a 'received' ledger row); a warm line's stock is held. */
async function receiveLine(
  trx: Db,
  line: repo.ShipmentLineRow,
  r: {
    organizationId: string;
    unitId: string;
    funding: PublicFunding;
    received: number;
    discrepancy: ShipmentDiscrepancy | null;
    shipmentId: string;
    by: string;
    at: Date;
  },
): Promise<string> {
  const lot = await findOrCreateLot(trx, {
    organization_id: r.organizationId,
    ndc: line.ndc,
    cvx: line.cvx,
    mvx: line.mvx,
    trade_name: line.trade_name,
    doses_per_package: line.doses_per_package,
    lot_number: line.lot_number,
    expiration_date: line.expiration_date,
    funding_source: r.funding,
  });
  if (lot.expiration_date !== line.expiration_date)
    throw conflict(
      `Lot ${line.lot_number} is recorded as expiring ${lot.expiration_date}, the shipment says ${line.expiration_date}: ask DPH`,
    );
  await moveStock(trx, {
    organizationId: r.organizationId,
    lotId: lot.id,
    storageUnitId: r.unitId,
    kind: 'received',
    quantity: r.received,
    note: r.discrepancy ? `${r.discrepancy}: ${line.doses - r.received} of ${line.doses} not received` : null,
    referenceKind: 'shipment',
    referenceId: r.shipmentId,
    recordedBy: r.by,
    at: r.at,
  });
  if (r.discrepancy === 'warm') await repo.holdStock(trx, lot.id, r.unitId, r.at);
  return lot.id;
}

/**
 * The clinic accepts a shipment into one of its units: every line answered once; what arrived goes in with a
 * 'received' ledger row; a warm line's stock is held "do not use" until the manufacturer's decision, recorded
 * on the excursion the warm lots open (temperature.service's decideExcursion: usable → released, or wasted).
 */
export async function acceptShipment(ctx: AppContext, actor: Actor, shipmentId: string, body: AcceptBody): Promise<OrderView> {
  const clinic = clinicToChange(actor, 'A shipment is accepted by the receiving clinic’s coordinators.');
  await unitOfClinic(ctx.db, clinic.id, body.storageUnitId, { active: true });
  const orderId = await ctx.db.transaction().execute(async (trx) => {
    const shipment = await repo.shipmentById(trx, shipmentId);
    if (!shipment || shipment.organization_id !== clinic.id) throw notFound('The shipment');
    const order = await readableOrder(trx, actor, shipment.order_id);
    const lines = await repo.shipmentLinesOf(trx, [shipment.id]);
    const answers = new Map(body.lines.map((a, i) => [a.lineId, { ...a, i }]));
    if (answers.size !== body.lines.length || lines.some((l) => !answers.has(l.id)) || answers.size !== lines.length)
      throw field('lines', 'Answer every line of the shipment once');
    const now = ctx.clock.now();
    if (!(await repo.markAccepted(trx, { id: shipment.id, unitId: body.storageUnitId, by: actor.userId, at: now })))
      throw conflict('This shipment was accepted already', { step: 'status' });
    const warmLots: string[] = [];
    for (const line of lines) {
      const a = answers.get(line.id)!;
      const discrepancy = a.discrepancy ?? null;
      const problem = discrepancyProblem(line, a.receivedDoses, discrepancy);
      if (problem) throw field(`lines.${a.i}.receivedDoses`, problem);
      const lotId =
        a.receivedDoses > 0
          ? await receiveLine(trx, line, {
              organizationId: clinic.id,
              unitId: body.storageUnitId,
              funding: order.funding_source,
              received: a.receivedDoses,
              discrepancy,
              shipmentId: shipment.id,
              by: actor.userId,
              at: now,
            })
          : null;
      await repo.recordLineReceipt(trx, { lineId: line.id, received: a.receivedDoses, discrepancy, note: a.note?.trim() || null, lotId });
      if (lotId && discrepancy === 'warm') warmLots.push(lotId);
    }
    // Warm lots wait for the manufacturer's decision as an excursion of the unit (decided like any other).
    const excursionId = warmLots.length
      ? await openShipmentExcursion(trx, {
          organizationId: clinic.id,
          unitId: body.storageUnitId,
          shipmentId: shipment.id,
          lotIds: warmLots,
          at: now,
        })
      : null;
    await orderRepo.advanceOrder(trx, order.id, 'shipped', 'received');
    await appendActorAudit(
      trx,
      actor,
      {
        action: 'inventory.shipment.accept',
        entityType: 'inventory_shipment',
        entityId: shipment.id,
        detail: { storageUnitId: body.storageUnitId, discrepancies: body.lines.filter((l) => l.discrepancy).length, excursionId },
      },
      now,
    );
    return order.id;
  });
  return orderDetail(ctx, actor, orderId);
}
