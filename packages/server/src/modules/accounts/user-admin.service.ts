import type { MembershipView, UserDetail, UserList, UserSummary } from '@nutmeg/api-types';
import crypto from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { conflict, forbidden, invalid, notFound } from '../../errors.ts';
import {
  accessTypeLabel,
  ACCESS_TYPE_DEFINITIONS,
  clearMfa,
  deactivateAccount,
  endMemberships,
  findMembership,
  findUserById,
  hashPassword,
  insertMemberships,
  isAccessType,
  membershipsOf,
  reactivateAccount,
  replacePassword,
  searchUsers as findUsers,
  setDphRoles as storeDphRoles,
  type AccessType,
  type Actor,
  type DphRole,
  type MembershipRow,
  type UserRow,
} from '../access/index.ts';
import { findOrganization, findOrganizationByPin } from '../organizations/index.ts';
import { appendActorAudit, type AuditEntry } from '../audit/index.ts';
import { ORGANIZATION_CODE_LABELS, presentDphRoles } from './account.present.ts';
import { assertMayResetCredentials, assertOnStaffLists, notSelf } from './duties.ts';
import { createPasswordLink } from './password-reset.service.ts';
import { spendAllPasswordResets } from './password-reset.repo.ts';

function presentMembership(m: MembershipRow): MembershipView {
  return {
    id: m.id,
    organizationId: m.organization_id,
    organizationName: m.organization_name,
    organizationKind: m.organization_kind,
    pin: m.pin,
    accessType: m.access_type,
    accessTypeLabel: accessTypeLabel(m.access_type),
    active: m.active,
    createdAt: m.created_at.toISOString(),
    endedAt: m.ended_at?.toISOString() ?? null,
  };
}

function presentUserSummary(
  u: Pick<
    UserRow,
    'id' | 'username' | 'email' | 'first_name' | 'last_name' | 'status' | 'dph_roles' | 'mfa_enrolled_at' | 'last_login_at' | 'locked_until'
  >,
  memberships: MembershipRow[],
  now: Date,
): UserSummary {
  return {
    id: u.id,
    username: u.username,
    email: u.email,
    firstName: u.first_name,
    lastName: u.last_name,
    status: u.status,
    dphRoles: presentDphRoles(u.dph_roles),
    mfaEnrolled: u.mfa_enrolled_at !== null,
    locked: !!u.locked_until && u.locked_until > now,
    lastLoginAt: u.last_login_at?.toISOString() ?? null,
    memberships: memberships.filter((m) => m.user_id === u.id).map(presentMembership),
  };
}

export interface UserFilter {
  q?: string | undefined;
  organizationId?: string | undefined;
  pin?: string | undefined;
  accessType?: string | undefined;
  status?: 'active' | 'inactive' | undefined;
  page: number;
}

export async function searchUsers(ctx: AppContext, actor: Actor, f: UserFilter): Promise<UserList> {
  const pageSize = 50;
  let organizationId = f.organizationId;
  if (!organizationId && f.pin) {
    const org = await findOrganizationByPin(ctx.db, f.pin);
    if (!org) return { users: [], total: 0, page: f.page, pageSize };
    organizationId = org.id;
  }
  const { rows, total } = await findUsers(ctx.db, {
    q: f.q?.trim() || undefined,
    organizationId,
    accessType: f.accessType,
    status: f.status,
    limit: pageSize,
    offset: (f.page - 1) * pageSize,
  });
  const memberships = await membershipsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const now = ctx.clock.now();
  await auditUsersShown(
    ctx,
    actor,
    'user.list',
    rows.map((r) => r.id),
  );
  return { users: rows.map((r) => presentUserSummary(r, memberships, now)), total, page: f.page, pageSize };
}

/** Which users' details an administrator or coordinator was shown (a user list is a disclosure of people). */
export function auditUsersShown(ctx: AppContext, actor: Actor, action: 'user.list' | 'user.view', userIds: string[]) {
  return appendActorAudit(ctx.db, actor, { action, entityType: 'user', detail: { userIds } }, ctx.clock.now());
}

