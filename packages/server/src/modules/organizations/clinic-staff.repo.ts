// SQL for clinic staff lists (clinic_staff): the people a clinic says work there. Clinic Access is granted
// only to people on the list; the coordinator keeps it (clinic tools).

import type { Insertable, Kysely } from 'kysely';
import type { ClinicStaffTable, Database } from '@nutmeg/db';

type Db = Kysely<Database>;

export function activeStaffOf(db: Db, organizationIds: readonly string[]) {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('clinic_staff')
    .select(['organization_id', 'first_name', 'last_name', 'email'])
    .where('organization_id', 'in', [...organizationIds])
    .where('active', '=', true)
    .execute();
}

export async function insertStaff(
  db: Db,
  rows: ReadonlyArray<{
    organizationId: string;
    firstName: string;
    lastName: string;
    email: string;
    jobTitle: string | null;
    role: string;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('clinic_staff')
    .values(
      rows.map((r) => ({
        organization_id: r.organizationId,
        first_name: r.firstName,
        last_name: r.lastName,
        email: r.email,
        job_title: r.jobTitle,
        role: r.role,
        // The staff list's role, as the migration derived it for rows that existed: coordinators are coordinators.
        staff_role: ['primary_coordinator', 'backup_coordinator'].includes(r.role) ? ('coordinator' as const) : ('other' as const),
      })),
    )
    .execute();
}

const ENTRY = [
  'id',
  'organization_id',
  'first_name',
  'last_name',
  'email',
  'job_title',
  'staff_role',
  'license_type',
  'license_number',
  'license_state',
  'license_expires',
  'npi',
  'active',
  'version',
  'updated_at',
] as const;

/** The clinic's active staff list, by last and first name. */
export function staffListOf(db: Db, organizationId: string) {
  return db
    .selectFrom('clinic_staff')
    .select(ENTRY)
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .orderBy('last_name')
    .orderBy('first_name')
    .execute();
}
export type StaffEntryRow = Awaited<ReturnType<typeof staffListOf>>[number];

export function staffEntryById(db: Db, id: string): Promise<StaffEntryRow | undefined> {
  return db.selectFrom('clinic_staff').select(ENTRY).where('id', '=', id).executeTakeFirst();
}

export type StaffEntryValues = Omit<
  Insertable<ClinicStaffTable>,
  'id' | 'organization_id' | 'active' | 'created_at' | 'removed_at' | 'version'
>;

export function insertStaffEntry(db: Db, organizationId: string, v: StaffEntryValues): Promise<StaffEntryRow> {
  return db
    .insertInto('clinic_staff')
    .values({ ...v, organization_id: organizationId })
    .returning(ENTRY)
    .executeTakeFirstOrThrow();
}

/** Changes an active entry only over the version the editor read: of two concurrent edits one returns a row. */
export function updateStaffEntry(db: Db, id: string, version: number, v: StaffEntryValues): Promise<StaffEntryRow | undefined> {
  return db
    .updateTable('clinic_staff')
    .set((eb) => ({ ...v, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('active', '=', true)
    .returning(ENTRY)
    .executeTakeFirst();
}

/** Which active entries to close: one over the version read, a person's at a clinic (by e-mail), or a whole list. */
export type StaffToClose = { id: string; version: number } | { organizationId: string; email?: string };

/**
 * Takes active entries off the list, every way by one rule: a new version and updated now, so an edit over the
 * version read before is stale. Returns the entries closed (none when the one named changed or left already).
 */
export function closeStaff(db: Db, which: StaffToClose, now: Date): Promise<StaffEntryRow[]> {
  let q = db
    .updateTable('clinic_staff')
    .set((eb) => ({ active: false, removed_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('active', '=', true);
  if ('id' in which) q = q.where('id', '=', which.id).where('version', '=', which.version);
  else {
    q = q.where('organization_id', '=', which.organizationId);
    // The person's entries match by e-mail in any case: the column is citext.
    if (which.email !== undefined) q = q.where('email', '=', which.email);
  }
  return q.returning(ENTRY).execute();
}
