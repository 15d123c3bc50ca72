// SQL for users and their memberships (the sign-in counters and sessions are in session.repo.ts). Other
// modules (accounts: review, user administration, clinic users) reach these through index.ts.

import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, UserTable } from '@nutmeg/db';

type Db = Kysely<Database>;

export function findUserById(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}
export type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

export function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUsersByUsernames(db: Db, usernames: readonly string[]) {
  if (usernames.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'username', 'mfa_secret'])
    .where('username', 'in', [...usernames])
    .execute();
}

/** Whether any user exists (a first start seeds; later ones do not). */
export async function anyUserExists(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());
}

export async function updateUser(db: Db, id: string, set: Updateable<UserTable>): Promise<void> {
  await db.updateTable('users').set(set).where('id', '=', id).execute();
}

export function insertUser(db: Db, values: Insertable<UserTable>) {
  return db.insertInto('users').values(values).returning(['id', 'username']).executeTakeFirstOrThrow();
}

export async function usernamesStartingWith(db: Db, base: string): Promise<string[]> {
  return (await db.selectFrom('users').select('username').where('username', 'like', `${base}%`).execute()).map((r) => r.username);
}

export function findActiveUsersByLogin(db: Db, login: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'email', 'first_name'])
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('username', '=', login), eb('email', '=', login)]))
    .execute();
}

export function findUsersByEmail(db: Db, email: string) {
  return db.selectFrom('users').select(['id', 'username', 'status']).where('email', '=', email).execute();
}

export async function usernamesByIds(db: Db, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'username']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.username]));
}

/** The people behind user ids (names for lists DPH reads, e.g. look-up alerts). */
export function userNamesByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'username', 'first_name', 'last_name'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Adds DPH roles to a user's, keeping the ones they hold; returns the new set. */
export async function addDphRoles(db: Db, userId: string, roles: readonly string[]): Promise<string[]> {
  const u = await db.selectFrom('users').select('dph_roles').where('id', '=', userId).executeTakeFirstOrThrow();
  const next = [...new Set([...u.dph_roles, ...roles])].sort();
  await db.updateTable('users').set({ dph_roles: next }).where('id', '=', userId).execute();
  return next;
}

export interface UserSearch {
  q?: string | undefined;
  organizationId?: string | undefined;
  accessType?: string | undefined;
  status?: 'active' | 'inactive' | undefined;
  limit: number;
  offset: number;
}

export async function searchUsers(db: Db, f: UserSearch) {
  let q = db.selectFrom('users as u');
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('u.username', 'ilike', like),
        eb('u.email', 'ilike', like),
        eb(sql<string>`unaccent(u.first_name || ' ' || u.last_name)`, 'ilike', sql<string>`unaccent(${like})`),
        eb(sql<string>`unaccent(u.last_name || ' ' || u.first_name)`, 'ilike', sql<string>`unaccent(${like})`),
      ]),
    );
  }
  if (f.status) q = q.where('u.status', '=', f.status);
  if (f.organizationId || f.accessType) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .select('m.id')
          .whereRef('m.user_id', '=', 'u.id')
          .where('m.active', '=', true)
          .$if(!!f.organizationId, (w) => w.where('m.organization_id', '=', f.organizationId!))
          .$if(!!f.accessType, (w) => w.where('m.access_type', '=', f.accessType!)),
      ),
    );
  }
  const [rows, total] = await Promise.all([
    q
      .select([
        'u.id',
        'u.username',
        'u.email',
        'u.first_name',
        'u.last_name',
        'u.status',
        'u.dph_roles',
        'u.mfa_enrolled_at',
        'u.last_login_at',
        'u.locked_until',
      ])
      .orderBy('u.last_name')
      .orderBy('u.first_name')
      .orderBy('u.username')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Deactivates the account and ends its sessions. */
export async function deactivateAccount(db: Db, userId: string, now: Date): Promise<void> {
  await deactivateAccounts(db, [userId], now);
}

/**
 * Deactivates the accounts and ends their sessions; with `onlyOrphans`, only the active ones left with no active
 * membership. Returns the ids deactivated.
 */
async function deactivateAccounts(db: Db, userIds: readonly string[], now: Date, onlyOrphans = false): Promise<string[]> {
  if (userIds.length === 0) return [];
  const deactivated = await db
    .updateTable('users')
    .set({ status: 'inactive', deactivated_at: now })
    .where('id', 'in', [...userIds])
    .$if(onlyOrphans, (q) =>
      q
        .where('status', '=', 'active')
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('memberships as m').select('m.id').whereRef('m.user_id', '=', 'users.id').where('m.active', '=', true))),
        ),
    )
    .returning('id')
    .execute();
  const ids = deactivated.map((u) => u.id);
  if (ids.length) await db.deleteFrom('sessions').where('user_id', 'in', ids).execute();
  return ids;
}