export async function getUser(ctx: AppContext, actor: Actor, id: string): Promise<UserDetail> {
  const u = await findUserById(ctx.db, id);
  if (!u) throw notFound('The user');
  const memberships = await membershipsOf(ctx.db, [u.id], true);
  await auditUsersShown(ctx, actor, 'user.view', [u.id]);
  return {
    ...presentUserSummary(u, memberships, ctx.clock.now()),
    phone: u.phone,
    jobTitle: u.job_title,
    passwordTemporary: u.password_temporary,
    createdAt: u.created_at.toISOString(),
    deactivatedAt: u.deactivated_at?.toISOString() ?? null,
  };
}

/** Runs a change to one user and its audit entry in one transaction. */
async function changeUser<T>(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  action: string,
  change: (trx: AppContext['db'], user: UserRow, now: Date) => Promise<{ result: T; audit?: Partial<AuditEntry> }>,
): Promise<T> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) throw notFound('The user');
    const { result, audit } = await change(trx, user, now);
    await appendActorAudit(
      trx,
      actor,
      {
        action,
        entityType: 'user',
        entityId: user.id,
        ...audit,
        detail: { username: user.username, ...audit?.detail },
      },
      now,
    );
    return result;
  });
}

export async function addMembership(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  input: { organizationId?: string | undefined; pin?: string | undefined; accessType: string },
) {
  if (!isAccessType(input.accessType)) throw invalid('Unknown access type.', [{ path: 'accessType', message: 'Choose an access type.' }]);
  const accessType: AccessType = input.accessType;
  const org = input.organizationId
    ? await findOrganization(ctx.db, input.organizationId)
    : input.pin
      ? await findOrganizationByPin(ctx.db, input.pin)
      : undefined;
  if (!org || !org.active)
    throw invalid('No active organization has that PIN or code.', [
      { path: input.organizationId ? 'organizationId' : 'pin', message: 'Unknown or inactive organization.' },
    ]);
  const kind = ACCESS_TYPE_DEFINITIONS[accessType].organizationKind;
  if (org.kind !== kind) {
    throw invalid(
      `${org.name} is not a ${kind.replace('_', ' ')}; ${ACCESS_TYPE_DEFINITIONS[accessType].label} needs a ${ORGANIZATION_CODE_LABELS[kind]}.`,
      [{ path: 'pin', message: `Needs a ${ORGANIZATION_CODE_LABELS[kind]}.` }],
    );
  }
  notSelf(actor, userId, 'change the access of');
  return changeUser(ctx, actor, userId, 'membership.add', async (trx, user, now) => {
    await assertOnStaffLists(trx, { firstName: user.first_name, lastName: user.last_name, email: user.email }, accessType, [org.id]);
    const existing = await membershipsOf(trx, [user.id]);
    if (existing.some((m) => m.organization_id === org.id && m.access_type === accessType))
      throw conflict(`${user.username} already has ${accessTypeLabel(accessType)} at ${org.name}.`);
    const [membershipId] = await insertMemberships(trx, user.id, [{ organizationId: org.id, accessType }], now);
    return { result: { membershipId }, audit: { organizationId: org.id, detail: { membershipId, accessType, pin: org.pin } } };
  });
}

export async function endMembership(ctx: AppContext, actor: Actor, userId: string, membershipId: string) {
  notSelf(actor, userId, 'change the access of');
  return changeUser(ctx, actor, userId, 'membership.end', async (trx, user, now) => {
    const m = await findMembership(trx, membershipId);
    if (!m || m.user_id !== user.id) throw notFound('The membership');
    if (!m.active) throw conflict('This membership has already ended.');
    await endMemberships(trx, [m.id], now);
    return {
      result: { ok: true as const },
      audit: { organizationId: m.organization_id, detail: { membershipId: m.id, accessType: m.access_type } },
    };
  });
}

