// Returns of expired or spoiled public vaccine: the coordinator requests one (a public lot that is expired or
// held "do not use", no more than on hand); DPH approves it — the doses leave the unit in the same transaction
// (ledger 'returned') and the clinic prints the return packing list / label — or denies it with a reason.

import type { ReturnList, ReturnView } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { can, isStatewide, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { findOrganization, organizationNames } from '../organizations/index.ts';
import { actsFor, clinicToChange, clinicToRead, unitOfClinic } from './inventory.policy.ts';
import { isExpired, isPublicFunding } from './ledger.ts';
import { moveStock } from './ledger.service.ts';
import { renderReturnLabel } from './return.pdf.ts';
import * as repo from './return.repo.ts';
import type { ReturnApproveBody, ReturnBody, ReturnDenyBody, ReturnListQuery } from './return.schemas.ts';
import { stockLine, type Db } from './stock.repo.ts';

const field = (path: string, message: string) => invalid(message, [{ path, message }]);

/** The return authorization printed on the label: short, derived from the id, only once approved. */
export function authorizationOf(r: { id: string; status: string }): string | null {
  return r.status === 'approved' ? `RA-${r.id.replace(/-/g, '').slice(0, 10).toUpperCase()}` : null;
}

function presentReturn(r: repo.ReturnRow, clinicName: string, actor: Actor): ReturnView {
  return {
    id: r.id,
    authorization: authorizationOf(r),
    clinic: { id: r.organization_id, name: clinicName },
    storageUnitId: r.storage_unit_id,
    lotNumber: r.lot_number,
    tradeName: r.trade_name,
    ndc: r.ndc,
    expirationDate: r.expiration_date,
    fundingSource: r.funding_source,
    doses: r.doses,
    reason: r.reason,
    note: r.note,
    status: r.status,
    version: r.version,
    requestedAt: r.requested_at.toISOString(),
    decidedAt: r.decided_at?.toISOString() ?? null,
    denialReason: r.denial_reason,
    canDecide: r.status === 'requested' && isStatewide(actor) && can(actor, 'inventory:approve'),
  };
}

async function present(db: Db, actor: Actor, rows: readonly repo.ReturnRow[]): Promise<ReturnView[]> {
  const names = await organizationNames(
    db,
    rows.map((r) => r.organization_id),
  );
  return rows.map((r) => presentReturn(r, names.get(r.organization_id) ?? '', actor));
}

async function readable(db: Db, actor: Actor, id: string): Promise<repo.ReturnRow> {
  const r = await repo.returnById(db, id);
  if (!r || (!isStatewide(actor) && !actsFor(actor, r.organization_id))) throw notFound('The return');
  return r;
}

export async function returnDetail(ctx: AppContext, actor: Actor, id: string): Promise<ReturnView> {
  return (await present(ctx.db, actor, [await readable(ctx.db, actor, id)]))[0]!;
}

export async function listReturns(ctx: AppContext, actor: Actor, q: ReturnListQuery): Promise<ReturnList> {
  const organizationId = isStatewide(actor) ? undefined : (await clinicToRead(ctx.db, actor, undefined)).id;
  const rows = await repo.listReturns(ctx.db, { ...(organizationId ? { organizationId } : {}), ...(q.status ? { status: q.status } : {}) });
  return { returns: await present(ctx.db, actor, rows) };
}

/** Requests a return: public stock only, expired or held "do not use", no more than on hand (checked again at approval). */
export async function requestReturn(ctx: AppContext, actor: Actor, body: ReturnBody): Promise<ReturnView> {
  const clinic = clinicToChange(actor, 'Returns are requested by the clinic’s coordinators.');
  await unitOfClinic(ctx.db, clinic.id, body.storageUnitId);
  const line = await stockLine(ctx.db, body.lotId, body.storageUnitId);
  if (!line || line.organization_id !== clinic.id) throw field('lotId', 'This lot is not in this storage unit');
  if (!isPublicFunding(line.funding_source)) throw field('lotId', 'Private vaccine is not returned to DPH: record it as wasted');
  if (!isExpired(line.expiration_date, jurisdictionToday(ctx.clock)) && !line.do_not_use)
    throw field('lotId', 'Only expired or spoiled (held “do not use”) vaccine is returned; this lot is usable');
  if (body.doses > line.on_hand) throw field('doses', `Only ${line.on_hand} dose(s) of this lot are on hand in this unit`);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const returnId = await repo.insertReturn(trx, {
      organization_id: clinic.id,
      storage_unit_id: body.storageUnitId,
      lot_id: body.lotId,
      doses: body.doses,
      reason: body.reason,
      note: body.note?.trim() || null,
      requested_by: actor.userId,
      requested_at: now,
    });
    await appendActorAudit(
      trx,
      actor,
      { action: 'inventory.return.request', entityType: 'inventory_return', entityId: returnId, detail: { doses: body.doses } },
      now,
    );
    return returnId;
  });
  return returnDetail(ctx, actor, id);
}

const stale = () => conflict('This return was decided or changed meanwhile: reload it', { step: 'version' });

/** DPH approves: the doses leave the unit now ('returned'); refused when fewer are on hand than requested. */
export async function approveReturn(ctx: AppContext, actor: Actor, id: string, body: ReturnApproveBody): Promise<ReturnView> {
  await ctx.db.transaction().execute(async (trx) => {
    const r = await readable(trx, actor, id);
    const now = ctx.clock.now();
    if (!(await repo.decideReturn(trx, { id, version: body.version, status: 'approved', by: actor.userId, at: now, reason: null })))
      throw stale();
    await moveStock(trx, {
      organizationId: r.organization_id,
      lotId: r.lot_id,
      storageUnitId: r.storage_unit_id,
      kind: 'returned',
      quantity: -r.doses,
      reason: r.reason,
      referenceKind: 'return',
      referenceId: id,
      recordedBy: actor.userId,
      at: now,
    });
    await appendActorAudit(trx, actor, { action: 'inventory.return.approve', entityType: 'inventory_return', entityId: id }, now);
  });
  return returnDetail(ctx, actor, id);
}

export async function denyReturn(ctx: AppContext, actor: Actor, id: string, body: ReturnDenyBody): Promise<ReturnView> {
  await ctx.db.transaction().execute(async (trx) => {
    await readable(trx, actor, id);
    const now = ctx.clock.now();
    if (!(await repo.decideReturn(trx, { id, version: body.version, status: 'denied', by: actor.userId, at: now, reason: body.reason })))
      throw stale();
    await appendActorAudit(trx, actor, { action: 'inventory.return.deny', entityType: 'inventory_return', entityId: id }, now);
  });
  return returnDetail(ctx, actor, id);
}

/** The printable return packing list / label of an approved return. */
export async function returnLabel(ctx: AppContext, actor: Actor, id: string): Promise<{ pdf: Uint8Array; filename: string }> {
  const r = await returnDetail(ctx, actor, id);
  if (r.status !== 'approved') throw conflict('A return label exists once DPH approves the return', { step: 'status' });
  const clinic = await findOrganization(ctx.db, r.clinic.id);
  const approvedOn = jurisdictionToday({ now: () => new Date(r.decidedAt!) });
  const pdf = await renderReturnLabel(r, { pin: clinic?.pin ?? null, approvedOn, printedOn: jurisdictionToday(ctx.clock) });
  return { pdf, filename: `return-${r.authorization}.pdf` };
}
