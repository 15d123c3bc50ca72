import type { AppContext } from '../../context.ts';
import { conflict, forbidden, invalid, notFound } from '../../errors.ts';
import {
  ACCESS_TYPE_DEFINITIONS,
  createUser,
  generateTemporaryPassword,
  isAccessType,
  proposeUsername,
  type AccessType,
  type Actor,
  type DphRole,
} from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { accessTypeLabel, presentOrganization } from './account.present.ts';
import * as repo from './account-request.repo.ts';
import { matchStaff, type StaffMatch } from './staff-match.ts';

/** DPH review of account requests: the queue, one request with its staff-list check, approve, deny. */

async function presentRequests(ctx: AppContext, rows: repo.AccountRequestRow[]) {
  const orgIds = [...new Set(rows.flatMap((r) => r.organization_ids))];
  const orgs = new Map((await repo.findOrganizationsByIds(ctx.db, orgIds)).map((o) => [o.id, o]));
  const deciders = await repo.usernamesByIds(ctx.db, [...new Set(rows.map((r) => r.decided_by).filter((x): x is string => !!x))]);
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    accessType: r.access_type,
    accessTypeLabel: accessTypeLabel(r.access_type),
    organizations: r.organization_ids
      .map((id) => orgs.get(id))
      .filter((o): o is NonNullable<typeof o> => !!o)
      .map(presentOrganization),
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    phone: r.phone,
    jobTitle: r.job_title,
    agreements: r.agreements.map((a) => ({ kind: a.kind, version: a.version, acceptedAt: a.acceptedAt })),
    createdAt: r.created_at.toISOString(),
    decidedAt: r.decided_at?.toISOString() ?? null,
    decidedBy: r.decided_by ? (deciders.get(r.decided_by) ?? null) : null,
    decisionReason: r.decision_reason,
    userId: r.user_id,
  }));
}

export async function listRequests(
  ctx: AppContext,
  _actor: Actor,
  f: { status?: 'pending' | 'approved' | 'denied' | undefined; page: number },
) {
  const pageSize = 50;
  const { rows, total } = await repo.listRequests(ctx.db, { status: f.status, limit: pageSize, offset: (f.page - 1) * pageSize });
  return { requests: await presentRequests(ctx, rows), total, page: f.page, pageSize };
}

interface StaffCheck {
  organizationId: string;
  pin: string | null;
  name: string;
  onStaffList: boolean;
  matchedBy: StaffMatch;
}

async function checkStaffLists(ctx: AppContext, r: repo.AccountRequestRow): Promise<StaffCheck[]> {
  const orgs = await repo.findOrganizationsByIds(ctx.db, r.organization_ids);
  const staff = await repo.activeStaff(ctx.db, r.organization_ids);
  const person = { firstName: r.first_name, lastName: r.last_name, email: r.email };
  return r.organization_ids.map((id) => {
    const o = orgs.find((x) => x.id === id);
    const match = matchStaff(
      person,
      staff.filter((s) => s.organization_id === id).map((s) => ({ firstName: s.first_name, lastName: s.last_name, email: s.email })),
    );
    return {
      organizationId: id,
      pin: o?.pin ?? null,
      name: o?.name ?? 'unknown organization',
      onStaffList: match !== null,
      matchedBy: match,
    };
  });
}

/** Clinic Access needs the person on every requested clinic's staff list (the coordinator keeps it). */
function staffListRequired(accessType: string): boolean {
  return accessType === 'clinic_access';
}

export async function getRequest(ctx: AppContext, _actor: Actor, id: string) {
  const r = await repo.findRequest(ctx.db, id);
  if (!r) throw notFound('The account request');
  const [presented] = await presentRequests(ctx, [r]);
  const isClinic = isAccessType(r.access_type) && ACCESS_TYPE_DEFINITIONS[r.access_type].organizationKind === 'clinic';
  const staffCheck = isClinic ? await checkStaffLists(ctx, r) : [];
  const existing = await repo.findUsersByEmail(ctx.db, r.email);
  return {
    ...presented!,
    staffListRequired: staffListRequired(r.access_type),
    staffCheck,
    existingUsers: existing.map((u) => ({ id: u.id, username: u.username, status: u.status })),
    proposedUsername: r.status === 'pending' ? await proposeUsername(ctx.db, r.first_name, r.last_name) : null,
  };
}

