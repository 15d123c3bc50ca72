import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import { conflict, forbidden } from '../../errors.ts';
import { ACCESS_TYPE_DEFINITIONS, DPH_ROLES, isDphRole, type AccessType, type Actor, type DphRole } from '../access/index.ts';
import { activeStaff, findOrganizations } from '../organizations/index.ts';
import { matchStaff, type Person, type StaffMatch } from './staff-match.ts';

/**
 * Separation of duties, in one place, for every path that changes who may do what (approval, user
 * administration, coordinators' clinic users): nobody approves or edits their own access, grants a
 * DPH role they do not hold, or resets the credentials of someone whose access they could not have
 * granted; Clinic Access goes only to people on the clinic's staff list.
 */

export function notSelf(actor: Actor, userId: string, what: string): void {
  if (actor.userId === userId) throw forbidden(`You cannot ${what} your own account; ask another administrator.`);
}

/** The DPH roles an actor may grant: those they hold; an administrator holds the rights of every role. */
function grantableRoles(actor: Actor): readonly DphRole[] {
  return actor.dphRoles.includes('administrator') ? DPH_ROLES : actor.dphRoles;
}

export function assertMayGrantRoles(actor: Actor, roles: readonly string[]): void {
  const grantable = grantableRoles(actor);
  const missing = roles.filter((r) => !isDphRole(r) || !grantable.includes(r));
  if (missing.length) throw forbidden(`You cannot grant a DPH role you do not hold yourself (${missing.join(', ')}).`);
}

/**
 * Credentials (password, MFA) are reset only for someone whose access the actor could have granted:
 * clinic-level access any account administrator grants; a DPH role only someone holding it. So an
 * approver cannot reset an administrator or a data steward and take the account over.
 */
export function assertMayResetCredentials(actor: Actor, target: { id: string; username: string; dph_roles: readonly string[] }): void {
  notSelf(actor, target.id, 'reset the credentials of');
  const grantable = grantableRoles(actor);
  const above = target.dph_roles.filter((r) => !isDphRole(r) || !grantable.includes(r));
  if (above.length) {
    throw forbidden(
      `${target.username} holds DPH roles you do not (${above.join(', ')}); ask a DPH administrator to reset their credentials.`,
    );
  }
}

/** Clinic Access needs the person on every clinic's staff list (the clinic's coordinator keeps it). */
export function staffListRequired(accessType: string): boolean {
  return accessType === 'clinic_access';
}

export interface StaffCheck {
  organizationId: string;
  pin: string | null;
  name: string;
  onStaffList: boolean;
  matchedBy: StaffMatch;
}

/** Is the person on the staff list of each organization? By e-mail, else by first and last name. */
export async function checkStaffLists(db: Kysely<Database>, person: Person, organizationIds: string[]): Promise<StaffCheck[]> {
  const orgs = await findOrganizations(db, organizationIds);
  const staff = await activeStaff(db, organizationIds);
  return organizationIds.map((id) => {
    const o = orgs.find((x) => x.id === id);
    const match = matchStaff(
      person,
      staff.filter((s) => s.organizationId === id),
    );
    return {
      organizationId: id,
      pin: o?.pin ?? null,
      name: o?.name ?? 'unknown organization',
      onStaffList: match !== null,
      matchedBy: match,
    };
  });
}

/** Every path that adds a clinic membership calls this before adding it. */
export async function assertOnStaffLists(db: Kysely<Database>, person: Person, accessType: AccessType, organizationIds: string[]) {
  if (!staffListRequired(accessType)) return;
  const missing = (await checkStaffLists(db, person, organizationIds)).filter((c) => !c.onStaffList);
  if (missing.length === 0) return;
  throw conflict(
    `${person.firstName} ${person.lastName} is not on the staff list of ${missing.map((c) => `${c.name} (${c.pin})`).join(' and ')}. ` +
      `${ACCESS_TYPE_DEFINITIONS[accessType].label} can be given only to people on the clinic's staff list: ask the clinic's vaccine coordinator to add them first.`,
    { step: 'staff_list', organizations: missing.map((c) => ({ id: c.organizationId, pin: c.pin, name: c.name })) },
  );
}