/** DPH state roles. Only an administrator changes them (an approver must not grant themselves more). */
export async function setDphRoles(ctx: AppContext, actor: Actor, userId: string, roles: DphRole[]) {
  if (!actor.dphRoles.includes('administrator')) throw forbidden('Only a DPH administrator can change DPH roles.');
  notSelf(actor, userId, 'change the roles of');
  const next = [...new Set(roles)].sort();
  return changeUser(ctx, actor, userId, 'user.roles', async (trx, user) => {
    const memberships = await membershipsOf(trx, [user.id]);
    if (next.length && !memberships.some((m) => m.access_type === 'dph')) {
      throw invalid('DPH roles apply only to users with DPH (State Only) access; add that membership first.', [
        { path: 'roles', message: 'User has no DPH membership.' },
      ]);
    }
    await storeDphRoles(trx, user.id, next);
    return { result: { dphRoles: presentDphRoles(next) }, audit: { detail: { from: user.dph_roles, to: next } } };
  });
}

export async function deactivateUser(ctx: AppContext, actor: Actor, userId: string, reason?: string) {
  notSelf(actor, userId, 'deactivate');
  return changeUser(ctx, actor, userId, 'user.deactivate', async (trx, user, now) => {
    if (user.status === 'inactive') throw conflict(`${user.username} is already inactive.`);
    await deactivateAccount(trx, user.id, now);
    return { result: { status: 'inactive' as const }, audit: { detail: { reason: reason ?? null } } };
  });
}

export async function reactivateUser(ctx: AppContext, actor: Actor, userId: string) {
  return changeUser(ctx, actor, userId, 'user.reactivate', async (trx, user) => {
    if (user.status === 'active') throw conflict(`${user.username} is already active.`);
    await reactivateAccount(trx, user.id);
    return { result: { status: 'active' as const } };
  });
}

/** Lost authenticator: the next sign-in (with the password) goes through MFA enrolment again. */
export async function resetMfa(ctx: AppContext, actor: Actor, userId: string) {
  return changeUser(ctx, actor, userId, 'user.mfa-reset', async (trx, u) => {
    assertMayResetCredentials(actor, u);
    await clearMfa(trx, u.id);
    // Tell the owner: a reset they did not ask for is a sign of someone impersonating them.
    await ctx.mailer.queue(trx, {
      to: u.email,
      subject: 'Nutmeg IIS: your authenticator was reset',
      body:
        `Hello ${u.first_name},\n\nDPH reset the multi-factor authentication of your account ${u.username}. ` +
        `At your next sign-in you will set up your authenticator app again.\n\nIf you did not ask for this, call the DPH Immunization Program right away.\n`,
    });
    return { result: { mfaEnrolled: false } };
  });
}

/**
 * DPH resets a password: the current one stops working, every session ends, and the owner gets a
 * single-use link to choose a new one. The administrator never sees a credential: the link goes
 * only into the owner's mail.
 */
export async function resetPassword(ctx: AppContext, actor: Actor, userId: string) {
  const unusable = await hashPassword(crypto.randomBytes(32).toString('base64url'), ctx.config.ARGON2_MEMORY_KIB);
  return changeUser(ctx, actor, userId, 'user.password-reset', async (trx, u, now) => {
    assertMayResetCredentials(actor, u);
    if (u.status !== 'active') throw conflict(`${u.username} is inactive; reactivate the account first.`);
    await replacePassword(trx, u.id, unusable, null);
    await spendAllPasswordResets(trx, u.id, now);
    const link = await createPasswordLink(ctx, trx, u.id, 'activation', now);
    await ctx.mailer.queue(trx, {
      to: u.email,
      subject: 'Nutmeg IIS: choose a new password',
      body:
        `Hello ${u.first_name},\n\nDPH reset the password of your Nutmeg IIS account ${u.username}; the old one no longer works.\n` +
        `Open this link within ${ctx.config.ACTIVATION_LINK_HOURS} hours to choose a new password (it works once):\n\n${link}\n\n` +
        `If you did not ask for this, call the DPH Immunization Program right away.\n`,
    });
    return { result: { ok: true as const, mailedTo: u.email } };
  });
}
