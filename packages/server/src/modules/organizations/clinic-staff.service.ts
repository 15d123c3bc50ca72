// Clinic staff lists: read by the account checks (Clinic Access only for people on the list), closed for a
// person who leaves. The coordinator's screens to maintain the list (clinic tools) will add to this file.

import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import * as repo from './clinic-staff.repo.ts';

type Db = Kysely<Database>;

export interface StaffMember {
  organizationId: string;
  firstName: string;
  lastName: string;
  email: string;
}

export interface NewStaffMember extends StaffMember {
  jobTitle: string | null;
  /** What the person does at the clinic (an access type for users, 'staff' otherwise). */
  role: string;
}

/** The active entries of the organizations' staff lists. */
export async function activeStaff(db: Db, organizationIds: readonly string[]): Promise<StaffMember[]> {
  const rows = await repo.activeStaffOf(db, organizationIds);
  return rows.map((r) => ({ organizationId: r.organization_id, firstName: r.first_name, lastName: r.last_name, email: r.email }));
}

export function addStaffMembers(db: Db, members: readonly NewStaffMember[]): Promise<void> {
  return repo.insertStaff(db, members);
}

/** The person left the clinic: their entries on its list (by e-mail) are closed. */
export function removeFromStaffList(db: Db, organizationId: string, email: string, now: Date): Promise<void> {
  return repo.closeStaffEntries(db, organizationId, email, now);
}
