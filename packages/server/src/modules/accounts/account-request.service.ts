import { z } from 'zod';
import type { AgreementAcceptance } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { conflict, forbidden, invalid, notFound, type FieldError } from '../../errors.ts';
import { ACCESS_TYPES, ACCESS_TYPE_DEFINITIONS, generateTemporaryPassword, isAccessType, type AccessType, type Actor, type DphRole } from '../access/index.ts';
import { createUser, proposeUsername } from '../access/user.service.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { accessTypeLabel, ORGANIZATION_CODE_LABELS, presentAccessType, presentOrganization, type OrganizationRef } from './account.present.ts';
import * as repo from './account-request.repo.ts';
import { matchStaff, parsePins, type StaffMatch } from './staff-match.ts';

export interface Origin {
  ip: string | null;
}

/** The public form's choices: the seed's eight access types and the agreements in force. */
export async function requestOptions(ctx: AppContext) {
  const agreements = await repo.currentAgreements(ctx.db, ctx.clock.now());
  return {
    accessTypes: ACCESS_TYPES.map(presentAccessType),
    agreements: agreements.map((a) => ({ kind: a.kind, version: a.version, title: a.title, body: a.body })),
  };
}

/** Lets the form show the clinic's name next to a typed PIN before submitting. */
export async function lookupOrganization(ctx: AppContext, pin: string) {
  const [org] = await repo.findOrganizationsByPins(ctx.db, parsePins(pin).slice(0, 1));
  if (!org || !org.active) throw notFound(`An organization with PIN or code ${pin.trim().toUpperCase()}`);
  return presentOrganization(org);
}

export interface AccountRequestInput {
  accessType: string;
  pins?: string | string[] | undefined;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  jobTitle: string;
  /** The version of each agreement the requester accepted, as shown to them. */
  agreements?: { user?: string | undefined; confidentiality?: string | undefined } | undefined;
}

const filled = (what: string, max = 100) => z.string().trim().min(1, `Enter ${what}.`).max(max, `Use at most ${max} characters.`);
/** The requester's contact data; every field is required. */
const ContactFields = z.object({
  firstName: filled('your first name'),
  lastName: filled('your last name'),
  email: z.string().trim().min(1, 'Enter your e-mail address.').max(254).pipe(z.email('Enter a valid e-mail address, like name@example.org.')),
  phone: z
    .string()
    .trim()
    .min(1, 'Enter a phone number.')
    .max(40)
    .regex(/^[0-9+().\-\s xext]+$/i, 'Use digits, spaces and + ( ) - only.')
    .refine((p) => p.replace(/\D/g, '').length >= 10, 'Enter the full phone number with area code.'),
  jobTitle: filled('your job title'),
});

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}

/**
 * Public "Request User Account". Every problem comes back at once as a field-level message;
 * the request and its audit entry are saved together or not at all.
 */
export async function submitRequest(ctx: AppContext, input: AccountRequestInput, origin: Origin) {
  const now = ctx.clock.now();
  const problems: FieldError[] = [];
  const accessType = isAccessType(input.accessType) ? input.accessType : null;
  if (!accessType) problems.push({ path: 'accessType', message: 'Choose the type of access you need.' });

  // Organizations: by PIN/code, of the kind the access type works for.
  let organizations: OrganizationRef[] = [];
  if (accessType) {
    const kind = ACCESS_TYPE_DEFINITIONS[accessType].organizationKind;
    const codeLabel = ORGANIZATION_CODE_LABELS[kind];
    const pins = parsePins(input.pins ?? '');
    if (pins.length === 0 && kind === 'dph') {
      const dph = await repo.findDphOrganization(ctx.db);
      if (dph) organizations = [dph];
    } else if (pins.length === 0) {
      problems.push({ path: 'pins', message: `Enter the ${codeLabel}${kind === 'clinic' ? '(s), separated by commas' : ''}.` });
    } else {
      const found = await repo.findOrganizationsByPins(ctx.db, pins);
      const byPin = new Map(found.map((o) => [o.pin!.toUpperCase(), o]));
      const messages: string[] = [];
      for (const pin of pins) {
        const o = byPin.get(pin);
        if (!o || !o.active) messages.push(`No active organization has the PIN or code ${pin}.`);
        else if (o.kind !== kind) messages.push(`${pin} is ${o.name}, not a ${kind.replace('_', ' ')}: ${ACCESS_TYPE_DEFINITIONS[accessType].label} needs a ${codeLabel}.`);
        else organizations.push(o);
      }
      if (messages.length) problems.push({ path: 'pins', message: messages.join(' ') });
    }
  }

  // Agreements: the versions in force now, each accepted explicitly.
  const current = await repo.currentAgreements(ctx.db, now);
  const acceptances: AgreementAcceptance[] = [];
  for (const a of current) {
    const accepted = input.agreements?.[a.kind];
    if (!accepted) problems.push({ path: `agreements.${a.kind}`, message: `Read and accept the ${a.title}.` });
    else if (accepted !== a.version) {
      problems.push({ path: `agreements.${a.kind}`, message: `The ${a.title} has changed (now version ${a.version}); read it and accept it again.` });
    } else acceptances.push({ kind: a.kind, version: a.version, acceptedAt: now.toISOString() });
  }
  const contact = ContactFields.safeParse(input);
  if (!contact.success) {
    const seen = new Set<string>();
    for (const issue of contact.error.issues) {
      const path = issue.path.join('.');
      if (!seen.has(path)) problems.push({ path, message: issue.message });
      seen.add(path);
    }
  }
  if (problems.length || !accessType || !contact.success) throw invalid(`The request has ${problems.length} problem${problems.length > 1 ? 's' : ''}; see the marked fields.`, problems);

  const person = contact.data;
  const email = person.email.toLowerCase();
  const duplicate = () =>
    conflict('You already have a pending request for this access type; DPH will review it.', {
      fields: [{ path: 'email', message: `A request for ${accessTypeLabel(accessType)} with this e-mail is already waiting for review.` }],
    });
  let saved: { id: string; created_at: Date };
  try {
    saved = await ctx.db.transaction().execute(async (trx) => {
      if (await repo.findPendingRequest(trx, email, accessType)) throw duplicate();
      const row = await repo.insertRequest(trx, {
        accessType,
        organizationIds: organizations.map((o) => o.id),
        firstName: person.firstName,
        lastName: person.lastName,
        email,
        phone: person.phone,
        jobTitle: person.jobTitle,
        agreements: acceptances,
        ip: origin.ip,
        now,
      });
      await appendAudit(
        trx,
        {
          actorUsername: email,
          organizationId: organizations[0]?.id ?? null,
          action: 'account.request',
          entityType: 'account_request',
          entityId: row.id,
          ip: origin.ip,
          detail: { accessType, pins: organizations.map((o) => o.pin), agreements: acceptances.map((a) => `${a.kind}@${a.version}`) },
        },
        now,
      );
      return row;
    });
  } catch (err) {
    // Two submits racing past the check: the partial unique index catches the second.
    if (isUniqueViolation(err)) throw duplicate();
    throw err;
  }

  await ctx.mailer.send({
    to: email,
    subject: 'Nutmeg IIS: we received your account request',
    body:
      `Hello ${person.firstName},\n\n` +
      `We received your request for ${accessTypeLabel(accessType)} access` +
      (organizations.length ? ` for ${organizations.map((o) => `${o.name} (${o.pin})`).join(', ')}` : '') +
      `.\nThe Department of Public Health reviews requests; you will get your username and a temporary password ` +
      `in two separate messages when it is approved.\n\nRequest reference: ${saved.id}\n`,
  });
  return { id: saved.id, status: 'pending' as const, createdAt: saved.created_at.toISOString() };
}

