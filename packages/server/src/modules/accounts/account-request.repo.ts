import { sql, type Kysely } from 'kysely';
import type { AgreementAcceptance, Database } from '@nutmeg/db';

/**
 * The agreement texts in force at `at`: per kind, the latest version already effective (or, when
 * none is yet — a freshly seeded install whose clock lags the database's — the earliest one).
 */
export async function currentAgreements(db: Kysely<Database>, at: Date) {
  const rows = await db.selectFrom('agreement_versions').selectAll().orderBy('effective_at', 'asc').execute();
  const byKind = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!byKind.has(r.kind) || r.effective_at <= at) byKind.set(r.kind, r);
  // The user agreement first, then the confidentiality agreement.
  return [...byKind.values()].sort((a, b) => b.kind.localeCompare(a.kind));
}

export async function findOrganizationsByPins(db: Kysely<Database>, pins: string[]) {
  if (pins.length === 0) return [];
  return db
    .selectFrom('organizations')
    .select(['id', 'pin', 'name', 'kind', 'town', 'active'])
    .where(sql<string>`upper(pin)`, 'in', pins)
    .execute();
}

export async function findOrganizationsByIds(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('organizations').select(['id', 'pin', 'name', 'kind', 'town', 'active']).where('id', 'in', ids).execute();
}

export async function findDphOrganization(db: Kysely<Database>) {
  return db
    .selectFrom('organizations')
    .select(['id', 'pin', 'name', 'kind', 'town', 'active'])
    .where('kind', '=', 'dph')
    .where('active', '=', true)
    .orderBy('created_at')
    .executeTakeFirst();
}

export async function findPendingRequest(db: Kysely<Database>, email: string, accessType: string) {
  return db
    .selectFrom('account_requests')
    .select('id')
    .where('email', '=', email)
    .where('access_type', '=', accessType)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export interface NewAccountRequest {
  accessType: string;
  organizationIds: string[];
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  jobTitle: string;
  agreements: AgreementAcceptance[];
  ip: string | null;
  now: Date;
}

export async function insertRequest(db: Kysely<Database>, r: NewAccountRequest) {
  return db
    .insertInto('account_requests')
    .values({
      access_type: r.accessType,
      organization_ids: r.organizationIds,
      first_name: r.firstName,
      last_name: r.lastName,
      email: r.email,
      phone: r.phone,
      job_title: r.jobTitle,
      agreements: JSON.stringify(r.agreements),
      request_ip: r.ip,
      created_at: r.now,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

export async function listRequests(db: Kysely<Database>, f: { status?: string | undefined; limit: number; offset: number }) {
  let q = db.selectFrom('account_requests');
  if (f.status) q = q.where('status', '=', f.status as 'pending');
  const [rows, total] = await Promise.all([
    q
      .selectAll()
      .orderBy('created_at', f.status === 'pending' ? 'asc' : 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findRequest(db: Kysely<Database>, id: string, forUpdate = false) {
  let q = db.selectFrom('account_requests').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type AccountRequestRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

export async function activeStaff(db: Kysely<Database>, organizationIds: string[]) {
  if (organizationIds.length === 0) return [];
  return db
    .selectFrom('clinic_staff')
    .select(['organization_id', 'first_name', 'last_name', 'email'])
    .where('organization_id', 'in', organizationIds)
    .where('active', '=', true)
    .execute();
}

export async function findUsersByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('users').select(['id', 'username', 'status']).where('email', '=', email).execute();
}

export async function decideRequest(
  db: Kysely<Database>,
  id: string,
  d: { status: 'approved' | 'denied'; by: string; at: Date; reason: string | null; userId: string | null },
) {
  await db
    .updateTable('account_requests')
    .set({ status: d.status, decided_by: d.by, decided_at: d.at, decision_reason: d.reason, user_id: d.userId })
    .where('id', '=', id)
    .execute();
}

export async function usernamesByIds(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('users').select(['id', 'username']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.username]));
}

/** The user's active memberships as "organizationId:accessType" keys. */
export async function activeMembershipKeys(db: Kysely<Database>, userId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('memberships')
    .select(['organization_id', 'access_type'])
    .where('user_id', '=', userId)
    .where('active', '=', true)
    .execute();
  return new Set(rows.map((r) => `${r.organization_id}:${r.access_type}`));
}

export async function insertMemberships(db: Kysely<Database>, userId: string, organizationIds: string[], accessType: string, now: Date) {
  if (organizationIds.length === 0) return;
  await db
    .insertInto('memberships')
    .values(organizationIds.map((organization_id) => ({ user_id: userId, organization_id, access_type: accessType, created_at: now })))
    .execute();
}

export async function addDphRoles(db: Kysely<Database>, userId: string, roles: string[]) {
  const u = await db.selectFrom('users').select('dph_roles').where('id', '=', userId).executeTakeFirstOrThrow();
  const next = [...new Set([...u.dph_roles, ...roles])].sort();
  await db.updateTable('users').set({ dph_roles: next }).where('id', '=', userId).execute();
  return next;
}
