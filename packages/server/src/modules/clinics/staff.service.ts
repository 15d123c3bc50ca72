// The clinic's staff list: the people working there (role; prescribers with their licenses; NPI), kept by the
// clinic's coordinators and signers and read by DPH. DPH's approval of Clinic Access checks it (accounts reads
// the same rows through organizations); the agreement's prescribers come from it. Taking someone off the list
// ends their membership at the clinic in the same transaction. Every change is audited with its field changes.

import type { StaffList, StaffMemberView, StaffRemoved } from '@nutmeg/api-types';
import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { conflict, forbidden, notFound } from '../../errors.ts';
import { accessTypeLabel, endMembershipsDeactivatingOrphans, usersAtOrganization, type Actor } from '../access/index.ts';
import { pendingAccountRequestsAt } from '../accounts/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import {
  addStaffEntry,
  closeStaffEntry,
  findStaffEntry,
  staffListOf,
  updateStaffEntry,
  type StaffEntry,
  type StaffEntryInput,
} from '../organizations/index.ts';
import { actsFor, clinicToChange, clinicToRead, type ClinicRef } from './clinics.policy.ts';
import { profileChanges } from './profile-diff.ts';
import type { StaffInput } from './staff.schemas.ts';

type Db = Kysely<Database>;
type ClinicUserRow = Awaited<ReturnType<typeof usersAtOrganization>>[number];

const emailKey = (e: string) => e.trim().toLowerCase();

function toEntryInput(i: StaffInput): StaffEntryInput {
  return {
    firstName: i.firstName,
    lastName: i.lastName,
    email: i.email,
    jobTitle: i.jobTitle,
    staffRole: i.role,
    license: i.license,
    npi: i.npi,
  };
}

function present(
  e: StaffEntry,
  users: readonly ClinicUserRow[],
  pending: Map<string, { access_type: string; created_at: Date }>,
): StaffMemberView {
  const mine = users.filter((u) => emailKey(u.email) === emailKey(e.email));
  const request = pending.get(emailKey(e.email));
  return {
    id: e.id,
    firstName: e.firstName,
    lastName: e.lastName,
    email: e.email,
    jobTitle: e.jobTitle,
    role: e.staffRole,
    license: e.license,
    npi: e.npi,
    version: e.version,
    updatedAt: e.updatedAt.toISOString(),
    account: mine.length ? { username: mine[0]!.username, accessTypes: mine.map((u) => accessTypeLabel(u.access_type)) } : null,
    pendingRequest: request ? { accessType: accessTypeLabel(request.access_type), requestedAt: request.created_at.toISOString() } : null,
  };
}

/** Presents entries with the clinic's accounts and pending requests, read once for all of them. */
async function presentAll(db: Db, clinicId: string, entries: readonly StaffEntry[]): Promise<StaffMemberView[]> {
  const [users, requests] = await Promise.all([usersAtOrganization(db, clinicId), pendingAccountRequestsAt(db, clinicId)]);
  const pending = new Map(requests.map((r) => [emailKey(r.email), r]));
  return entries.map((e) => present(e, users, pending));
}

async function loadList(db: Db, clinic: ClinicRef, canEdit: boolean): Promise<StaffList> {
  return { clinic, staff: await presentAll(db, clinic.id, await staffListOf(db, clinic.id)), canEdit };
}

export async function listStaff(ctx: AppContext, actor: Actor, organizationId?: string): Promise<StaffList> {
  const clinic = await clinicToRead(ctx.db, actor, organizationId);
  return loadList(ctx.db, clinic, actsFor(actor, clinic.id));
}

/** The clinic's prescribers with their licenses (the agreement's prescribers come from the list). */
export async function prescribersOf(db: Db, organizationId: string): Promise<StaffEntry[]> {
  return (await staffListOf(db, organizationId)).filter((e) => e.staffRole === 'prescriber');
}

const REFUSAL = 'The clinic keeps its own staff list; DPH reads it.';

/** The fields of an entry compared for the audit (who changed what, before and after). */
const audited = (e: StaffEntryInput) => ({
  firstName: e.firstName,
  lastName: e.lastName,
  email: e.email,
  jobTitle: e.jobTitle,
  role: e.staffRole,
  license: e.license,
  npi: e.npi,
});

export async function addStaff(ctx: AppContext, actor: Actor, input: StaffInput): Promise<StaffMemberView> {
  const clinic = clinicToChange(actor, REFUSAL);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const entry = await addStaffEntry(trx, clinic.id, toEntryInput(input), now);
    await audit(trx, actor, clinic, 'clinic-staff.add', entry.id, { version: entry.version, role: entry.staffRole }, now);
    return (await presentAll(trx, clinic.id, [entry]))[0]!;
  });
}

const stale = () => conflict('Someone changed or removed this staff member since you opened the list; reload it.', {});

/** The clinic's entry; one closed since the editor read it is stale (409), as when the close lands mid-save. */
async function entryOfClinic(db: Db, clinic: ClinicRef, id: string): Promise<StaffEntry> {
  const entry = await findStaffEntry(db, id);
  if (!entry || entry.organizationId !== clinic.id) throw notFound('The staff member');
  if (!entry.active) throw stale();
  return entry;
}

export async function updateStaff(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: StaffInput & { version: number },
): Promise<StaffMemberView> {
  const clinic = clinicToChange(actor, REFUSAL);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await entryOfClinic(trx, clinic, id);
    const saved = await updateStaffEntry(trx, id, input.version, toEntryInput(input), now);
    if (!saved) throw stale();
    const changes = profileChanges(audited(before), audited(saved));
    await audit(trx, actor, clinic, 'clinic-staff.edit', id, { version: saved.version, changes }, now);
    return (await presentAll(trx, clinic.id, [saved]))[0]!;
  });
}

/**
 * The person left the clinic: their entry is closed and, when they have an account (same e-mail) with access
 * here, those memberships end; if that was their last membership the account is deactivated, which signs it out
 * everywhere (as when a coordinator deactivates a clinic user). One transaction, audited.
 */
export async function removeStaff(ctx: AppContext, actor: Actor, id: string, version: number): Promise<StaffRemoved> {
  const clinic = clinicToChange(actor, REFUSAL);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const entry = await entryOfClinic(trx, clinic, id);
    const accounts = (await usersAtOrganization(trx, clinic.id)).filter((u) => emailKey(u.email) === emailKey(entry.email));
    if (accounts.some((u) => u.id === actor.userId))
      throw forbidden('You cannot take yourself off the staff list; ask your backup coordinator or DPH.');
    if (!(await closeStaffEntry(trx, id, version, now))) throw stale();
    const ended = await endMembershipsDeactivatingOrphans(
      trx,
      accounts.map((u) => u.membership_id),
      now,
    );
    const membershipIds = ended.membershipIds;
    const deactivated = ended.deactivatedUserIds;
    await audit(
      trx,
      actor,
      clinic,
      'clinic-staff.remove',
      id,
      { userIds: [...new Set(accounts.map((u) => u.id))], membershipIds, accountsDeactivated: deactivated },
      now,
    );
    return { staffId: id, membershipsEnded: membershipIds.length, accountDeactivated: deactivated.length > 0 };
  });
}

function audit(db: Db, actor: Actor, clinic: ClinicRef, action: string, id: string, detail: Record<string, unknown>, now: Date) {
  return appendActorAudit(db, actor, { organizationId: clinic.id, action, entityType: 'clinic_staff', entityId: id, detail }, now);
}
