// Stock a clinic holds: receiving private inventory, the coordinator's dashboard (expiring lots, to-do list),
// the lots of one storage unit and their ledger, and the ledger check.

import type {
  ClinicStockSummary,
  InventoryDashboard,
  InventoryTodo,
  LedgerCheck,
  LedgerEntryView,
  ReceiptResult,
  StockLineView,
  UnitStock,
} from '@nutmeg/api-types';
import { ndcToProduct } from '@nutmeg/codes';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { invalid } from '../../errors.ts';
import { isStatewide, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { storageUnitsOf } from '../clinics/index.ts';
import { listActiveOrganizations } from '../organizations/index.ts';
import { actsFor, clinicToChange, clinicToRead, unitOfClinic, unitToRead } from './inventory.policy.ts';
import { expirationOf, expiryWindow, isExpired } from './ledger.ts';
import { moveStock, recomputeCheck } from './ledger.service.ts';
import { reconciliationDue } from './reconciliation.ts';
import { lastReconciledOn } from './reconciliation.repo.ts';
import { countBlockers } from './reconciliation.service.ts';
import * as repo from './stock.repo.ts';
import type { ReceiptBody } from './stock.schemas.ts';
import { presentLedgerEntry, presentStockLine, presentUnitSummary } from './stock.present.ts';

const field = (path: string, message: string) => invalid(message, [{ path, message }]);

/** What CDC says an NDC is; the lot takes its CVX, MVX, trade name and doses per package from it. */
export function productOf(ndcInput: string) {
  const product = ndcToProduct(ndcInput);
  if (!product) throw field('ndc', 'This NDC is not in CDC’s vaccine NDC list; check the package');
  const cvx = product.cvx[0];
  if (!cvx) throw field('ndc', 'CDC maps this NDC to no vaccine (CVX)');
  const dosesPerPackage = product.sale?.dosesPerPackage ?? product.use?.doses ?? 1;
  return { ndc: product.ndc, cvx, mvx: product.mvx ?? null, tradeName: product.tradeName, dosesPerPackage };
}

/** A label expiry as stored, refused when unreadable or already past. */
export function expirationToReceive(input: string, today: string): string {
  const expiration = expirationOf(input);
  if (!expiration) throw field('expiration', 'Enter the expiration as on the label: YYYY-MM-DD, or YYYY-MM when it gives only a month');
  if (isExpired(expiration, today)) throw field('expiration', 'This lot has expired; expired vaccine cannot be received');
  return expiration;
}

/** Receive private inventory (the coordinator's own purchase) into one of the clinic's active units. */
export async function receivePrivate(ctx: AppContext, actor: Actor, body: ReceiptBody): Promise<ReceiptResult> {
  const clinic = clinicToChange(actor, 'Private inventory is received by the clinic’s coordinators.');
  await unitOfClinic(ctx.db, clinic.id, body.storageUnitId, { active: true });
  const product = productOf(body.ndc);
  const expiration = expirationToReceive(body.expiration, jurisdictionToday(ctx.clock));
  return ctx.db.transaction().execute(async (trx) => {
    const lot = await repo.findOrCreateLot(trx, {
      organization_id: clinic.id,
      ndc: product.ndc,
      cvx: product.cvx,
      mvx: product.mvx,
      trade_name: product.tradeName,
      doses_per_package: product.dosesPerPackage,
      lot_number: body.lotNumber.toUpperCase(),
      expiration_date: expiration,
      funding_source: 'private',
    });
    if (lot.expiration_date !== expiration)
      throw field('expiration', `Lot ${lot.lot_number} of this product is recorded as expiring ${lot.expiration_date}; check the label`);
    const now = ctx.clock.now();
    const onHand = await moveStock(trx, {
      organizationId: clinic.id,
      lotId: lot.id,
      storageUnitId: body.storageUnitId,
      kind: 'received',
      quantity: body.doses,
      referenceKind: 'private_receipt',
      recordedBy: actor.userId,
      at: now,
    });
    await appendActorAudit(
      trx,
      actor,
      { action: 'inventory.receive', entityType: 'inventory_lot', entityId: lot.id, detail: { doses: body.doses, funding: 'private' } },
      now,
    );
    return { lotId: lot.id, storageUnitId: body.storageUnitId, onHand };
  });
}

function todoOf(expired: readonly StockLineView[], held: readonly StockLineView[]): InventoryTodo[] {
  const out: InventoryTodo[] = [];
  for (const l of expired)
    out.push({
      kind: 'expired',
      message: `${l.tradeName} lot ${l.lotNumber} in ${l.storageUnitName} expired on ${l.expirationDate}: ${l.onHand} dose(s) to waste or return`,
      storageUnitId: l.storageUnitId,
    });
  for (const l of held)
    out.push({
      kind: 'do_not_use',
      message: `${l.tradeName} lot ${l.lotNumber} in ${l.storageUnitName} is held (do not use): record the manufacturer’s decision`,
      storageUnitId: l.storageUnitId,
    });
  return out;
}

/** The coordinator's inventory dashboard (DPH: any clinic's, read-only). */
export async function dashboard(ctx: AppContext, actor: Actor, organizationId: string | undefined): Promise<InventoryDashboard> {
  const clinic = await clinicToRead(ctx.db, actor, organizationId);
  const today = jurisdictionToday(ctx.clock);
  const [units, lines, counted, blockers] = await Promise.all([
    storageUnitsOf(ctx.db, clinic.id),
    repo.stockOf(ctx.db, clinic.id, { onHandOnly: true }),
    lastReconciledOn(ctx.db, clinic.id),
    countBlockers(ctx.db, clinic.id),
  ]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const views = lines.map((l) => presentStockLine(l, names.get(l.storage_unit_id) ?? '', today));
  const inWindow = (w: ReturnType<typeof expiryWindow>) => views.filter((v) => v.expiryWindow === w);
  const expired = inWindow('expired');
  return {
    clinic,
    today,
    units: units.map((u) => presentUnitSummary(u, lines, counted.get(u.id) ?? null)),
    expiring: { expired, within30: inWindow(30), within60: inWindow(60), within90: inWindow(90) },
    todo: [
      // Shipments and transfers first, then the pending doses: the blockers of reconciliation (countBlockers).
      ...blockers.filter((b) => b.kind !== 'pending_dose'),
      ...blockers.filter((b) => b.kind === 'pending_dose'),
      ...todoOf(
        expired,
        views.filter((v) => v.doNotUse && v.expiryWindow !== 'expired'),
      ),
      ...units
        .filter((u) => u.active && lines.some((l) => l.storage_unit_id === u.id) && reconciliationDue(counted.get(u.id), today))
        .map((u) => ({
          kind: 'reconcile' as const,
          message: `Reconcile ${u.name}: ${counted.has(u.id) ? `last counted ${counted.get(u.id)}` : 'never counted'}`,
          storageUnitId: u.id,
        })),
    ],
    canEdit: actsFor(actor, clinic.id),
  };
}

/** Every lot of one storage unit (those emptied included, so the history can be reached). */
export async function unitStock(ctx: AppContext, actor: Actor, unitId: string): Promise<UnitStock> {
  const unit = await unitToRead(ctx.db, actor, unitId);
  const today = jurisdictionToday(ctx.clock);
  const [lines, counted] = await Promise.all([
    repo.stockOf(ctx.db, unit.organizationId, { unitId }),
    lastReconciledOn(ctx.db, unit.organizationId),
  ]);
  return {
    unit: presentUnitSummary(unit, lines, counted.get(unit.id) ?? null),
    lines: lines.map((l) => presentStockLine(l, unit.name, today)),
  };
}

/** The ledger of one lot in one unit, oldest first. */
export async function lotLedger(ctx: AppContext, actor: Actor, unitId: string, lotId: string): Promise<{ entries: LedgerEntryView[] }> {
  await unitToRead(ctx.db, actor, unitId);
  return { entries: (await repo.ledgerOf(ctx.db, lotId, unitId)).map(presentLedgerEntry) };
}

/** Recomputes every balance from the ledger: statewide for DPH, the clinic's own for a coordinator. */
export async function ledgerCheck(ctx: AppContext, actor: Actor): Promise<LedgerCheck> {
  const orgId = isStatewide(actor) ? undefined : (await clinicToRead(ctx.db, actor, undefined)).id;
  return { checkedAt: ctx.clock.now().toISOString(), mismatches: await recomputeCheck(ctx.db, orgId) };
}

/** DPH: every active clinic with its doses on hand (public and private); a coordinator: their own clinic. */
export async function clinicsWithStock(ctx: AppContext, actor: Actor): Promise<{ clinics: ClinicStockSummary[] }> {
  const clinics = isStatewide(actor) ? await listActiveOrganizations(ctx.db, 'clinic') : [await clinicToRead(ctx.db, actor, undefined)];
  const doses = new Map((await repo.dosesByClinic(ctx.db)).map((d) => [d.organization_id, d]));
  return {
    clinics: clinics.map((c) => ({
      id: c.id,
      name: c.name,
      publicDoses: doses.get(c.id)?.public_doses ?? 0,
      privateDoses: doses.get(c.id)?.private_doses ?? 0,
    })),
  };
}
