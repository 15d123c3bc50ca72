import type { MfaSetup, SessionStageResult } from '@nutmeg/api-types';
import crypto from 'node:crypto';
import QRCode from 'qrcode';
import { AppError, invalid } from '../../errors.ts';
import type { AppContext } from '../../context.ts';
import { appendActorAudit, appendAudit } from '../audit/index.ts';
import { isAccessType, isDphRole, modulesFor, type DphRole } from './access-model.ts';
import type { Actor } from './actor.ts';
import { permissionsFor } from './permissions.ts';
import { checkPasswordRules, hashPassword, verifyPassword } from './password.ts';
import { actingMemberships } from './membership.service.ts';
import * as repo from './session.repo.ts';
import { findUserById, updateUser, type UserRow } from './user.repo.ts';
import { generateTotpSecret, totpStepOf, totpUri } from './totp.ts';

export const SESSION_COOKIE = 'nutmeg_sid';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export interface Origin {
  ip: string | null;
  userAgent: string | null;
}

type User = UserRow;

function nextStage(user: Pick<User, 'password_temporary' | 'mfa_enrolled_at'>): 'password_change' | 'mfa_enroll' | 'active' {
  if (user.password_temporary) return 'password_change';
  if (!user.mfa_enrolled_at) return 'mfa_enroll';
  return 'active';
}

/**
 * Opens a session for a user whose sign-in succeeded. A temporary password or a missing MFA
 * enrolment yields a restricted session whose only next steps are to fix that.
 */
export async function startSession(
  ctx: AppContext,
  user: User,
  origin: Origin,
  now: Date,
): Promise<{ token: string } & SessionStageResult> {
  const memberships = await actingMemberships(ctx.db, user.id);
  const token = crypto.randomBytes(32).toString('base64url');
  const stage = nextStage(user);
  await repo.insertSession(ctx.db, {
    id: sha256(token),
    userId: user.id,
    stage,
    membershipId: memberships[0]?.id ?? null,
    csrf: crypto.randomBytes(24).toString('base64url'),
    ip: origin.ip,
    userAgent: origin.userAgent,
    absoluteExpiresAt: new Date(now.getTime() + ctx.config.SESSION_ABSOLUTE_HOURS * 3_600_000),
    now,
  });
  await appendAudit(
    ctx.db,
    {
      actorUserId: user.id,
      actorUsername: user.username,
      organizationId: memberships[0]?.organization_id ?? null,
      action: 'login.success',
      ip: origin.ip,
      detail: { stage },
    },
    now,
  );
  return { token, stage };
}

/** Resolves the cookie token to an actor, enforcing the idle and absolute timeouts. */
export async function resolveActor(ctx: AppContext, token: string, ip: string | null): Promise<Actor | null> {
  const id = sha256(token);
  const session = await repo.findSession(ctx.db, id);
  if (!session) return null;
  const now = ctx.clock.now();
  const idleLimit = session.last_seen_at.getTime() + ctx.config.SESSION_IDLE_MINUTES * 60_000;
  if (now.getTime() > idleLimit || now > session.absolute_expires_at) {
    await repo.deleteSession(ctx.db, id);
    return null;
  }
  const user = await findUserById(ctx.db, session.user_id);
  if (!user || user.status !== 'active') {
    await repo.deleteSession(ctx.db, id);
    return null;
  }
  // Touch at most once a minute: the idle timeout does not need more precision than that.
  if (now.getTime() - session.last_seen_at.getTime() > 60_000) {
    await repo.touchSession(ctx.db, id, now);
  }
  const memberships = await actingMemberships(ctx.db, user.id);
  const m = memberships.find((x) => x.id === session.active_membership_id) ?? memberships[0];
  const dphRoles = user.dph_roles.filter(isDphRole) as DphRole[];
  const accessType = m && isAccessType(m.access_type) ? m.access_type : null;
  const scopeHolder = accessType ? { accessType, dphRoles } : null;
  return {
    userId: user.id,
    username: user.username,
    displayName: `${user.first_name} ${user.last_name}`,
    sessionId: id,
    stage: session.stage,
    csrfToken: session.csrf_token,
    dphRoles,
    scope:
      m && accessType
        ? {
            membershipId: m.id,
            organizationId: m.organization_id,
            organizationName: m.organization_name,
            organizationKind: m.organization_kind,
            pin: m.pin,
            accessType,
          }
        : null,
    modules: scopeHolder ? modulesFor(scopeHolder.accessType, dphRoles) : {},
    permissions: scopeHolder ? permissionsFor(scopeHolder) : new Set(),
    ip,
  };
}

