// SQL for sessions, the sign-in attempt counters (per account on users, per address in login_throttle).
import { sql, type Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';

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

export async function setSessionStage(db: Kysely<Database>, id: string, stage: 'password_change' | 'mfa_enroll' | 'active') {
  await db.updateTable('sessions').set({ stage }).where('id', '=', id).execute();
}

/** Records activity (the idle timeout counts from it). */
export async function touchSession(db: Kysely<Database>, id: string, now: Date) {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function setActiveMembership(db: Kysely<Database>, id: string, membershipId: string) {
  await db.updateTable('sessions').set({ active_membership_id: membershipId }).where('id', '=', id).execute();
}

/** Maintenance: removes sessions past their absolute limit or idle since before `idleCutoff`. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: Date, idleCutoff: Date): Promise<number> {
  const r = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('absolute_expires_at', '<', now), eb('last_seen_at', '<', idleCutoff)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * Counts a sign-in attempt before its password is checked, in one statement, so parallel attempts
 * each see their own number. An expired lock starts a new count.
 */
export async function reserveAccountAttempt(db: Kysely<Database>, userId: string, now: Date) {
  const row = await db
    .updateTable('users')
    .set({
      failed_logins: sql<number>`CASE WHEN locked_until <= ${now} THEN 1 ELSE failed_logins + 1 END`,
      locked_until: sql<Date | null>`CASE WHEN locked_until <= ${now} THEN NULL ELSE locked_until END`,
    })
    .where('id', '=', userId)
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirstOrThrow();
  return { attempt: row.failed_logins, lockedUntil: row.locked_until };
}

/** An attempt that was not a wrong guess (the code is still to come, or the account is inactive) gives its count back. */
export async function releaseAccountAttempt(db: Kysely<Database>, userId: string) {
  await db
    .updateTable('users')
    .set({ failed_logins: sql<number>`GREATEST(failed_logins - 1, 0)` })
    .where('id', '=', userId)
    .execute();
}

/** Locks the account unless it already is; true when this call locked it (so the owner is told once). */
export async function lockAccount(db: Kysely<Database>, userId: string, until: Date, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('users')
    .set({ locked_until: until })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

/**
 * A successful sign-in clears the count and, with a TOTP code, records its time step — only if no
 * sign-in has used that step (or a later one) yet. False when a parallel sign-in used the code first.
 */
export async function recordSignIn(db: Kysely<Database>, userId: string, now: Date, totpStep: number | null): Promise<boolean> {
  let q = db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, last_login_at: now, ...(totpStep === null ? {} : { mfa_last_step: totpStep }) })
    .where('id', '=', userId);
  if (totpStep !== null) q = q.where((eb) => eb.or([eb('mfa_last_step', 'is', null), eb('mfa_last_step', '<', totpStep)]));
  return !!(await q.returning('id').executeTakeFirst());
}

/** Counts a sign-in attempt from a client address in its window (a new window once the last one is over). */
export async function reserveAddressAttempt(db: Kysely<Database>, address: string, now: Date, windowStart: Date): Promise<number> {
  const row = await db
    .insertInto('login_throttle')
    .values({ address, failures: 1, window_started_at: now })
    .onConflict((oc) =>
      oc.column('address').doUpdateSet({
        failures: sql<number>`CASE WHEN login_throttle.window_started_at <= ${windowStart} THEN 1 ELSE login_throttle.failures + 1 END`,
        window_started_at: sql<Date>`CASE WHEN login_throttle.window_started_at <= ${windowStart} THEN ${now} ELSE login_throttle.window_started_at END`,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return row.failures;
}

export async function releaseAddressAttempt(db: Kysely<Database>, address: string) {
  await db
    .updateTable('login_throttle')
    .set({ failures: sql<number>`GREATEST(failures - 1, 0)` })
    .where('address', '=', address)
    .execute();
}

/** Maintenance: forgets the counts of addresses whose window is over. */
export async function deleteExpiredLoginThrottles(db: Kysely<Database>, windowStart: Date): Promise<number> {
  const r = await db.deleteFrom('login_throttle').where('window_started_at', '<=', windowStart).executeTakeFirst();
  return Number(r.numDeletedRows);
}
