// SQL for clinic staff lists (clinic_staff): the people a clinic says work there. Clinic Access is granted
// only to people on the list; the coordinator keeps it (clinic tools).

import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';

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
      })),
    )
    .execute();
}

/** Closes the person's active entries (matched by e-mail, case-insensitive: the column is citext). */
export async function closeStaffEntries(db: Db, organizationId: string, email: string, now: Date): Promise<void> {
  await db
    .updateTable('clinic_staff')
    .set({ active: false, removed_at: now })
    .where('organization_id', '=', organizationId)
    .where('email', '=', email)
    .where('active', '=', true)
    .execute();
}
