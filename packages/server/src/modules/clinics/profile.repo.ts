// SQL for clinic_profiles and clinic_profile_versions. The only file that touches them.

import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ClinicProfileTable, Database } from '@nutmeg/db';

type Db = Kysely<Database>;
export type ProfileRow = Selectable<ClinicProfileTable>;

export function profileOf(db: Db, organizationId: string): Promise<ProfileRow | undefined> {
  return db.selectFrom('clinic_profiles').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
}

export type ProfileChange = Omit<Insertable<ClinicProfileTable>, 'organization_id' | 'version' | 'updated_at'>;

/**
 * Saves the profile only over the version the editor read (0: none saved yet), in one statement: of two
 * concurrent edits of a version exactly one returns a row.
 */
export async function saveProfileVersion(
  db: Db,
  organizationId: string,
  expectedVersion: number,
  change: ProfileChange,
  now: Date,
): Promise<ProfileRow | undefined> {
  if (expectedVersion === 0)
    return db
      .insertInto('clinic_profiles')
      .values({ ...change, organization_id: organizationId, updated_at: now, version: 1 })
      .onConflict((oc) => oc.column('organization_id').doNothing())
      .returningAll()
      .executeTakeFirst();
  return db
    .updateTable('clinic_profiles')
    .set((eb) => ({ ...change, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export async function insertVersion(
  db: Db,
  v: { organizationId: string; version: number; userId: string; username: string; changes: unknown[]; at: Date },
): Promise<void> {
  await db
    .insertInto('clinic_profile_versions')
    .values({
      organization_id: v.organizationId,
      version: v.version,
      changed_by: v.userId,
      changed_by_username: v.username,
      changed_at: v.at,
      changes: JSON.stringify(v.changes),
    })
    .execute();
}

export function versionsOf(db: Db, organizationId: string) {
  return db
    .selectFrom('clinic_profile_versions')
    .select(['version', 'changed_by_username', 'changed_at', 'changes'])
    .where('organization_id', '=', organizationId)
    .orderBy('version', 'desc')
    .limit(200)
    .execute();
}

/** Enrolment of each clinic that has a saved profile. */
export function enrolmentsOf(db: Db, organizationIds: readonly string[]) {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('clinic_profiles')
    .select(['organization_id', 'enrolment_status', 'enrolled_on'])
    .where('organization_id', 'in', [...organizationIds])
    .execute();
}

/** The clinic was deactivated: its enrolment ends on the day (a profile row is made if it had none). */
export async function endEnrolment(db: Db, organizationId: string, endedOn: string, now: Date): Promise<void> {
  await db
    .insertInto('clinic_profiles')
    .values({
      organization_id: organizationId,
      enrolment_status: 'terminated',
      enrolment_ended_on: endedOn,
      dba_name: null,
      shipping_address: null,
      fax: null,
      email: null,
      enrolled_on: null,
      updated_at: now,
      version: 1,
    })
    .onConflict((oc) =>
      oc.column('organization_id').doUpdateSet((eb) => ({
        enrolment_status: 'terminated',
        enrolment_ended_on: endedOn,
        updated_at: now,
        version: eb('clinic_profiles.version', '+', 1),
      })),
    )
    .execute();
}

export interface EnrolmentChange {
  enrolment_status: ProfileRow['enrolment_status'];
  enrolled_on: string | null;
  enrolment_ended_on: string | null;
}

/** DPH's enrolment edit, over the version DPH read (0: none saved yet); one statement, as saveProfileVersion. */
export async function saveEnrolmentVersion(
  db: Db,
  organizationId: string,
  expectedVersion: number,
  change: EnrolmentChange,
  now: Date,
): Promise<ProfileRow | undefined> {
  if (expectedVersion === 0)
    return saveProfileVersion(db, organizationId, 0, { ...change, dba_name: null, shipping_address: null, fax: null, email: null }, now);
  return db
    .updateTable('clinic_profiles')
    .set((eb) => ({ ...change, updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}
