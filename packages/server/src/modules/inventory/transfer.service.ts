// Transfers of doses between clinics. The sender's coordinator requests one: the doses leave the unit at once
// ('transferred_out', guarded so that two requests never send more than is on hand) and are in transit, on
// neither clinic's hand. Public stock waits for DPH's approval (a denial puts the doses back); private stock goes
// straight into transit. The receiver's coordinator accepts it into a unit ('transferred_in').

import type { TransferList, TransferView } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { can, isStatewide, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { findOrganization, listActiveOrganizations, organizationNames } from '../organizations/index.ts';
import { actsFor, clinicToChange, clinicToRead, unitOfClinic } from './inventory.policy.ts';
import { isPublicFunding, isUsable } from './ledger.ts';
import { moveStock } from './ledger.service.ts';
import { findOrCreateLot, lotById, stockLine, type Db } from './stock.repo.ts';
import * as repo from './transfer.repo.ts';
import type { TransferAcceptBody, TransferApproveBody, TransferBody, TransferDenyBody, TransferListQuery } from './transfer.schemas.ts';

const field = (path: string, message: string) => invalid(message, [{ path, message }]);

function presentTransfer(t: repo.TransferRow, names: ReadonlyMap<string, string>, actor: Actor): TransferView {
  return {
    id: t.id,
    from: { id: t.from_organization_id, name: names.get(t.from_organization_id) ?? '' },
    to: { id: t.to_organization_id, name: names.get(t.to_organization_id) ?? '' },
    lotNumber: t.lot_number,
    tradeName: t.trade_name,
    ndc: t.ndc,
    expirationDate: t.expiration_date,
    fundingSource: t.funding_source,
    doses: t.doses,
    note: t.note,
    status: t.status,
    version: t.version,
    requestedAt: t.requested_at.toISOString(),
    decidedAt: t.decided_at?.toISOString() ?? null,
    denialReason: t.denial_reason,
    acceptedAt: t.accepted_at?.toISOString() ?? null,
    canDecide: t.status === 'requested' && isStatewide(actor) && can(actor, 'inventory:approve'),
    canAccept: t.status === 'in_transit' && actsFor(actor, t.to_organization_id),
  };
}

async function present(db: Db, actor: Actor, rows: readonly repo.TransferRow[]): Promise<TransferView[]> {
  const names = await organizationNames(
    db,
    rows.flatMap((r) => [r.from_organization_id, r.to_organization_id]),
  );
  return rows.map((r) => presentTransfer(r, names, actor));
}

/** A transfer the actor may read: DPH any, a coordinator one their clinic sends or receives. */
async function readable(db: Db, actor: Actor, id: string): Promise<repo.TransferRow> {
  const t = await repo.transferById(db, id);
  if (!t || (!isStatewide(actor) && !actsFor(actor, t.from_organization_id) && !actsFor(actor, t.to_organization_id)))
    throw notFound('The transfer');
  return t;
}

export async function transferDetail(ctx: AppContext, actor: Actor, id: string): Promise<TransferView> {
  return (await present(ctx.db, actor, [await readable(ctx.db, actor, id)]))[0]!;
}

export async function listTransfers(ctx: AppContext, actor: Actor, q: TransferListQuery): Promise<TransferList> {
  const organizationId = isStatewide(actor) ? undefined : (await clinicToRead(ctx.db, actor, undefined)).id;
  const rows = await repo.listTransfers(ctx.db, {
    ...(organizationId ? { organizationId } : {}),
    ...(q.status ? { status: q.status } : {}),
  });
  const destinations = organizationId
    ? (await listActiveOrganizations(ctx.db, 'clinic')).filter((c) => c.id !== organizationId).map((c) => ({ id: c.id, name: c.name }))
    : [];
  return { transfers: await present(ctx.db, actor, rows), destinations };
}

/** Requests a transfer: the doses leave the unit now, in the same transaction (never more than on hand). */
export async function requestTransfer(ctx: AppContext, actor: Actor, body: TransferBody): Promise<TransferView> {
  const clinic = clinicToChange(actor, 'Transfers are requested by the sending clinic’s coordinators.');
  await unitOfClinic(ctx.db, clinic.id, body.fromStorageUnitId, { field: 'fromStorageUnitId' });
  const to = await findOrganization(ctx.db, body.toOrganizationId);
  if (!to || to.kind !== 'clinic' || !to.active) throw field('toOrganizationId', 'Choose an active clinic to receive the doses');
  if (to.id === clinic.id) throw field('toOrganizationId', 'Choose another clinic: a move between your own units is not a transfer');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const line = await stockLine(trx, body.lotId, body.fromStorageUnitId);
    const today = jurisdictionToday(ctx.clock);
    if (!line || line.organization_id !== clinic.id) throw field('lotId', 'This lot is not in this storage unit');
    if (!isUsable({ expirationDate: line.expiration_date, doNotUse: line.do_not_use, onHand: line.on_hand }, today))
      throw field('lotId', 'Only usable doses are transferred (unexpired, not held); return or waste the others');
    const publicStock = isPublicFunding(line.funding_source);
    const now = ctx.clock.now();
    const transferId = await repo.insertTransfer(trx, {
      from_organization_id: clinic.id,
      from_storage_unit_id: body.fromStorageUnitId,
      lot_id: body.lotId,
      to_organization_id: to.id,
      doses: body.doses,
      note: body.note?.trim() || null,
      status: publicStock ? 'requested' : 'in_transit',
      requested_by: actor.userId,
      requested_at: now,
    });
    await moveStock(trx, {
      organizationId: clinic.id,
      lotId: body.lotId,
      storageUnitId: body.fromStorageUnitId,
      kind: 'transferred_out',
      quantity: -body.doses,
      note: `to ${to.name}`,
      referenceKind: 'transfer',
      referenceId: transferId,
      recordedBy: actor.userId,
      at: now,
    });
    await appendActorAudit(
      trx,
      actor,
      {
        action: 'inventory.transfer.request',
        entityType: 'inventory_transfer',
        entityId: transferId,
        detail: { doses: body.doses, to: to.id },
      },
      now,
    );
    return transferId;
  });
  return transferDetail(ctx, actor, id);
}

