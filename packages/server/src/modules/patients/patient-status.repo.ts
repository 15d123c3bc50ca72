// SQL for a patient's statuses: at each organization (patient_org_status), in the jurisdiction, ownership
// (medical home), opt-out, and the history of every change (patient_status_history).

import type { Db } from './patient.repo.ts';

export type OrgStatus = 'active' | 'inactive_moved' | 'inactive_not_patient';

/** Sets the patient's status at an organization (adds the link if there was none). */
export async function upsertOrgStatus(
  db: Db,
  s: { patientId: string; organizationId: string; status: OrgStatus; reason: string | null; by: string | null; at: Date },
): Promise<void> {
  const change = { status: s.status, reason: s.reason, changed_at: s.at, changed_by: s.by };
  await db
    .insertInto('patient_org_status')
    .values({ patient_id: s.patientId, organization_id: s.organizationId, ...change })
    .onConflict((oc) => oc.columns(['patient_id', 'organization_id']).doUpdateSet(change))
    .execute();
}

/** Links the patient to an organization as active there, unless a status exists already. */
export async function insertOrgStatusUnlessExists(
  db: Db,
  s: { patientId: string; organizationId: string; by: string | null; at: Date },
): Promise<void> {
  await db
    .insertInto('patient_org_status')
    .values({ patient_id: s.patientId, organization_id: s.organizationId, status: 'active', changed_at: s.at, changed_by: s.by })
    .onConflict((oc) => oc.columns(['patient_id', 'organization_id']).doNothing())
    .execute();
}

/** The record's status columns (what a reported status is compared with). */
export function statusColumnsOf(db: Db, patientId: string) {
  return db
    .selectFrom('patients')
    .select(['dob', 'owner_org_id', 'jurisdiction_status', 'opted_out', 'publicity_code', 'publicity_code_date'])
    .where('id', '=', patientId)
    .executeTakeFirst();
}

export function orgStatusesOf(db: Db, patientId: string) {
  return db
    .selectFrom('patient_org_status')
    .select(['organization_id', 'status', 'reason', 'changed_at'])
    .where('patient_id', '=', patientId)
    .execute();
}

export async function insertStatusHistory(
  db: Db,
  h: {
    patientId: string;
    scope: 'organization' | 'jurisdiction' | 'ownership' | 'opt_out';
    organizationId?: string | null;
    status: string;
    reason: string | null;
    effectiveDate?: string | null;
    by: string | null;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('patient_status_history')
    .values({
      patient_id: h.patientId,
      scope: h.scope,
      organization_id: h.organizationId ?? null,
      status: h.status,
      reason: h.reason,
      effective_date: h.effectiveDate ?? null,
      at: h.at,
      user_id: h.by,
    })
    .execute();
}

export function statusHistoryOf(db: Db, patientId: string, limit: number) {
  return db
    .selectFrom('patient_status_history')
    .select(['id', 'at', 'scope', 'status', 'reason', 'effective_date', 'user_id', 'organization_id'])
    .where('patient_id', '=', patientId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function setJurisdictionStatusColumns(
  db: Db,
  patientId: string,
  s: { status: 'active' | 'moved' | 'deceased'; deceasedDate: string | null; at: Date },
): Promise<void> {
  await db
    .updateTable('patients')
    .set({ jurisdiction_status: s.status, deceased_date: s.deceasedDate, updated_at: s.at })
    .where('id', '=', patientId)
    .execute();
}

export async function setPublicityColumns(
  db: Db,
  patientId: string,
  p: { code: string; effectiveDate: string | null; at: Date },
): Promise<void> {
  await db
    .updateTable('patients')
    .set({ publicity_code: p.code, publicity_code_date: p.effectiveDate, updated_at: p.at })
    .where('id', '=', patientId)
    .execute();
}

export async function setOwnerColumn(db: Db, patientId: string, ownerOrgId: string | null, at: Date): Promise<void> {
  await db.updateTable('patients').set({ owner_org_id: ownerOrgId, updated_at: at }).where('id', '=', patientId).execute();
}

export async function setOptedOutColumn(db: Db, patientId: string, optedOut: boolean, at: Date): Promise<void> {
  await db.updateTable('patients').set({ opted_out: optedOut, updated_at: at }).where('id', '=', patientId).execute();
}

/**
 * The organization closed: every patient it owns has no medical home any more, with an ownership history row
 * each, in two statements. Returns the patients released.
 */
export async function releaseAllOwnedBy(db: Db, organizationId: string, reason: string, by: string | null, at: Date): Promise<string[]> {
  const released = await db
    .updateTable('patients')
    .set({ owner_org_id: null, updated_at: at })
    .where('owner_org_id', '=', organizationId)
    .returning('id')
    .execute();
  if (released.length === 0) return [];
  await db
    .insertInto('patient_status_history')
    .values(
      released.map((p) => ({
        patient_id: p.id,
        scope: 'ownership' as const,
        organization_id: null,
        status: 'released',
        reason,
        effective_date: null,
        at,
        user_id: by,
      })),
    )
    .execute();
  return released.map((p) => p.id);
}
