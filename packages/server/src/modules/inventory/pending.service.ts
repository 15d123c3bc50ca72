// Doses added but not administered: a dose taken out of a unit for a patient and not yet given. It leaves the
// stock at once (an 'administered' ledger row referencing the pull) and blocks the unit's reconciliation until
// the coordinator resolves it: given (recorded through the dose form, dose-stock.service), back to stock, or wasted.

import type { PendingDoseView, PendingResolution } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { conflict, invalid } from '../../errors.ts';
import { inTransaction } from '../../transaction.ts';
import { uiSubmitter, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { loadWritable } from '../patients/index.ts';
import { clinicToChange, clinicToRead, unitOfClinic } from './inventory.policy.ts';
import { isUsable } from './ledger.ts';
import { moveStock } from './ledger.service.ts';
import * as repo from './pending.repo.ts';
import type { PendingBody, ResolveBody } from './pending.schemas.ts';
import { openPendingDoses } from './reconciliation.repo.ts';
import { stockLine } from './stock.repo.ts';

/** Takes one dose of a usable lot out of a unit for a patient of the clinic, pending its administration. */
export async function pullForPatient(ctx: AppContext, actor: Actor, body: PendingBody): Promise<{ id: string; onHand: number }> {
  const clinic = clinicToChange(actor);
  await unitOfClinic(ctx.db, clinic.id, body.storageUnitId, { active: true });
  return inTransaction(ctx.db, async (trx) => {
    await loadWritable(ctx, uiSubmitter(actor), body.patientId, trx);
    const line = await stockLine(trx, body.lotId, body.storageUnitId);
    const today = jurisdictionToday(ctx.clock);
    if (!line || !isUsable({ expirationDate: line.expiration_date, doNotUse: line.do_not_use, onHand: line.on_hand }, today)) {
      const message = 'Choose a usable lot of this unit (unexpired, not held, with doses on hand)';
      throw invalid(message, [{ path: 'lotId', message }]);
    }
    const now = ctx.clock.now();
    const id = await repo.insertPendingDose(trx, {
      organizationId: clinic.id,
      lotId: body.lotId,
      unitId: body.storageUnitId,
      patientId: body.patientId,
      by: actor.userId,
      at: now,
    });
    const onHand = await moveStock(trx, {
      organizationId: clinic.id,
      lotId: body.lotId,
      storageUnitId: body.storageUnitId,
      kind: 'administered',
      quantity: -1,
      referenceKind: 'pending_dose',
      referenceId: id,
      recordedBy: actor.userId,
      at: now,
    });
    await appendActorAudit(
      trx,
      actor,
      { action: 'inventory.pending.create', entityType: 'pending_dose', entityId: id, patientId: body.patientId },
      now,
    );
    return { id, onHand };
  });
}

/** Resolves a pending dose once when it was not given: back to stock (+1), or wasted with a reason (+1 back, −1 wasted). */
export async function resolvePending(ctx: AppContext, actor: Actor, id: string, body: ResolveBody): Promise<PendingResolution> {
  const clinic = clinicToChange(actor);
  return inTransaction(ctx.db, async (trx) => {
    const now = ctx.clock.now();
    const note = body.note?.trim() || null;
    const row = await repo.resolvePendingDose(trx, {
      id,
      organizationId: clinic.id,
      status: body.outcome,
      by: actor.userId,
      at: now,
      reason: note,
    });
    if (!row) throw conflict('This dose is not waiting any more (already resolved, or not your clinic’s)');
    const move = {
      organizationId: clinic.id,
      lotId: row.lot_id,
      storageUnitId: row.storage_unit_id,
      referenceKind: 'pending_dose',
      referenceId: id,
      recordedBy: actor.userId,
      at: now,
    };
    await moveStock(trx, { ...move, kind: 'administration_reversed', quantity: 1, reason: 'not administered', note });
    if (body.outcome === 'wasted') await moveStock(trx, { ...move, kind: 'wasted', quantity: -1, reason: body.reason ?? null, note });
    await appendActorAudit(
      trx,
      actor,
      {
        action: 'inventory.pending.resolve',
        entityType: 'pending_dose',
        entityId: id,
        patientId: row.patient_id,
        detail: { outcome: body.outcome },
      },
      now,
    );
    return { id, outcome: body.outcome };
  });
}

/** The clinic's open pending doses (patients named by id only; the list's disclosure is audited once). */
export async function pendingQueue(
  ctx: AppContext,
  actor: Actor,
  organizationId: string | undefined,
): Promise<{ pending: PendingDoseView[] }> {
  const clinic = await clinicToRead(ctx.db, actor, organizationId);
  const rows = await openPendingDoses(ctx.db, clinic.id);
  if (rows.length)
    await appendActorAudit(
      ctx.db,
      actor,
      {
        action: 'inventory.pending.list',
        entityType: 'pending_dose',
        detail: { organizationId: clinic.id, patientIds: rows.map((r) => r.patient_id) },
      },
      ctx.clock.now(),
    );
  return {
    pending: rows.map((r) => ({
      id: r.id,
      patientId: r.patient_id,
      lotId: r.lot_id,
      storageUnitId: r.storage_unit_id,
      lotNumber: r.lot_number,
      tradeName: r.trade_name,
      createdAt: r.created_at.toISOString(),
    })),
  };
}
