import type { AccountRequestCreated, OrganizationRef, RequestOptions } from '@nutmeg/api-types';
import { z } from 'zod';
import type { AgreementAcceptance } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { conflict, invalid, notFound, type FieldError } from '../../errors.ts';
import {
  accessTypeLabel,
  ACCESS_TYPES,
  ACCESS_TYPE_DEFINITIONS,
  DPH_ROLE_LABELS,
  DPH_ROLES,
  isAccessType,
  type AccessType,
} from '../access/index.ts';
import { appendAudit } from '../audit/index.ts';
import { findDphOrganization, findOrganizationsByPins } from '../organizations/index.ts';
import { ORGANIZATION_CODE_LABELS, presentAccessType, presentOrganization } from './account.present.ts';
import * as repo from './account-request.repo.ts';
import { parsePins } from './staff-match.ts';

export interface Origin {
  ip: string | null;
}

/** The public form's choices: the seed's eight access types, the agreements in force, and DPH's roles. */
export async function requestOptions(ctx: AppContext): Promise<RequestOptions> {
  const agreements = await repo.currentAgreements(ctx.db, ctx.clock.now());
  return {
    accessTypes: ACCESS_TYPES.map(presentAccessType),
    agreements: agreements.map((a) => ({ kind: a.kind, version: a.version, title: a.title, body: a.body })),
    dphRoles: DPH_ROLES.map((role) => ({ role, label: DPH_ROLE_LABELS[role] })),
  };
}

/** Registers agreement texts (reference data); a kind and version already there stays as it is. */
export function addAgreementVersions(
  db: AppContext['db'],
  versions: ReadonlyArray<{ kind: 'user' | 'confidentiality'; version: string; title: string; body: string }>,
): Promise<void> {
  return repo.insertAgreementVersionsUnlessExist(db, versions);
}

/** Lets the form show the clinic's name next to a typed PIN before submitting. */
export async function lookupOrganization(ctx: AppContext, pin: string): Promise<OrganizationRef> {
  const [org] = await findOrganizationsByPins(ctx.db, parsePins(pin).slice(0, 1));
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
  email: z
    .string()
    .trim()
    .min(1, 'Enter your e-mail address.')
    .max(254)
    .pipe(z.email('Enter a valid e-mail address, like name@example.org.')),
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

/** The organizations named by PIN/code, of the kind the access type works for (DPH's when none is typed for DPH). */
async function requestedOrganizations(ctx: AppContext, accessType: AccessType, input: AccountRequestInput, problems: FieldError[]) {
  const kind = ACCESS_TYPE_DEFINITIONS[accessType].organizationKind;
  const codeLabel = ORGANIZATION_CODE_LABELS[kind];
  const pins = parsePins(input.pins ?? '');
  if (pins.length === 0 && kind === 'dph') {
    const dph = await findDphOrganization(ctx.db);
    return dph ? [dph] : [];
  }
  if (pins.length === 0) {
    problems.push({ path: 'pins', message: `Enter the ${codeLabel}${kind === 'clinic' ? '(s), separated by commas' : ''}.` });
    return [];
  }
  const byPin = new Map((await findOrganizationsByPins(ctx.db, pins)).map((o) => [o.pin!.toUpperCase(), o]));
  const organizations: OrganizationRef[] = [];
  const messages: string[] = [];
  for (const pin of pins) {
    const o = byPin.get(pin);
    if (!o || !o.active) messages.push(`No active organization has the PIN or code ${pin}.`);
    else if (o.kind !== kind)
      messages.push(
        `${pin} is ${o.name}, not a ${kind.replace('_', ' ')}: ${ACCESS_TYPE_DEFINITIONS[accessType].label} needs a ${codeLabel}.`,
      );
    else organizations.push(o);
  }
  if (messages.length) problems.push({ path: 'pins', message: messages.join(' ') });
  return organizations;
}

/** The agreements in force now, each accepted explicitly in the version shown. */
async function acceptedAgreements(ctx: AppContext, input: AccountRequestInput, now: Date, problems: FieldError[]) {
  const acceptances: AgreementAcceptance[] = [];
  for (const a of await repo.currentAgreements(ctx.db, now)) {
    const accepted = input.agreements?.[a.kind];
    if (!accepted) problems.push({ path: `agreements.${a.kind}`, message: `Read and accept the ${a.title}.` });
    else if (accepted !== a.version) {
      problems.push({
        path: `agreements.${a.kind}`,
        message: `The ${a.title} has changed (now version ${a.version}); read it and accept it again.`,
      });
    } else acceptances.push({ kind: a.kind, version: a.version, acceptedAt: now.toISOString() });
  }
  return acceptances;
}

function contactOf(input: AccountRequestInput, problems: FieldError[]) {
  const contact = ContactFields.safeParse(input);
  if (contact.success) return contact.data;
  const seen = new Set<string>();
  for (const issue of contact.error.issues) {
    const path = issue.path.join('.');
    if (!seen.has(path)) problems.push({ path, message: issue.message });
    seen.add(path);
  }
  return undefined;
}

interface CheckedRequest {
  accessType: AccessType;
  organizations: OrganizationRef[];
  acceptances: AgreementAcceptance[];
  person: z.infer<typeof ContactFields>;
}

/**
 * The request, its audit entry and the acknowledgement mail, saved together or not at all. Two submits racing
 * past the pending-request check: the partial unique index refuses the second.
 */
async function saveRequest(ctx: AppContext, r: CheckedRequest, origin: Origin, now: Date) {
  const { accessType, organizations, acceptances, person } = r;
  const email = person.email.toLowerCase();
  const duplicate = () =>
    conflict('You already have a pending request for this access type; DPH will review it.', {
      fields: [{ path: 'email', message: `A request for ${accessTypeLabel(accessType)} with this e-mail is already waiting for review.` }],
    });
  try {
    return await ctx.db.transaction().execute(async (trx) => {
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
      await ctx.mailer.queue(trx, {
        to: email,
        subject: 'Nutmeg IIS: we received your account request',
        body:
          `Hello ${person.firstName},\n\n` +
          `We received your request for ${accessTypeLabel(accessType)} access` +
          (organizations.length ? ` for ${organizations.map((o) => `${o.name} (${o.pin})`).join(', ')}` : '') +
          `.\nThe Department of Public Health reviews requests; you will get your username and a temporary password ` +
          `in two separate messages when it is approved.\n\nRequest reference: ${row.id}\n`,
      });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate();
    throw err;
  }
}

/**
 * Public "Request User Account". Every problem comes back at once as a field-level message;
 * the request and its audit entry are saved together or not at all.
 */
export async function submitRequest(ctx: AppContext, input: AccountRequestInput, origin: Origin): Promise<AccountRequestCreated> {
  const now = ctx.clock.now();
  const problems: FieldError[] = [];
  const accessType = isAccessType(input.accessType) ? input.accessType : null;
  if (!accessType) problems.push({ path: 'accessType', message: 'Choose the type of access you need.' });
  const organizations = accessType ? await requestedOrganizations(ctx, accessType, input, problems) : [];
  const acceptances = await acceptedAgreements(ctx, input, now, problems);
  const person = contactOf(input, problems);
  if (problems.length || !accessType || !person)
    throw invalid(`The request has ${problems.length} problem${problems.length > 1 ? 's' : ''}; see the marked fields.`, problems);
  const saved = await saveRequest(ctx, { accessType, organizations, acceptances, person }, origin, now);
  return { id: saved.id, status: 'pending' as const, createdAt: saved.created_at.toISOString() };
}