/** Reactivates the account, with no failed sign-ins counted and no lock. */
export async function reactivateAccount(db: Db, userId: string): Promise<void> {
  await updateUser(db, userId, { status: 'active', deactivated_at: null, failed_logins: 0, locked_until: null });
}

export async function setDphRoles(db: Db, userId: string, roles: readonly string[]): Promise<void> {
  await updateUser(db, userId, { dph_roles: [...roles] });
}

/** Lost authenticator: the next sign-in enrols MFA again; every session ends. */
export async function clearMfa(db: Db, userId: string): Promise<void> {
  await updateUser(db, userId, { mfa_secret: null, mfa_enrolled_at: null, mfa_last_step: null });
  await deleteSessionsOf(db, userId);
}

/**
 * Replaces the password hash (a chosen password with `changedAt`, or an unusable one with null while the owner
 * is sent a link), clears failed sign-ins and the lock, and ends every session.
 */
export async function replacePassword(db: Db, userId: string, hash: string, changedAt: Date | null): Promise<void> {
  await updateUser(db, userId, {
    password_hash: hash,
    password_temporary: false,
    password_changed_at: changedAt,
    failed_logins: 0,
    locked_until: null,
  });
  await deleteSessionsOf(db, userId);
}

async function deleteSessionsOf(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

// ---- memberships ------------------------------------------------------------------------------------------

/** Memberships of the users (ended ones too when asked), without their organizations' facts. */
export function membershipRows(db: Db, userIds: readonly string[], includeEnded = false) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('memberships')
    .select(['id', 'user_id', 'organization_id', 'access_type', 'active', 'created_at', 'ended_at'])
    .where('user_id', 'in', [...userIds])
    .$if(!includeEnded, (w) => w.where('active', '=', true))
    .execute();
}
export type MembershipRecord = Awaited<ReturnType<typeof membershipRows>>[number];

export function findMembership(db: Db, id: string) {
  return db.selectFrom('memberships').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Adds memberships to a user in one statement; returns their ids in the same order. */
export async function insertMemberships(
  db: Db,
  userId: string,
  memberships: ReadonlyArray<{ organizationId: string; accessType: string }>,
  now: Date,
): Promise<string[]> {
  if (memberships.length === 0) return [];
  const rows = await db
    .insertInto('memberships')
    .values(memberships.map((m) => ({ user_id: userId, organization_id: m.organizationId, access_type: m.accessType, created_at: now })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Ends the active ones of these memberships; returns those it ended (with their users). */
export async function endMemberships(db: Db, ids: readonly string[], now: Date): Promise<Array<{ id: string; user_id: string }>> {
  if (ids.length === 0) return [];
  const ended = await db
    .updateTable('memberships')
    .set({ active: false, ended_at: now })
    .where('id', 'in', [...ids])
    .where('active', '=', true)
    .returning(['id', 'user_id'])
    .execute();
  // A session acting for an ended membership falls back to the user's next one.
  if (ended.length)
    await db
      .updateTable('sessions')
      .set({ active_membership_id: null })
      .where(
        'active_membership_id',
        'in',
        ended.map((m) => m.id),
      )
      .execute();
  return ended;
}

/**
 * A person's access ends: the memberships end and every account left with no active membership is deactivated,
 * its sessions ended. Set-based, in the caller's transaction. The accounts are locked first, so two calls ending
 * an account's last two memberships at once cannot each see the other's as still active and leave it enabled.
 */
export async function endMembershipsDeactivatingOrphans(
  db: Db,
  ids: readonly string[],
  now: Date,
): Promise<{ membershipIds: string[]; deactivatedUserIds: string[] }> {
  if (!db.isTransaction) throw new Error('endMembershipsDeactivatingOrphans needs the caller’s transaction');
  if (ids.length === 0) return { membershipIds: [], deactivatedUserIds: [] };
  await db
    .selectFrom('users')
    .select('id')
    .where(
      'id',
      'in',
      db
        .selectFrom('memberships')
        .select('user_id')
        .where('id', 'in', [...ids]),
    )
    .orderBy('id')
    .forUpdate()
    .execute();
  const ended = await endMemberships(db, ids, now);
  const deactivatedUserIds = await deactivateAccounts(db, [...new Set(ended.map((m) => m.user_id))], now, true);
  return { membershipIds: ended.map((m) => m.id), deactivatedUserIds };
}

/** Users with an active membership at the organization, with those memberships. */
export function usersAtOrganization(db: Db, organizationId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'u.id',
      'u.username',
      'u.email',
      'u.first_name',
      'u.last_name',
      'u.job_title',
      'u.status',
      'u.last_login_at',
      'm.id as membership_id',
      'm.access_type',
      'm.created_at as member_since',
    ])
    .where('m.organization_id', '=', organizationId)
    .where('m.active', '=', true)
    .orderBy('u.last_name')
    .orderBy('u.first_name')
    .execute();
}