export async function logout(ctx: AppContext, actor: Actor): Promise<void> {
  await repo.deleteSession(ctx.db, actor.sessionId);
  await appendActorAudit(ctx.db, actor, { action: 'logout' }, ctx.clock.now());
}

export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  currentPassword: string,
  newPassword: string,
): Promise<SessionStageResult> {
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in again.');
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    throw invalid('The current password is not correct.', [{ path: 'currentPassword', message: 'Not correct.' }]);
  }
  if (currentPassword === newPassword)
    throw invalid('Choose a new password.', [{ path: 'newPassword', message: 'Must differ from the current password.' }]);
  // Every account must enrol MFA, so the MFA length rule applies.
  const problems = checkPasswordRules(newPassword, { mfa: true, username: user.username, email: user.email });
  if (problems.length) throw invalid('The new password does not meet the rules.', problems);
  const now = ctx.clock.now();
  const stage = nextStage({ password_temporary: false, mfa_enrolled_at: user.mfa_enrolled_at });
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, {
      password_hash: await hashPassword(newPassword, ctx.config.ARGON2_MEMORY_KIB),
      password_temporary: false,
      password_changed_at: now,
    });
    await repo.setSessionStage(trx, actor.sessionId, stage);
    await repo.deleteUserSessions(trx, user.id, actor.sessionId);
    await appendActorAudit(trx, actor, { action: 'password.change' }, now);
  });
  return { stage };
}

export async function beginMfaEnrollment(ctx: AppContext, actor: Actor): Promise<MfaSetup> {
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in again.');
  if (user.mfa_enrolled_at)
    throw new AppError('conflict', 'MFA is already set up for this account. Ask DPH to reset it if you lost your device.');
  const secret = generateTotpSecret();
  await updateUser(ctx.db, user.id, { mfa_secret: secret, mfa_last_step: null });
  const otpauthUri = totpUri(secret, 'Nutmeg IIS', user.username);
  return { secret, otpauthUri, qrDataUrl: await QRCode.toDataURL(otpauthUri) };
}

export async function completeMfaEnrollment(ctx: AppContext, actor: Actor, otp: string): Promise<SessionStageResult> {
  const user = await findUserById(ctx.db, actor.userId);
  if (!user?.mfa_secret) throw invalid('Start MFA set-up first.');
  const now = ctx.clock.now();
  const step = totpStepOf(user.mfa_secret, otp, now.getTime());
  if (step === null) {
    throw invalid('The code does not match. Check the time on your phone and try the current code.', [
      { path: 'otp', message: 'Code does not match.' },
    ]);
  }
  const stage = nextStage({ password_temporary: user.password_temporary, mfa_enrolled_at: now });
  await ctx.db.transaction().execute(async (trx) => {
    // The code that finishes enrolment is spent: it cannot sign in afterwards.
    await updateUser(trx, user.id, { mfa_enrolled_at: now, mfa_last_step: step });
    await repo.setSessionStage(trx, actor.sessionId, stage);
    await appendActorAudit(trx, actor, { action: 'mfa.enrol' }, now);
  });
  return { stage };
}

export async function switchScope(ctx: AppContext, actor: Actor, membershipId: string): Promise<void> {
  const memberships = await actingMemberships(ctx.db, actor.userId);
  const m = memberships.find((x) => x.id === membershipId);
  if (!m) throw new AppError('forbidden', 'You do not have that membership.');
  await repo.setActiveMembership(ctx.db, actor.sessionId, m.id);
  await appendActorAudit(
    ctx.db,
    actor,
    {
      organizationId: m.organization_id,
      action: 'scope.switch',
      detail: { membershipId },
    },
    ctx.clock.now(),
  );
}

export async function listMemberships(ctx: AppContext, userId: string) {
  return actingMemberships(ctx.db, userId);
}
