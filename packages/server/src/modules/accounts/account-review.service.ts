import type { AccountRequest, AccountRequestDetail, AccountRequestList, RequestApproved, RequestDenied } from '@nutmeg/api-types';
import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { conflict, forbidden, invalid, notFound } from '../../errors.ts';
import {
  accessTypeLabel,
  ACCESS_TYPE_DEFINITIONS,
  addDphRoles,
  createUser,
  findUsersByEmail,
  insertMemberships,
  isAccessType,
  membershipsOf,
  proposeUsername,
  usernamesByIds,
  type AccessType,
  type Actor,
  type DphRole,
} from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import type { MailMessage } from '../mail/index.ts';
import { findOrganizations, type Organization } from '../organizations/index.ts';
import { presentOrganization } from './account.present.ts';
import * as repo from './account-request.repo.ts';
import { assertMayGrantRoles, assertOnStaffLists, checkStaffLists, staffListRequired } from './duties.ts';
import { createPasswordLink } from './password-reset.service.ts';

/** DPH review of account requests: the queue, one request with its staff-list check, approve, deny. */

async function presentRequests(ctx: AppContext, rows: repo.AccountRequestRow[]): Promise<AccountRequest[]> {
  const orgIds = [...new Set(rows.flatMap((r) => r.organization_ids))];
  const orgs = new Map((await findOrganizations(ctx.db, orgIds)).map((o) => [o.id, o]));
  const deciders = await usernamesByIds(
    ctx.db,
    rows.map((r) => r.decided_by),
  );
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
): Promise<AccountRequestList> {
  const pageSize = 50;
  const { rows, total } = await repo.listRequests(ctx.db, { status: f.status, limit: pageSize, offset: (f.page - 1) * pageSize });
  return { requests: await presentRequests(ctx, rows), total, page: f.page, pageSize };
}

export async function getRequest(ctx: AppContext, _actor: Actor, id: string): Promise<AccountRequestDetail> {
  const r = await repo.findRequest(ctx.db, id);
  if (!r) throw notFound('The account request');
  const [presented] = await presentRequests(ctx, [r]);
  const isClinic = isAccessType(r.access_type) && ACCESS_TYPE_DEFINITIONS[r.access_type].organizationKind === 'clinic';
  const staffCheck = isClinic ? await checkStaffLists(ctx.db, personOf(r), r.organization_ids) : [];
  const existing = await findUsersByEmail(ctx.db, r.email);
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

const personOf = (r: repo.AccountRequestRow) => ({ firstName: r.first_name, lastName: r.last_name, email: r.email });

/**
 * What must hold before a request is approved, whoever approves it: pending, a known access type,
 * open organizations, the staff list for Clinic Access, DPH roles the approver holds, and never
 * the approver's own request (by e-mail or by the account it would extend).
 */
async function checkApproval(trx: Kysely<Database>, actor: Actor, r: repo.AccountRequestRow | undefined, input: ApproveInput) {
  if (!r) throw notFound('The account request');
  if (r.status !== 'pending') throw conflict(`This request was already ${r.status}.`);
  if (!isAccessType(r.access_type)) throw invalid(`Unknown access type ${r.access_type}.`);
  const self = await findUsersByEmail(trx, r.email);
  if (input.addToUserId === actor.userId || self.some((u) => u.id === actor.userId)) {
    throw forbidden('You cannot approve your own access request; another approver must decide it.');
  }
  const accessType: AccessType = r.access_type;
  const orgs = await findOrganizations(trx, r.organization_ids);
  const closed = orgs.filter((o) => !o.active);
  if (closed.length) throw conflict(`${closed.map((o) => `${o.name} (${o.pin})`).join(', ')} is no longer active; deny the request.`);
  await assertOnStaffLists(trx, personOf(r), accessType, r.organization_ids);
  let dphRoles: DphRole[] = [];
  if (accessType === 'dph') {
    dphRoles = [...new Set(input.dphRoles ?? [])];
    if (dphRoles.length === 0)
      throw invalid('Choose at least one DPH role for this account.', [{ path: 'dphRoles', message: 'Choose at least one role.' }]);
    assertMayGrantRoles(actor, dphRoles);
  }
  return { request: r, accessType, orgs, dphRoles, existing: self.filter((u) => u.status === 'active') };
}

type Approval = Awaited<ReturnType<typeof checkApproval>>;
type Audit = (action: string, entityType: string, entityId: string, detail: Record<string, unknown>) => Promise<void>;

/** Approval as an addition to the requester's existing active account (same e-mail): memberships and DPH roles added. */
async function extendAccount(trx: Kysely<Database>, actor: Actor, a: Approval, userId: string, audit: Audit, now: Date) {
  const { request, accessType, dphRoles } = a;
  const target = a.existing.find((u) => u.id === userId);
  if (!target)
    throw invalid('Only an active account with the request’s e-mail can be extended.', [
      { path: 'addToUserId', message: 'Not an active account with this e-mail.' },
    ]);
  const held = new Set((await membershipsOf(trx, [target.id])).map((m) => `${m.organization_id}:${m.access_type}`));
  const added = request.organization_ids.filter((o) => !held.has(`${o}:${accessType}`));
  await insertMemberships(
    trx,
    target.id,
    added.map((organizationId) => ({ organizationId, accessType })),
    now,
  );
  const roles = dphRoles.length ? await addDphRoles(trx, target.id, dphRoles) : null;
  await repo.decideRequest(trx, request.id, { status: 'approved', by: actor.userId, at: now, reason: null, userId: target.id });
  await audit('account.approve', 'account_request', request.id, { userId: target.id, username: target.username, extended: true });
  await audit('membership.add', 'user', target.id, {
    username: target.username,
    accessType,
    organizationIds: added,
    dphRoles: roles,
    requestId: request.id,
  });
  return { id: target.id, username: target.username };
}

/**
 * Approval as a new account, with no password: its owner receives a single-use activation link and chooses one,
 * so nobody else (the approver included) ever knows it.
 */
async function createAccount(
  ctx: AppContext,
  trx: Kysely<Database>,
  actor: Actor,
  a: Approval,
  input: ApproveInput,
  audit: Audit,
  now: Date,
) {
  const { request, accessType, dphRoles, existing } = a;
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
      email: request.email,
      firstName: request.first_name,
      lastName: request.last_name,
      phone: request.phone,
      jobTitle: request.job_title,
      memberships: request.organization_ids.map((organizationId) => ({ organizationId, accessType })),
      dphRoles,
      password: null,
      temporary: false,
    },
    ctx.config.ARGON2_MEMORY_KIB,
    now,
  );
  const activationLink = await createPasswordLink(ctx, trx, user.id, 'activation', now);
  await repo.decideRequest(trx, request.id, { status: 'approved', by: actor.userId, at: now, reason: null, userId: user.id });
  await audit('account.approve', 'account_request', request.id, { userId: user.id, username: user.username });
  await audit('user.create', 'user', user.id, {
    username: user.username,
    accessType,
    organizationIds: request.organization_ids,
    dphRoles,
    requestId: request.id,
  });
  return { user, activationLink };
}

