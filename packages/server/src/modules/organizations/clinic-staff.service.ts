// Clinic staff lists: read by the account checks (Clinic Access only for people on the list), closed for a
// person who leaves, and kept by the clinic's coordinators and signers through clinic tools (rules in clinics).

import type { Kysely } from 'kysely';
import type { Database, StaffRole } from '@nutmeg/db';
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
export async function removeFromStaffList(db: Db, organizationId: string, email: string, now: Date): Promise<void> {
  await repo.closeStaff(db, { organizationId, email }, now);
}

/** An entry of a clinic's staff list as clinic tools keeps it. */
export interface StaffEntry {
  id: string;
  organizationId: string;
  firstName: string;
  lastName: string;
  email: string;
  jobTitle: string | null;
  staffRole: StaffRole;
  license: { type: string; number: string; state: string; expires: string } | null;
  npi: string | null;
  active: boolean;
  version: number;
  updatedAt: Date;
}

export type StaffEntryInput = Omit<StaffEntry, 'id' | 'organizationId' | 'active' | 'version' | 'updatedAt'>;

function toEntry(r: repo.StaffEntryRow): StaffEntry {
  return {
    id: r.id,
    organizationId: r.organization_id,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    jobTitle: r.job_title,
    staffRole: r.staff_role,
    license:
      r.license_type && r.license_number && r.license_state && r.license_expires
        ? { type: r.license_type, number: r.license_number, state: r.license_state, expires: r.license_expires }
        : null,
    npi: r.npi,
    active: r.active,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

function valuesOf(e: StaffEntryInput, now: Date): repo.StaffEntryValues {
  return {
    first_name: e.firstName,
    last_name: e.lastName,
    email: e.email,
    job_title: e.jobTitle,
    staff_role: e.staffRole,
    license_type: e.license?.type ?? null,
    license_number: e.license?.number ?? null,
    license_state: e.license?.state ?? null,
    license_expires: e.license?.expires ?? null,
    npi: e.npi,
    updated_at: now,
  };
}

export async function staffListOf(db: Db, organizationId: string): Promise<StaffEntry[]> {
  return (await repo.staffListOf(db, organizationId)).map(toEntry);
}

export async function findStaffEntry(db: Db, id: string): Promise<StaffEntry | undefined> {
  const r = await repo.staffEntryById(db, id);
  return r && toEntry(r);
}

export async function addStaffEntry(db: Db, organizationId: string, e: StaffEntryInput, now: Date): Promise<StaffEntry> {
  return toEntry(await repo.insertStaffEntry(db, organizationId, valuesOf(e, now)));
}

/** Saves over the version read; undefined when someone changed or removed the entry since. */
export async function updateStaffEntry(db: Db, id: string, version: number, e: StaffEntryInput, now: Date) {
  const r = await repo.updateStaffEntry(db, id, version, valuesOf(e, now));
  return r && toEntry(r);
}

/** Takes the entry off the list over the version read; undefined when it changed or left already. */
export async function closeStaffEntry(db: Db, id: string, version: number, now: Date) {
  const [r] = await repo.closeStaff(db, { id, version }, now);
  return r && toEntry(r);
}

/** The clinic closed: every entry of its list is closed. */
export async function closeStaffListOf(db: Db, organizationId: string, now: Date): Promise<number> {
  return (await repo.closeStaff(db, { organizationId }, now)).length;
}
