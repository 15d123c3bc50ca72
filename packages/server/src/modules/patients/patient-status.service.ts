// Status rules (AIRA "Patient Active/Inactive Status"): per organization and per jurisdiction, with
// who/when/why kept in patient_status_history; medical-home ownership; opt-out (DPH only).

import type { AppContext } from '../../context.ts';
import { forbidden, invalid } from '../../errors.ts';
import { can, isStatewide, type Actor } from '../access/index.ts';
import { assertCanWrite, loadVisible } from './patient.policy.ts';
import type { Db } from './patient.repo.ts';
import { auditPatient } from './patient.service.ts';

export type OrgStatus = 'active' | 'inactive_moved' | 'inactive_not_patient';

/** Status of the patient at the actor's own clinic. Inactivating at the owner clinic also releases ownership. */
export async function setOrgStatus(
  ctx: AppContext,
  actor: Actor,
  patientId: string,
  status: OrgStatus,
  reason?: string,
): Promise<{ status: OrgStatus }> {
  assertCanWrite(actor);
  if (actor.scope!.organizationKind !== 'clinic')
    throw forbidden('The status at a clinic is set by the clinic; DPH sets the status in the jurisdiction');
  const orgId = actor.scope!.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await loadVisible(ctx, actor, patientId, trx);
    const now = ctx.clock.now();
    await trx
      .insertInto('patient_org_status')
      .values({ patient_id: patientId, organization_id: orgId, status, reason: reason ?? null, changed_at: now, changed_by: actor.userId })
      .onConflict((oc) =>
        oc
          .columns(['patient_id', 'organization_id'])
          .doUpdateSet({ status, reason: reason ?? null, changed_at: now, changed_by: actor.userId }),
      )
      .execute();
    await trx
      .insertInto('patient_status_history')
      .values({
        patient_id: patientId,
        scope: 'organization',
        organization_id: orgId,
        status,
        reason: reason ?? null,
        at: now,
        user_id: actor.userId,
      })
      .execute();
    if (status !== 'active' && rows.row.owner_org_id === orgId)
      await setOwnerInTrx(ctx, trx, actor, patientId, null, 'Inactivated at the owning clinic');
    await auditPatient(ctx, actor, 'patient.status.organization', patientId, { status }, trx);
    return { status };
  });
}

/** Jurisdiction status: moved out of the jurisdiction, or deceased with the date of death. */
export async function setJurisdictionStatus(
  ctx: AppContext,
  actor: Actor,
  patientId: string,
  body: { status: 'active' | 'moved' | 'deceased'; deceasedDate?: string | undefined; reason?: string | undefined },
) {
  assertCanWrite(actor);
  if (body.status === 'deceased' && !body.deceasedDate)
    throw invalid('Enter the date of death', [{ path: 'deceasedDate', message: 'Enter the date of death' }]);
  if (body.status !== 'deceased' && body.deceasedDate)
    throw invalid('A date of death is only for deceased patients', [{ path: 'deceasedDate', message: 'Remove the date' }]);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await loadVisible(ctx, actor, patientId, trx);
    const today = ctx.clock.now().toISOString().slice(0, 10);
    if (body.deceasedDate && (body.deceasedDate < rows.row.dob || body.deceasedDate > today)) {
      throw invalid('The date of death must be between the date of birth and today', [{ path: 'deceasedDate', message: 'Out of range' }]);
    }
    // Reactivating a deceased record is a DPH correction.
    if (rows.row.jurisdiction_status === 'deceased' && body.status !== 'deceased' && !isStatewide(actor)) {
      throw forbidden('Only DPH can reactivate a record marked deceased');
    }
    const now = ctx.clock.now();
    await trx
      .updateTable('patients')
      .set({ jurisdiction_status: body.status, deceased_date: body.deceasedDate ?? null, updated_at: now })
      .where('id', '=', patientId)
      .execute();
    await trx
      .insertInto('patient_status_history')
      .values({
        patient_id: patientId,
        scope: 'jurisdiction',
        status: body.status,
        reason: body.reason ?? null,
        effective_date: body.deceasedDate ?? null,
        at: now,
        user_id: actor.userId,
      })
      .execute();
    await auditPatient(ctx, actor, 'patient.status.jurisdiction', patientId, { status: body.status }, trx);
    return { status: body.status };
  });
}

/** Sets (or clears, with null) the medical home inside the caller's transaction. */
export async function setOwnerInTrx(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  patientId: string,
  orgId: string | null,
  reason: string,
): Promise<void> {
  const now = ctx.clock.now();
  await trx.updateTable('patients').set({ owner_org_id: orgId, updated_at: now }).where('id', '=', patientId).execute();
  await trx
    .insertInto('patient_status_history')
    .values({
      patient_id: patientId,
      scope: 'ownership',
      organization_id: orgId,
      status: orgId ? 'owned' : 'released',
      reason,
      at: now,
      user_id: actor.userId,
    })
    .execute();
}

/** Take ownership for the caller's clinic, or release it (only the owner or DPH may release). */
export async function setOwner(ctx: AppContext, actor: Actor, patientId: string, own: boolean, reason?: string) {
  assertCanWrite(actor);
  const orgId = actor.scope!.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await loadVisible(ctx, actor, patientId, trx);
    if (own) {
      const org = await trx.selectFrom('organizations').select(['kind', 'medical_home']).where('id', '=', orgId).executeTakeFirst();
      if (!org || org.kind !== 'clinic' || !org.medical_home) throw forbidden('Only a medical-home clinic can own a patient record');
      await setOwnerInTrx(ctx, trx, actor, patientId, orgId, reason ?? 'Taken by hand');
    } else {
      if (rows.row.owner_org_id !== orgId && !isStatewide(actor)) throw forbidden('Only the owning clinic or DPH can release ownership');
      await setOwnerInTrx(ctx, trx, actor, patientId, null, reason ?? 'Released by hand');
    }
    await auditPatient(ctx, actor, 'patient.owner', patientId, { own }, trx);
    return { ownerOrgId: own ? orgId : null };
  });
}

/** Opt-out on a signed written request: the record disappears from everyone but DPH. */
export async function setOptOut(ctx: AppContext, actor: Actor, patientId: string, optedOut: boolean, reason: string) {
  if (!can(actor, 'patient:opt-out')) throw forbidden('Only DPH can record an opt-out');
  return ctx.db.transaction().execute(async (trx) => {
    await loadVisible(ctx, actor, patientId, trx);
    const now = ctx.clock.now();
    await trx.updateTable('patients').set({ opted_out: optedOut, updated_at: now }).where('id', '=', patientId).execute();
    await trx
      .insertInto('patient_status_history')
      .values({
        patient_id: patientId,
        scope: 'opt_out',
        status: optedOut ? 'opted_out' : 'opted_in',
        reason,
        at: now,
        user_id: actor.userId,
      })
      .execute();
    await auditPatient(ctx, actor, optedOut ? 'patient.opt_out' : 'patient.opt_in', patientId, { reason }, trx);
    return { optedOut };
  });
}