export interface ApproveInput {
  dphRoles?: DphRole[] | undefined;
  username?: string | undefined;
  /** Approve by adding the memberships to this existing active account (same e-mail) instead of creating one. */
  addToUserId?: string | undefined;
}

/**
 * Approval creates the user with one membership per requested organization — or, when DPH chooses
 * the requester's existing account (same e-mail), adds the memberships to it — marks the request
 * and audits, in one transaction. A new account's username and temporary password then go out in
 * two separate messages, so one intercepted mail is not enough to sign in.
 */
export async function approveRequest(ctx: AppContext, actor: Actor, id: string, input: ApproveInput) {
  const now = ctx.clock.now();
  const temporaryPassword = generateTemporaryPassword();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const r = await repo.findRequest(trx, id, true);
    if (!r) throw notFound('The account request');
    if (r.status !== 'pending') throw conflict(`This request was already ${r.status}.`);
    if (!isAccessType(r.access_type)) throw invalid(`Unknown access type ${r.access_type}.`);
    const accessType: AccessType = r.access_type;
    const orgs = await repo.findOrganizationsByIds(trx, r.organization_ids);
    const closed = orgs.filter((o) => !o.active);
    if (closed.length) throw conflict(`${closed.map((o) => `${o.name} (${o.pin})`).join(', ')} is no longer active; deny the request.`);
    if (staffListRequired(accessType)) {
      const checks = await checkStaffLists({ ...ctx, db: trx }, r);
      const missing = checks.filter((c) => !c.onStaffList);
      if (missing.length) {
        throw conflict(
          `${r.first_name} ${r.last_name} is not on the staff list of ${missing.map((c) => `${c.name} (${c.pin})`).join(' and ')}. ` +
            `Clinic Access can be approved only for people on the clinic's staff list: ask the clinic's vaccine coordinator to add them first.`,
          { step: 'staff_list', organizations: missing.map((c) => ({ id: c.organizationId, pin: c.pin, name: c.name })) },
        );
      }
    }
    let dphRoles: DphRole[] = [];
    if (accessType === 'dph') {
      dphRoles = [...new Set(input.dphRoles ?? [])];
      if (dphRoles.length === 0)
        throw invalid('Choose at least one DPH role for this account.', [{ path: 'dphRoles', message: 'Choose at least one role.' }]);
      if (dphRoles.includes('administrator') && !actor.dphRoles.includes('administrator')) {
        throw forbidden('Only a DPH administrator can grant the administrator role.');
      }
    }
    const organizationId = r.organization_ids[0] ?? null;
    const existing = (await repo.findUsersByEmail(trx, r.email)).filter((u) => u.status === 'active');

    if (input.addToUserId) {
      const target = existing.find((u) => u.id === input.addToUserId);
      if (!target)
        throw invalid('Only an active account with the request’s e-mail can be extended.', [
          { path: 'addToUserId', message: 'Not an active account with this e-mail.' },
        ]);
      const held = await repo.activeMembershipKeys(trx, target.id);
      const added = r.organization_ids.filter((o) => !held.has(`${o}:${accessType}`));
      await repo.insertMemberships(trx, target.id, added, accessType, now);
      const roles = dphRoles.length ? await repo.addDphRoles(trx, target.id, dphRoles) : null;
      await repo.decideRequest(trx, r.id, { status: 'approved', by: actor.userId, at: now, reason: null, userId: target.id });
      await appendActorAudit(
        trx,
        actor,
        {
          organizationId,
          action: 'account.approve',
          entityType: 'account_request',
          entityId: r.id,
          detail: { userId: target.id, username: target.username, extended: true },
        },
        now,
      );
      await appendActorAudit(
        trx,
        actor,
        {
          organizationId,
          action: 'membership.add',
          entityType: 'user',
          entityId: target.id,
          detail: { username: target.username, accessType, organizationIds: added, dphRoles: roles, requestId: r.id },
        },
        now,
      );
      return { request: r, user: { id: target.id, username: target.username }, created: false, organizations: orgs };
    }

    if (existing.length) {
      throw conflict(
        `An active account with this e-mail exists (${existing.map((u) => u.username).join(', ')}): approve the request as an addition to that account, or deny it as a duplicate.`,
        { step: 'existing_user', existingUsers: existing.map((u) => ({ id: u.id, username: u.username })) },
      );
    }
    const user = await createUser(
      trx,
      {
        ...(input.username ? { username: input.username } : {}),
        email: r.email,
        firstName: r.first_name,
        lastName: r.last_name,
        phone: r.phone,
        jobTitle: r.job_title,
        memberships: r.organization_ids.map((organizationId) => ({ organizationId, accessType })),
        dphRoles,
        password: temporaryPassword,
        temporary: true,
      },
      ctx.config.ARGON2_MEMORY_KIB,
      now,
    );
    await repo.decideRequest(trx, r.id, { status: 'approved', by: actor.userId, at: now, reason: null, userId: user.id });
    await appendActorAudit(
      trx,
      actor,
      {
        organizationId,
        action: 'account.approve',
        entityType: 'account_request',
        entityId: r.id,
        detail: { userId: user.id, username: user.username },
      },
      now,
    );
    await appendActorAudit(
      trx,
      actor,
      {
        organizationId,
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        detail: { username: user.username, accessType, organizationIds: r.organization_ids, dphRoles, requestId: r.id },
      },
      now,
    );
    return { request: r, user, created: true, organizations: orgs };
  });

  const { user, request: r } = result;
  const signIn = `${ctx.config.PUBLIC_URL.replace(/\/$/, '')}/login`;
  if (!result.created) {
    await ctx.mailer.send({
      to: r.email,
      subject: 'Nutmeg IIS: your access is extended',
      body:
        `Hello ${r.first_name},\n\nYour request for ${accessTypeLabel(r.access_type)} access is approved and added to your existing account ${user.username}` +
        (result.organizations.length ? ` for ${result.organizations.map((o) => `${o.name} (${o.pin})`).join(', ')}` : '') +
        `.\nSign in at ${signIn} as usual; choose the organization you act for at the top of the page.\n`,
    });
    return { requestId: r.id, status: 'approved' as const, user: { id: user.id, username: user.username }, created: false };
  }
  await ctx.mailer.send({
    to: r.email,
    subject: 'Nutmeg IIS: your account is approved — your username',
    body:
      `Hello ${r.first_name},\n\nYour request for ${accessTypeLabel(r.access_type)} access is approved.\n\n` +
      `Your username: ${user.username}\n\nYour temporary password comes in a separate message. Sign in at ${signIn}; ` +
      `you will choose your own password and set up an authenticator app at the first sign-in.\n`,
  });
  await ctx.mailer.send({
    to: r.email,
    subject: 'Nutmeg IIS: your temporary password',
    body:
      `Hello ${r.first_name},\n\nYour temporary password: ${temporaryPassword}\n\n` +
      `Your username comes in a separate message. The temporary password must be changed at the first sign-in.\n`,
  });
  return { requestId: r.id, status: 'approved' as const, user: { id: user.id, username: user.username }, created: true };
}