const stale = () => conflict('This transfer was decided or changed meanwhile: reload it', { step: 'version' });

export async function approveTransfer(ctx: AppContext, actor: Actor, id: string, body: TransferApproveBody): Promise<TransferView> {
  await ctx.db.transaction().execute(async (trx) => {
    await readable(trx, actor, id);
    const now = ctx.clock.now();
    if (!(await repo.decideTransfer(trx, { id, version: body.version, status: 'in_transit', by: actor.userId, at: now, reason: null })))
      throw stale();
    await appendActorAudit(trx, actor, { action: 'inventory.transfer.approve', entityType: 'inventory_transfer', entityId: id }, now);
  });
  return transferDetail(ctx, actor, id);
}

/** DPH denies a public transfer: the doses go back into the unit they left. */
export async function denyTransfer(ctx: AppContext, actor: Actor, id: string, body: TransferDenyBody): Promise<TransferView> {
  await ctx.db.transaction().execute(async (trx) => {
    const t = await readable(trx, actor, id);
    const now = ctx.clock.now();
    if (!(await repo.decideTransfer(trx, { id, version: body.version, status: 'denied', by: actor.userId, at: now, reason: body.reason })))
      throw stale();
    await moveStock(trx, {
      organizationId: t.from_organization_id,
      lotId: t.lot_id,
      storageUnitId: t.from_storage_unit_id,
      kind: 'transferred_in',
      quantity: t.doses,
      reason: 'transfer denied',
      referenceKind: 'transfer',
      referenceId: id,
      recordedBy: actor.userId,
      at: now,
    });
    await appendActorAudit(trx, actor, { action: 'inventory.transfer.deny', entityType: 'inventory_transfer', entityId: id }, now);
  });
  return transferDetail(ctx, actor, id);
}

/** The receiving clinic accepts the doses into one of its units, once. */
export async function acceptTransfer(ctx: AppContext, actor: Actor, id: string, body: TransferAcceptBody): Promise<TransferView> {
  const clinic = clinicToChange(actor, 'A transfer is accepted by the receiving clinic’s coordinators.');
  await unitOfClinic(ctx.db, clinic.id, body.storageUnitId, { active: true });
  await ctx.db.transaction().execute(async (trx) => {
    const t = await readable(trx, actor, id);
    if (t.to_organization_id !== clinic.id) throw notFound('The transfer');
    const source = await lotById(trx, t.lot_id);
    if (!source) throw notFound('The lot');
    const { id: _id, created_at: _at, ...product } = source;
    const lot = await findOrCreateLot(trx, { ...product, organization_id: clinic.id });
    if (lot.expiration_date !== source.expiration_date)
      throw conflict(
        `Your lot ${lot.lot_number} is recorded as expiring ${lot.expiration_date}, the sender’s ${source.expiration_date}: ask DPH`,
      );
    const now = ctx.clock.now();
    if (
      !(await repo.markTransferAccepted(trx, {
        id,
        organizationId: clinic.id,
        unitId: body.storageUnitId,
        lotId: lot.id,
        by: actor.userId,
        at: now,
      }))
    )
      throw conflict('This transfer is not waiting to be accepted (accepted already, or still with DPH)', { step: 'status' });
    await moveStock(trx, {
      organizationId: clinic.id,
      lotId: lot.id,
      storageUnitId: body.storageUnitId,
      kind: 'transferred_in',
      quantity: t.doses,
      referenceKind: 'transfer',
      referenceId: id,
      recordedBy: actor.userId,
      at: now,
    });
    await appendActorAudit(trx, actor, { action: 'inventory.transfer.accept', entityType: 'inventory_transfer', entityId: id }, now);
  });
  return transferDetail(ctx, actor, id);
}
