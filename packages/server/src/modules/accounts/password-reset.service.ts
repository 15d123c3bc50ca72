import type { PasswordChosen, PasswordResetRequested } from '@nutmeg/api-types';
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { invalid } from '../../errors.ts';
import { checkPasswordRules, findActiveUsersByLogin, findUserById, hashPassword, replacePassword } from '../access/index.ts';
import { appendAudit } from '../audit/index.ts';
import * as repo from './password-reset.repo.ts';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const RESET_TTL_MS = 60 * 60_000;

/** 'reset': the user asked (one hour); 'activation': a new account, or a reset by DPH (ACTIVATION_LINK_HOURS). */
export type PasswordLinkPurpose = 'reset' | 'activation';

/**
 * A single-use link with which the account's owner chooses a password. The token is random and only
 * its sha256 is stored, so neither the database nor anyone who reads it can use the link. The URL
 * goes into the owner's mail and nowhere else: never return it to the caller of a route.
 */
export async function createPasswordLink(
  ctx: AppContext,
  db: Kysely<Database>,
  userId: string,
  purpose: PasswordLinkPurpose,
  now: Date,
): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  const ttl = purpose === 'reset' ? RESET_TTL_MS : ctx.config.ACTIVATION_LINK_HOURS * 3_600_000;
  await repo.insertPasswordReset(db, { tokenHash: sha256(token), userId, purpose, now, expiresAt: new Date(now.getTime() + ttl) });
  const page = purpose === 'reset' ? 'reset-password' : 'activate';
  return `${ctx.config.PUBLIC_URL.replace(/\/$/, '')}/${page}?token=${token}`;
}

/**
 * Self-service reset: mails a one-hour link to every active account matching the username or
 * e-mail. Answers the same whether or not anything matched, and without waiting for a mail server (the
 * job worker delivers the mail), so it cannot be used to probe for accounts.
 */
export async function requestPasswordReset(
  ctx: AppContext,
  usernameOrEmail: string,
  origin: { ip: string | null },
): Promise<PasswordResetRequested> {
  const now = ctx.clock.now();
  const users = await findActiveUsersByLogin(ctx.db, usernameOrEmail.trim());
  // Each link, its audit entry and its mail are written together.
  for (const u of users) {
    await ctx.db.transaction().execute(async (trx) => {
      const link = await createPasswordLink(ctx, trx, u.id, 'reset', now);
      await appendAudit(
        trx,
        {
          actorUserId: u.id,
          actorUsername: u.username,
          action: 'password.reset.request',
          entityType: 'user',
          entityId: u.id,
          ip: origin.ip,
        },
        now,
      );
      await ctx.mailer.queue(trx, {
        to: u.email,
        subject: 'Nutmeg IIS: reset your password',
        body:
          `Hello ${u.first_name},\n\nSomeone (hopefully you) asked to reset the password of the Nutmeg IIS account ${u.username}.\n` +
          `Open this link within one hour to choose a new password:\n\n${link}\n\n` +
          `If you did not ask for this, ignore this message; your password stays the same.\n`,
      });
    });
  }
  if (users.length === 0) {
    await appendAudit(
      ctx.db,
      {
        actorUsername: usernameOrEmail.trim().slice(0, 100),
        action: 'password.reset.request',
        outcome: 'failure',
        ip: origin.ip,
        detail: { reason: 'no active account' },
      },
      now,
    );
  }
  return { message: 'If an active account matches, a reset link has been sent to its e-mail address. The link works for one hour.' };
}

/** Sets the password from a valid reset or activation link, ends every session of the user and spends every link of theirs. */
export async function completePasswordReset(
  ctx: AppContext,
  token: string,
  newPassword: string,
  origin: { ip: string | null },
): Promise<PasswordChosen> {
  const now = ctx.clock.now();
  const bad = () =>
    invalid('This link is not valid any more (it was used, or it has expired). Ask for a new one with “Forgot your password?”.', [
      { path: 'token', message: 'Link expired or already used.' },
    ]);
  const reset = await repo.findPasswordReset(ctx.db, sha256(token));
  if (!reset || reset.used_at || reset.expires_at <= now) throw bad();
  const user = await findUserById(ctx.db, reset.user_id);
  if (!user || user.status !== 'active') throw bad();
  // Every account must have MFA, so the with-MFA length rule applies.
  const problems = checkPasswordRules(newPassword, { mfa: true, username: user.username, email: user.email });
  if (problems.length) throw invalid('The new password does not meet the rules.', problems);
  const hash = await hashPassword(newPassword, ctx.config.ARGON2_MEMORY_KIB);
  await ctx.db.transaction().execute(async (trx) => {
    const spent = await repo.spendPasswordReset(trx, reset.token_hash, now);
    if (!spent) throw bad(); // a concurrent completion won
    await repo.spendAllPasswordResets(trx, user.id, now);
    await replacePassword(trx, user.id, hash, now);
    await appendAudit(
      trx,
      {
        actorUserId: user.id,
        actorUsername: user.username,
        action: reset.purpose === 'activation' ? 'password.activate' : 'password.reset',
        entityType: 'user',
        entityId: user.id,
        ip: origin.ip,
      },
      now,
    );
  });
  return { ok: true, username: user.username };
}
