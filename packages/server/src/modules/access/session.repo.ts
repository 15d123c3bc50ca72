import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';

export async function findUserByUsername(db: Kysely<Database>, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listActiveMemberships(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['m.id', 'm.access_type', 'm.organization_id', 'o.name as organization_name', 'o.kind as organization_kind', 'o.pin'])
    .where('m.user_id', '=', userId)
    .where('m.active', '=', true)
    .where('o.active', '=', true)
    .orderBy('o.name')
    .orderBy('m.access_type')
    .execute();
}
export type MembershipRow = Awaited<ReturnType<typeof listActiveMemberships>>[number];

export async function insertSession(
  db: Kysely<Database>,
  s: {
    id: string;
    userId: string;
    stage: 'password_change' | 'mfa_enroll' | 'active';
    membershipId: string | null;
    csrf: string;
    ip: string | null;
    userAgent: string | null;
    absoluteExpiresAt: Date;
    now: Date;
  },
) {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      stage: s.stage,
      active_membership_id: s.membershipId,
      csrf_token: s.csrf,
      ip: s.ip,
      user_agent: s.userAgent,
      created_at: s.now,
      last_seen_at: s.now,
      absolute_expires_at: s.absoluteExpiresAt,
    })
    .execute();
}

export async function findSession(db: Kysely<Database>, id: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteSession(db: Kysely<Database>, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Kysely<Database>, userId: string, exceptId?: string) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}
