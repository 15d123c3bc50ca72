import type { SessionStageResult } from '@nutmeg/api-types';
import crypto from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/index.ts';
import { hashPassword, verifyPassword } from './password.ts';
import * as repo from './session.repo.ts';
import { startSession, type Origin } from './session.service.ts';
import { totpStepOf } from './totp.ts';
import { findUserByUsername, type UserRow } from './user.repo.ts';

export interface LoginInput {
  username: string;
  password: string;
  otp?: string | undefined;
}

type User = UserRow;

/**
 * One answer for an unknown username, a wrong password and a locked account, so none of them
 * tells an outsider that the account exists. The owner of a locked account learns it by e-mail.
 */
const notCorrect = () =>
  new AppError('unauthenticated', 'The username or password is not correct. After repeated failures an account is locked for a while.', {
    step: 'password',
  });

let dummy: { memoryKib: number; hash: Promise<string> } | undefined;

/** A hash at this install's argon2 cost: unknown usernames and locked accounts are checked against it, so every answer takes as long. */
function dummyHash(memoryKib: number): Promise<string> {
  if (dummy?.memoryKib !== memoryKib) dummy = { memoryKib, hash: hashPassword(crypto.randomBytes(16).toString('hex'), memoryKib) };
  return dummy.hash;
}

function audit(ctx: AppContext, user: User | undefined, username: string, origin: Origin, outcome: 'failure' | 'denied', detail: object) {
  return appendAudit(
    ctx.db,
    {
      actorUserId: user?.id ?? null,
      actorUsername: user?.username ?? username.slice(0, 100),
      action: 'login.failure',
      outcome,
      ip: origin.ip,
      detail: { ...detail },
    },
    ctx.clock.now(),
  );
}

/** Counts the attempt against the client address first; refuses it when the address is over its limit. */
async function throttleAddress(ctx: AppContext, username: string, origin: Origin, now: Date): Promise<void> {
  if (!origin.ip) return;
  const windowStart = new Date(now.getTime() - ctx.config.LOCKOUT_MINUTES * 60_000);
  const failures = await repo.reserveAddressAttempt(ctx.db, origin.ip, now, windowStart);
  const limit = ctx.config.LOGIN_FAILURES_PER_ADDRESS;
  if (failures <= limit) return;
  if (failures === limit + 1) await audit(ctx, undefined, username, origin, 'denied', { step: 'address', limit });
  throw new AppError('rate_limited', `Too many failed sign-ins from your network; try again in ${ctx.config.LOCKOUT_MINUTES} minutes.`, {
    step: 'throttled',
  });
}

async function lockOut(ctx: AppContext, user: User, now: Date): Promise<void> {
  const until = new Date(now.getTime() + ctx.config.LOCKOUT_MINUTES * 60_000);
  // The lock and the owner's mail together; the mail is only queued, so this answer takes no longer than any other failure.
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.lockAccount(trx, user.id, until, now))) return;
    await ctx.mailer.queue(trx, {
      to: user.email,
      subject: 'Nutmeg IIS: your account is locked for a while',
      body:
        `Hello ${user.first_name},\n\nAfter ${ctx.config.LOCKOUT_THRESHOLD} failed sign-in attempts, the Nutmeg IIS account ${user.username} ` +
        `is locked for ${ctx.config.LOCKOUT_MINUTES} minutes.\n\nIf that was not you, someone may be guessing your password: ` +
        `reset it at ${ctx.config.PUBLIC_URL.replace(/\/$/, '')}/forgot-password and tell the DPH Immunization Program.\n`,
    });
  });
}

/** A wrong guess: it was counted before it was checked; the guess that reaches the threshold locks the account. */
async function wrongGuess(ctx: AppContext, user: User, attempt: number, step: 'password' | 'otp', origin: Origin): Promise<AppError> {
  const locked = attempt >= ctx.config.LOCKOUT_THRESHOLD;
  if (locked) await lockOut(ctx, user, ctx.clock.now());
  await audit(ctx, user, user.username, origin, 'failure', { step, locked });
  return step === 'otp' ? new AppError('unauthenticated', 'The authenticator code is not correct.', { step: 'otp' }) : notCorrect();
}

/** Not a guess at all (the code is still to come, the account is inactive): the attempt gives its counts back. */
async function release(ctx: AppContext, user: User, origin: Origin): Promise<void> {
  await repo.releaseAccountAttempt(ctx.db, user.id);
  if (origin.ip) await repo.releaseAddressAttempt(ctx.db, origin.ip);
}

/**
 * Sign-in: password, then the TOTP code when the user has MFA. Each attempt is counted in SQL
 * before anything is verified — per client address, then per account — so parallel guesses cannot
 * all be checked: only the first LOCKOUT_THRESHOLD of a burst reach argon2 or the TOTP check. A
 * TOTP code signs in once (its time step is recorded atomically with the sign-in).
 */
export async function login(ctx: AppContext, input: LoginInput, origin: Origin): Promise<{ token: string } & SessionStageResult> {
  const now = ctx.clock.now();
  const username = input.username.trim();
  await throttleAddress(ctx, username, origin, now);
  const user = await findUserByUsername(ctx.db, username);
  const counted = user ? await repo.reserveAccountAttempt(ctx.db, user.id, now) : null;
  const locked =
    !!counted && ((counted.lockedUntil !== null && counted.lockedUntil > now) || counted.attempt > ctx.config.LOCKOUT_THRESHOLD);
  const checkable = user && !locked ? user.password_hash : await dummyHash(ctx.config.ARGON2_MEMORY_KIB);
  const passwordOk = await verifyPassword(checkable, input.password);

  if (!user || !counted) {
    await audit(ctx, undefined, username, origin, 'failure', { step: 'username' });
    throw notCorrect();
  }
  if (locked) {
    if (counted.lockedUntil === null) await lockOut(ctx, user, now);
    await audit(ctx, user, username, origin, 'denied', { step: 'locked' });
    throw notCorrect();
  }
  if (!passwordOk) throw await wrongGuess(ctx, user, counted.attempt, 'password', origin);
  if (user.status !== 'active') {
    await release(ctx, user, origin);
    await audit(ctx, user, username, origin, 'denied', { step: 'account' });
    throw new AppError('forbidden', 'This account is inactive. Contact your clinic coordinator or DPH.', { step: 'account' });
  }
  let totpStep: number | null = null;
  if (user.mfa_enrolled_at && user.mfa_secret) {
    if (!input.otp) {
      await release(ctx, user, origin);
      throw new AppError('unauthenticated', 'Enter the 6-digit code from your authenticator app.', { step: 'otp' });
    }
    totpStep = totpStepOf(user.mfa_secret, input.otp, now.getTime());
    const spent = totpStep !== null && user.mfa_last_step !== null && totpStep <= user.mfa_last_step;
    if (totpStep === null || spent) throw await wrongGuess(ctx, user, counted.attempt, 'otp', origin);
  }
  // Atomic with the TOTP step: of two sign-ins with one code, only one records it.
  if (!(await repo.recordSignIn(ctx.db, user.id, now, totpStep))) throw await wrongGuess(ctx, user, counted.attempt, 'otp', origin);
  if (origin.ip) await repo.releaseAddressAttempt(ctx.db, origin.ip);
  return startSession(ctx, user, origin, now);
}