async function presentRequests(ctx: AppContext, rows: repo.AccountRequestRow[]) {
  const orgIds = [...new Set(rows.flatMap((r) => r.organization_ids))];
  const orgs = new Map((await repo.findOrganizationsByIds(ctx.db, orgIds)).map((o) => [o.id, o]));
  const deciders = await repo.usernamesByIds(ctx.db, [...new Set(rows.map((r) => r.decided_by).filter((x): x is string => !!x))]);
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    accessType: r.access_type,
    accessTypeLabel: accessTypeLabel(r.access_type),
    organizations: r.organization_ids.map((id) => orgs.get(id)).filter((o): o is NonNullable<typeof o> => !!o).map(presentOrganization),
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

export async function listRequests(ctx: AppContext, _actor: Actor, f: { status?: 'pending' | 'approved' | 'denied' | undefined; page: number }) {
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
    return { organizationId: id, pin: o?.pin ?? null, name: o?.name ?? 'unknown organization', onStaffList: match !== null, matchedBy: match };
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
}

/**
 * Approval creates the user with one membership per requested organization, marks the request
 * and audits, in one transaction; then the username and the temporary password go out in two
 * separate messages, so one intercepted mail is not enough to sign in.
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
      if (dphRoles.length === 0) throw invalid('Choose at least one DPH role for this account.', [{ path: 'dphRoles', message: 'Choose at least one role.' }]);
      if (dphRoles.includes('administrator') && !actor.dphRoles.includes('administrator')) {
        throw forbidden('Only a DPH administrator can grant the administrator role.');
      }
    }
    const existing = (await repo.findUsersByEmail(trx, r.email)).filter((u) => u.status === 'active');
    if (existing.length) {
      throw conflict(
        `An active account with this e-mail exists (${existing.map((u) => u.username).join(', ')}): add the membership to it in user administration, and deny this request as a duplicate.`,
        { step: 'existing_user' },
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
    const audit = { actorUserId: actor.userId, actorUsername: actor.username, organizationId: r.organization_ids[0] ?? null, ip: actor.ip };
    await appendAudit(trx, { ...audit, action: 'account.approve', entityType: 'account_request', entityId: r.id, detail: { userId: user.id, username: user.username } }, now);
    await appendAudit(
      trx,
      { ...audit, action: 'user.create', entityType: 'user', entityId: user.id, detail: { username: user.username, accessType, organizationIds: r.organization_ids, dphRoles, requestId: r.id } },
      now,
    );
    return { user, request: r };
  });

  const { user, request: r } = result;
  const signIn = `${ctx.config.PUBLIC_URL.replace(/\/$/, '')}/login`;
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
  return { requestId: r.id, status: 'approved' as const, user: { id: user.id, username: user.username } };
}

export async function denyRequest(ctx: AppContext, actor: Actor, id: string, reason: string) {
  const now = ctx.clock.now();
  const text = reason.trim();
  if (text.length < 3) throw invalid('Give the reason for the denial; it is sent to the requester.', [{ path: 'reason', message: 'Enter a reason.' }]);
  const r = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findRequest(trx, id, true);
    if (!row) throw notFound('The account request');
    if (row.status !== 'pending') throw conflict(`This request was already ${row.status}.`);
    await repo.decideRequest(trx, row.id, { status: 'denied', by: actor.userId, at: now, reason: text, userId: null });
    await appendAudit(
      trx,
      { actorUserId: actor.userId, actorUsername: actor.username, organizationId: row.organization_ids[0] ?? null, action: 'account.deny', entityType: 'account_request', entityId: row.id, ip: actor.ip, detail: { reason: text } },
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

