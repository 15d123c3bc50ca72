// Status rules (AIRA "Patient Active/Inactive Status"): per organization and per jurisdiction, with
// who/when/why kept in patient_status_history; medical-home ownership; opt-out (DPH only).

import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { forbidden, invalid } from '../../errors.ts';
import { can, isStatewide, type Actor } from '../access/index.ts';
import { isMedicalHomeClinic } from '../organizations/index.ts';
import { auditPatient } from './patient-audit.ts';
import { assertCanWrite, loadVisible } from './patient.policy.ts';
import type { Db } from './patient.repo.ts';
import * as repo from './patient-status.repo.ts';

export type OrgStatus = repo.OrgStatus;

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
    const change = { organizationId: orgId, status, reason: reason ?? null, effectiveDate: null, by: actor.userId };
    await setOrgStatusInTrx(ctx, trx, patientId, rows.row.owner_org_id, change);
    await auditPatient(ctx, actor, 'patient.status.organization', patientId, { status }, trx);
    return { status };
  });
}

/**
 * The status at one organization, inside the caller's transaction (the status screen and a clinic system's report
 * alike); inactive at the clinic that owns the record releases ownership. The caller checked access and audits.
 */
export async function setOrgStatusInTrx(
  ctx: AppContext,
  trx: Db,
  patientId: string,
  ownerOrgId: string | null,
  c: { organizationId: string; status: OrgStatus; reason: string | null; effectiveDate: string | null; by: string | null },
): Promise<void> {
  const now = ctx.clock.now();
  const { organizationId, status, reason, by } = c;
  await repo.upsertOrgStatus(trx, { patientId, organizationId, status, reason, by, at: now });
  await repo.insertStatusHistory(trx, {
    patientId,
    scope: 'organization',
    organizationId,
    status,
    reason,
    effectiveDate: c.effectiveDate,
    by,
    at: now,
  });
  if (status !== 'active' && ownerOrgId === organizationId)
    await setOwnerInTrx(ctx, trx, by, patientId, null, 'Inactivated at the owning clinic');
}

/** The jurisdiction status columns and their history row, inside the caller's transaction (checked and audited by it). */
export async function setJurisdictionStatusInTrx(
  ctx: AppContext,
  trx: Db,
  patientId: string,
  c: { status: 'active' | 'moved' | 'deceased'; deceasedDate: string | null; reason: string | null; by: string | null },
): Promise<void> {
  const now = ctx.clock.now();
  await repo.setJurisdictionStatusColumns(trx, patientId, { status: c.status, deceasedDate: c.deceasedDate, at: now });
  await repo.insertStatusHistory(trx, {
    patientId,
    scope: 'jurisdiction',
    status: c.status,
    reason: c.reason,
    effectiveDate: c.deceasedDate,
    by: c.by,
    at: now,
  });
}

/** Why a date of death cannot be recorded (before the date of birth, or after today); undefined when it can. */
export function deathDateProblem(deceasedDate: string, dob: string, today: string): string | undefined {
  if (deceasedDate < dob) return 'The date of death is before the date of birth';
  if (deceasedDate > today) return 'The date of death is after today';
  return undefined;
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
    const problem = body.deceasedDate && deathDateProblem(body.deceasedDate, rows.row.dob, jurisdictionToday(ctx.clock));
    if (problem) throw invalid(problem, [{ path: 'deceasedDate', message: problem }]);
    // Reactivating a deceased record is a DPH correction.
    if (rows.row.jurisdiction_status === 'deceased' && body.status !== 'deceased' && !isStatewide(actor)) {
      throw forbidden('Only DPH can reactivate a record marked deceased');
    }
    await setJurisdictionStatusInTrx(ctx, trx, patientId, {
      status: body.status,
      deceasedDate: body.deceasedDate ?? null,
      reason: body.reason ?? null,
      by: actor.userId,
    });
    await auditPatient(ctx, actor, 'patient.status.jurisdiction', patientId, { status: body.status }, trx);
    return { status: body.status };
  });
}

/** Sets (or clears, with null) the medical home inside the caller's transaction; `by` is the user, null for an interface. */
export async function setOwnerInTrx(
  ctx: AppContext,
  trx: Db,
  by: string | null,
  patientId: string,
  orgId: string | null,
  reason: string,
): Promise<void> {
  const now = ctx.clock.now();
  await repo.setOwnerColumn(trx, patientId, orgId, now);
  await repo.insertStatusHistory(trx, {
    patientId,
    scope: 'ownership',
    organizationId: orgId,
    status: orgId ? 'owned' : 'released',
    reason,
    by,
    at: now,
  });
}

/** Links the patient to an organization that reported something about them (active there), unless already linked. */
export async function linkPatientToOrganization(ctx: AppContext, trx: Db, patientId: string, orgId: string, by: string | null) {
  await repo.insertOrgStatusUnlessExists(trx, { patientId, organizationId: orgId, by, at: ctx.clock.now() });
}

/** Take ownership for the caller's clinic, or release it (only the owner or DPH may release). */
export async function setOwner(ctx: AppContext, actor: Actor, patientId: string, own: boolean, reason?: string) {
  assertCanWrite(actor);
  const orgId = actor.scope!.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await loadVisible(ctx, actor, patientId, trx);
    if (own) {
      if (!(await isMedicalHomeClinic(trx, orgId))) throw forbidden('Only a medical-home clinic can own a patient record');
      await setOwnerInTrx(ctx, trx, actor.userId, patientId, orgId, reason ?? 'Taken by hand');
    } else {
      if (rows.row.owner_org_id !== orgId && !isStatewide(actor)) throw forbidden('Only the owning clinic or DPH can release ownership');
      await setOwnerInTrx(ctx, trx, actor.userId, patientId, null, reason ?? 'Released by hand');
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
    await repo.setOptedOutColumn(trx, patientId, optedOut, now);
    await repo.insertStatusHistory(trx, {
      patientId,
      scope: 'opt_out',
      status: optedOut ? 'opted_out' : 'opted_in',
      reason,
      by: actor.userId,
      at: now,
    });
    await auditPatient(ctx, actor, optedOut ? 'patient.opt_out' : 'patient.opt_in', patientId, { reason }, trx);
    return { optedOut };
  });
}
