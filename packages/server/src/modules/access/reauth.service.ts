// Re-authentication of a signed-in user for an act that must be theirs (signing a provider agreement):
// the password and a fresh TOTP code again. Counted like sign-in attempts (the account locks after
// LOCKOUT_THRESHOLD wrong guesses) and a code is spent once. Wrong answers are field errors (400), not a
// 401: the session itself stays valid.

import type { AppContext } from '../../context.ts';
import { forbidden, invalid } from '../../errors.ts';
import { appendActorAudit } from '../audit/index.ts';
import type { Actor } from './actor.ts';
import { verifyPassword } from './password.ts';
import { spendReauthStep } from './reauth.repo.ts';
import { lockAccount, reserveAccountAttempt } from './session.repo.ts';
import { totpStepOf } from './totp.ts';
import { findUserById } from './user.repo.ts';

export async function reauthenticate(ctx: AppContext, actor: Actor, password: string, otp: string, purpose: string): Promise<void> {
  const now = ctx.clock.now();
  const user = await findUserById(ctx.db, actor.userId);
  if (!user || user.status !== 'active') throw forbidden('This account is inactive.');
  const counted = await reserveAccountAttempt(ctx.db, user.id, now);
  if ((counted.lockedUntil !== null && counted.lockedUntil > now) || counted.attempt > ctx.config.LOCKOUT_THRESHOLD)
    throw forbidden('Too many wrong passwords or codes: the account is locked for a while.');
  const fail = async (field: 'password' | 'otp', message: string) => {
    if (counted.attempt >= ctx.config.LOCKOUT_THRESHOLD)
      await lockAccount(ctx.db, user.id, new Date(now.getTime() + ctx.config.LOCKOUT_MINUTES * 60_000), now);
    await appendActorAudit(
      ctx.db,
      actor,
      { action: 'reauth.failure', outcome: 'failure', entityType: 'user', entityId: user.id, detail: { purpose, step: field } },
      now,
    );
    return invalid(message, [{ path: field, message }]);
  };
  if (!(await verifyPassword(user.password_hash, password))) throw await fail('password', 'The password is not correct');
  if (!user.mfa_secret || !user.mfa_enrolled_at) throw await fail('otp', 'Set up an authenticator app first');
  const step = totpStepOf(user.mfa_secret, otp, now.getTime());
  if (step === null || !(await spendReauthStep(ctx.db, user.id, step)))
    throw await fail('otp', 'The authenticator code is not correct (or was used already)');
}
