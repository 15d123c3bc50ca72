// Memberships with the facts of their organizations (name, kind, PIN), read from the organizations module:
// a membership row names only the organization's id.

import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import { findOrganizations, type Organization } from '../organizations/index.ts';
import { membershipRows, type MembershipRecord } from './user.repo.ts';

type Db = Kysely<Database>;

export interface MembershipRow extends MembershipRecord {
  organization_name: string;
  organization_kind: Organization['kind'];
  pin: string | null;
  organization_active: boolean;
}

const byName = (a: MembershipRow, b: MembershipRow) => a.organization_name.localeCompare(b.organization_name);

async function withOrganizations(db: Db, rows: MembershipRecord[]): Promise<MembershipRow[]> {
  const orgs = new Map(
    (
      await findOrganizations(
        db,
        rows.map((r) => r.organization_id),
      )
    ).map((o) => [o.id, o]),
  );
  return rows.flatMap((r) => {
    const o = orgs.get(r.organization_id);
    return o ? [{ ...r, organization_name: o.name, organization_kind: o.kind, pin: o.pin, organization_active: o.active }] : [];
  });
}

/** Memberships of the users with their organizations, active ones first, then by organization name. */
export async function membershipsOf(db: Db, userIds: readonly string[], includeEnded = false): Promise<MembershipRow[]> {
  const rows = await withOrganizations(db, await membershipRows(db, userIds, includeEnded));
  return rows.sort((a, b) => Number(b.active) - Number(a.active) || byName(a, b));
}

/** The memberships a user can act for (active, at an active organization), by organization name then access type. */
export async function actingMemberships(db: Db, userId: string): Promise<MembershipRow[]> {
  const rows = (await withOrganizations(db, await membershipRows(db, [userId]))).filter((m) => m.organization_active);
  return rows.sort((a, b) => byName(a, b) || a.access_type.localeCompare(b.access_type));
}