export async function denyRequest(ctx: AppContext, actor: Actor, id: string, reason: string) {
  const now = ctx.clock.now();
  const text = reason.trim();
  if (text.length < 3)
    throw invalid('Give the reason for the denial; it is sent to the requester.', [{ path: 'reason', message: 'Enter a reason.' }]);
  const r = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findRequest(trx, id, true);
    if (!row) throw notFound('The account request');
    if (row.status !== 'pending') throw conflict(`This request was already ${row.status}.`);
    await repo.decideRequest(trx, row.id, { status: 'denied', by: actor.userId, at: now, reason: text, userId: null });
    await appendActorAudit(
      trx,
      actor,
      {
        organizationId: row.organization_ids[0] ?? null,
        action: 'account.deny',
        entityType: 'account_request',
        entityId: row.id,
        detail: { reason: text },
      },
      now,
    );
    return row;
  });
  await ctx.mailer.send({
    to: r.email,
    subject: 'Nutmeg IIS: your account request was not approved',
    body:
      `Hello ${r.first_name},\n\nYour request for ${accessTypeLabel(r.access_type)} access was not approved, for this reason:\n\n` +
      `${text}\n\nYou may submit a new request once this is resolved.\n`,
  });
  return { requestId: r.id, status: 'denied' as const };
}
