// Reconciliation per storage unit (a physical count of every lot; one ledger row per difference; refused while
// doses are added-but-not-administered in the unit, or shipments/transfers are on their way to the clinic) and
// wastage of doses with a reason.

import type { InventoryTodo, ReconciliationResult, ReconciliationView, WastageResult } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { clinicToChange, unitOfClinic, unitToRead } from './inventory.policy.ts';
import { moveStock } from './ledger.service.ts';
import { planReconciliation } from './reconciliation.ts';
import * as repo from './reconciliation.repo.ts';
import type { ReconciliationBody, WastageBody } from './reconciliation.schemas.ts';
import { shipmentsInTransit } from './shipment.repo.ts';
import * as stockRepo from './stock.repo.ts';
import { transfersToAccept } from './transfer.repo.ts';
import type { Db } from './stock.repo.ts';

/**
 * What must be resolved before a unit can be reconciled, in one place for the refusal and the to-do list: the
 * unit's doses added but not administered, then the shipments and transfers on their way to the clinic.
 */
export async function countBlockers(db: Db, organizationId: string, unitId?: string): Promise<InventoryTodo[]> {
  const [pending, inTransit, incoming] = await Promise.all([
    repo.openPendingDoses(db, organizationId, unitId),
    shipmentsInTransit(db, organizationId),
    transfersToAccept(db, organizationId),
  ]);
  return [
    ...pending.map((p) => ({
      kind: 'pending_dose' as const,
      message: `A dose of ${p.trade_name} lot ${p.lot_number} was added but not administered: record it as given, put it back, or waste it`,
      storageUnitId: p.storage_unit_id,
    })),
    ...inTransit.map((sh) => ({
      kind: 'shipment' as const,
      message: `Shipment with packing slip ${sh.packing_slip} is on its way: accept it into a storage unit`,
      orderId: sh.order_id,
    })),
    ...incoming.map((t) => ({
      kind: 'transfer' as const,
      message: `Transfer of ${t.doses} dose(s) of ${t.trade_name} lot ${t.lot_number} is on its way: accept it into a storage unit`,
    })),
  ];
}

/** Counts every lot of one unit and closes the differences in the ledger, with their reasons. */
export async function reconcile(ctx: AppContext, actor: Actor, unitId: string, body: ReconciliationBody): Promise<ReconciliationResult> {
  const clinic = clinicToChange(actor);
  await unitOfClinic(ctx.db, clinic.id, unitId, { active: true });
  return ctx.db.transaction().execute(async (trx) => {
    const balances = await repo.lockUnitBalances(trx, unitId);
    const blockers = await countBlockers(trx, clinic.id, unitId);
    if (blockers.some((b) => b.kind === 'pending_dose'))
      throw conflict('Resolve the doses added but not administered in this unit before reconciling it', { step: 'pending', blockers });
    if (blockers.length)
      throw conflict('Accept the shipments and transfers on their way to your clinic before reconciling (see the to-do list)', {
        step: 'in_transit',
        blockers,
      });
    const plan = planReconciliation(
      balances.map((b) => ({ lotId: b.lot_id, lotNumber: b.lot_number, onHand: b.on_hand })),
      body.counts,
    );
    if (!plan.ok && plan.fields.length) throw invalid(plan.fields.map((f) => f.message).join('; '), plan.fields);
    if (!plan.ok)
      throw conflict(`Stock of lot ${plan.stale.join(', ')} changed since you counted: reload the unit and count again`, { step: 'stale' });
    const now = ctx.clock.now();
    const id = await repo.insertReconciliation(
      trx,
      { organizationId: clinic.id, unitId, by: actor.userId, at: now, on: jurisdictionToday(ctx.clock) },
      body.counts.map((c) => ({
        lotId: c.lotId,
        expected: c.expected,
        counted: c.counted,
        reason: c.reason?.trim() || null,
        note: c.note?.trim() || null,
      })),
    );
    for (const m of plan.movements)
      await moveStock(trx, {
        organizationId: clinic.id,
        lotId: m.lotId,
        storageUnitId: unitId,
        kind: m.kind,
        quantity: m.quantity,
        reason: m.reason,
        note: m.note,
        referenceKind: 'reconciliation',
        referenceId: id,
        recordedBy: actor.userId,
        at: now,
      });
    await appendActorAudit(
      trx,
      actor,
      {
        action: 'inventory.reconcile',
        entityType: 'storage_unit',
        entityId: unitId,
        detail: { reconciliationId: id, differences: plan.movements.length },
      },
      now,
    );
    return { id, differences: plan.movements.length };
  });
}

/** A unit's reconciliations, newest first (DPH: any unit). */
export async function reconciliationHistory(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
): Promise<{ reconciliations: ReconciliationView[] }> {
  await unitToRead(ctx.db, actor, unitId);
  const rows = await repo.reconciliationsOf(ctx.db, unitId);
  return {
    reconciliations: rows.map((r) => ({
      id: r.id,
      reconciledOn: r.reconciled_on,
      reconciledAt: r.reconciled_at.toISOString(),
      lines: r.lines.map((l) => ({
        lotId: l.lot_id,
        lotNumber: l.lot_number,
        tradeName: l.trade_name,
        expected: l.expected,
        counted: l.counted,
        reason: l.reason,
        note: l.note,
      })),
    })),
  };
}

/** Wastes doses of a lot in a unit (broken vial, drawn up not given, expired…), with the reason. */
export async function recordWastage(ctx: AppContext, actor: Actor, body: WastageBody): Promise<WastageResult> {
  const clinic = clinicToChange(actor);
  await unitOfClinic(ctx.db, clinic.id, body.storageUnitId);
  return ctx.db.transaction().execute(async (trx) => {
    const line = await stockRepo.stockLine(trx, body.lotId, body.storageUnitId);
    if (!line || line.organization_id !== clinic.id) throw notFound('The lot in this storage unit');
    const now = ctx.clock.now();
    const onHand = await moveStock(trx, {
      organizationId: clinic.id,
      lotId: body.lotId,
      storageUnitId: body.storageUnitId,
      kind: 'wasted',
      quantity: -body.doses,
      reason: body.reason,
      note: body.note ?? null,
      referenceKind: 'wastage',
      recordedBy: actor.userId,
      at: now,
    });
    await appendActorAudit(
      trx,
      actor,
      { action: 'inventory.waste', entityType: 'inventory_lot', entityId: body.lotId, detail: { doses: body.doses, reason: body.reason } },
      now,
    );
    return { lotId: body.lotId, storageUnitId: body.storageUnitId, onHand };
  });
}
