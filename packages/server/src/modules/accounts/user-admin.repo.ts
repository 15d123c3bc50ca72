import { sql, type Kysely, type Updateable } from 'kysely';
import type { Database, UserTable } from '@nutmeg/db';

export async function findUser(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}
export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

export async function updateUser(db: Kysely<Database>, id: string, set: Updateable<UserTable>) {
  await db.updateTable('users').set(set).where('id', '=', id).execute();
}

export async function deleteSessions(db: Kysely<Database>, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function findActiveUsersByLogin(db: Kysely<Database>, login: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'email', 'first_name'])
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('username', '=', login), eb('email', '=', login)]))
    .execute();
}

export async function insertPasswordReset(
  db: Kysely<Database>,
  r: { tokenHash: string; userId: string; purpose: 'reset' | 'activation'; now: Date; expiresAt: Date },
) {
  await db
    .insertInto('password_resets')
    .values({ token_hash: r.tokenHash, user_id: r.userId, purpose: r.purpose, created_at: r.now, expires_at: r.expiresAt })
    .execute();
}

export async function findPasswordReset(db: Kysely<Database>, tokenHash: string) {
  return db.selectFrom('password_resets').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Marks the token used; false when it already was (a concurrent completion). */
export async function spendPasswordReset(db: Kysely<Database>, tokenHash: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A reset or a new password makes every other outstanding link of the user useless. */
export async function spendAllPasswordResets(db: Kysely<Database>, userId: string, now: Date) {
  await db.updateTable('password_resets').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}

export interface UserSearch {
  q?: string | undefined;
  organizationId?: string | undefined;
  accessType?: string | undefined;
  status?: 'active' | 'inactive' | undefined;
  limit: number;
  offset: number;
}

export async function searchUsers(db: Kysely<Database>, f: UserSearch) {
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

/** Memberships of the users, with their organizations; ended ones too when asked. */
export async function membershipsOf(db: Kysely<Database>, userIds: string[], includeEnded = false) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select([
      'm.id',
      'm.user_id',
      'm.organization_id',
      'm.access_type',
      'm.active',
      'm.created_at',
      'm.ended_at',
      'o.name as organization_name',
      'o.pin',
      'o.kind as organization_kind',
    ])
    .where('m.user_id', 'in', userIds)
    .$if(!includeEnded, (w) => w.where('m.active', '=', true))
    .orderBy('m.active', 'desc')
    .orderBy('o.name')
    .execute();
}
export type MembershipRow = Awaited<ReturnType<typeof membershipsOf>>[number];

export async function findOrganization(db: Kysely<Database>, id: string) {
  return db.selectFrom('organizations').select(['id', 'pin', 'name', 'kind', 'active']).where('id', '=', id).executeTakeFirst();
}

export async function findOrganizationByPin(db: Kysely<Database>, pin: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'pin', 'name', 'kind', 'active'])
    .where(sql<string>`upper(pin)`, '=', pin.trim().toUpperCase())
    .executeTakeFirst();
}

export async function insertMembership(db: Kysely<Database>, m: { userId: string; organizationId: string; accessType: string; now: Date }) {
  return db
    .insertInto('memberships')
    .values({ user_id: m.userId, organization_id: m.organizationId, access_type: m.accessType, created_at: m.now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function findMembership(db: Kysely<Database>, id: string) {
  return db.selectFrom('memberships').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function endMemberships(db: Kysely<Database>, ids: string[], now: Date) {
  if (ids.length === 0) return;
  await db.updateTable('memberships').set({ active: false, ended_at: now }).where('id', 'in', ids).where('active', '=', true).execute();
  // A session acting for an ended membership falls back to the user's next one.
  await db.updateTable('sessions').set({ active_membership_id: null }).where('active_membership_id', 'in', ids).execute();
}

export async function countActiveMemberships(db: Kysely<Database>, userId: string): Promise<number> {
  const r = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Users with an active membership at the organization, with those memberships. */
export async function usersAtOrganization(db: Kysely<Database>, organizationId: string) {
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

/** The person left the clinic: their staff-list entries there (by e-mail) are closed too. */
export async function removeFromStaffList(db: Kysely<Database>, organizationId: string, email: string, now: Date) {
  await db
    .updateTable('clinic_staff')
    .set({ active: false, removed_at: now })
    .where('organization_id', '=', organizationId)
    .where('email', '=', email)
    .where('active', '=', true)
    .execute();
}