function approvalMail(
  ctx: AppContext,
  r: repo.AccountRequestRow,
  username: string,
  activationLink: string | null,
  organizations: Organization[],
): MailMessage {
  if (activationLink !== null)
    return {
      to: r.email,
      subject: 'Nutmeg IIS: your account is approved — activate it',
      body:
        `Hello ${r.first_name},\n\nYour request for ${accessTypeLabel(r.access_type)} access is approved.\n\n` +
        `Your username: ${username}\n\nOpen this link within ${ctx.config.ACTIVATION_LINK_HOURS} hours to choose your password ` +
        `(it works once):\n\n${activationLink}\n\nThen sign in and set up an authenticator app on your phone.\n`,
    };
  return {
    to: r.email,
    subject: 'Nutmeg IIS: your access is extended',
    body:
      `Hello ${r.first_name},\n\nYour request for ${accessTypeLabel(r.access_type)} access is approved and added to your existing account ${username}` +
      (organizations.length ? ` for ${organizations.map((o) => `${o.name} (${o.pin})`).join(', ')}` : '') +
      `.\nSign in at ${ctx.config.PUBLIC_URL.replace(/\/$/, '')}/login as usual; choose the organization you act for at the top of the page.\n`,
  };
}

/**
 * Approval creates the user with one membership per requested organization — or, when DPH chooses
 * the requester's existing account (same e-mail), adds the memberships to it — marks the request,
 * audits and queues the requester's mail, in one transaction.
 */
export async function approveRequest(ctx: AppContext, actor: Actor, id: string, input: ApproveInput): Promise<RequestApproved> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const approval = await checkApproval(trx, actor, await repo.findRequest(trx, id, true), input);
    const { request } = approval;
    const audit: Audit = (action, entityType, entityId, detail) =>
      appendActorAudit(trx, actor, { organizationId: request.organization_ids[0] ?? null, action, entityType, entityId, detail }, now);
    const { user, activationLink } = input.addToUserId
      ? { user: await extendAccount(trx, actor, approval, input.addToUserId, audit, now), activationLink: null }
      : await createAccount(ctx, trx, actor, approval, input, audit, now);
    await ctx.mailer.queue(trx, approvalMail(ctx, request, user.username, activationLink, approval.orgs));
    return {
      requestId: request.id,
      status: 'approved' as const,
      user: { id: user.id, username: user.username },
      created: activationLink !== null,
    };
  });
}

export async function denyRequest(ctx: AppContext, actor: Actor, id: string, reason: string): Promise<RequestDenied> {
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
    await ctx.mailer.queue(trx, {
      to: row.email,
      subject: 'Nutmeg IIS: your account request was not approved',
      body:
        `Hello ${row.first_name},\n\nYour request for ${accessTypeLabel(row.access_type)} access was not approved, for this reason:\n\n` +
        `${text}\n\nYou may submit a new request once this is resolved.\n`,
    });
    return row;
  });
  return { requestId: r.id, status: 'denied' as const };
}
