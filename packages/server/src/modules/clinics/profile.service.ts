// The clinic profile: names, addresses, phone/fax/e-mail, delivery hours and the named contacts. Organization
// facts (legal name, physical address, phone; type and medical home set by DPH) are read and written through
// organizations; the rest is this module's. Every saved edit is a version with its field changes; DPH is
// mailed when a coordinator's or signer's contact changes.

import type { ClinicContact, ClinicContactRole, ClinicProfile, ClinicProfileHistory, DeliveryHours } from '@nutmeg/api-types';
import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { findUserById, usersAtOrganization, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { findClinicFacts, findDphOrganization, updateClinicFacts, type ClinicFacts } from '../organizations/index.ts';
import { actsFor, clinicToChange, clinicToRead } from './clinics.policy.ts';
import { deliveryHoursProblems, fullWeek } from './delivery-hours.ts';
import { profileChanges, type FieldChange } from './profile-diff.ts';
import * as repo from './profile.repo.ts';
import type { ProfileInput } from './profile.schemas.ts';

type Db = Kysely<Database>;
const ROLES: readonly ClinicContactRole[] = ['primaryCoordinator', 'backupCoordinator', 'medicalDirector', 'chiefExecutive'];
export const CONTACT_LABELS: Record<ClinicContactRole, string> = {
  primaryCoordinator: 'Primary vaccine coordinator',
  backupCoordinator: 'Backup vaccine coordinator',
  medicalDirector: 'Medical director (CMO / physician signing the agreement)',
  chiefExecutive: 'Chief executive or fiduciary officer',
};

function contactsOf(
  stored: Record<string, Record<string, string | null> | null> | undefined,
): Record<ClinicContactRole, ClinicContact | null> {
  const out = {} as Record<ClinicContactRole, ClinicContact | null>;
  for (const role of ROLES) {
    const c = stored?.[role];
    out[role] = c ? { name: c['name'] ?? '', title: c['title'] ?? null, email: c['email'] ?? '', phone: c['phone'] ?? null } : null;
  }
  return out;
}

/** The profile as presented (every field listed), from the organization's facts and this module's row. */
function presentProfile(facts: ClinicFacts, row: repo.ProfileRow | undefined, canEdit: boolean): ClinicProfile {
  const ship = row?.shipping_address;
  return {
    organizationId: facts.id,
    pin: facts.pin,
    legalName: facts.name,
    dbaName: row?.dba_name ?? null,
    clinicType: facts.clinicType,
    medicalHome: facts.medicalHome,
    active: facts.active,
    physicalAddress: facts.address,
    shippingAddress: ship
      ? { street: ship['street'] ?? '', city: ship['city'] ?? '', state: ship['state'] ?? '', zip: ship['zip'] ?? '' }
      : null,
    phone: facts.phone,
    fax: row?.fax ?? null,
    email: row?.email ?? null,
    deliveryHours: fullWeek(row?.delivery_hours ?? {}),
    contacts: contactsOf(row?.contacts),
    enrolment: {
      status: row?.enrolment_status ?? 'not_enrolled',
      enrolledOn: row?.enrolled_on ?? null,
      endedOn: row?.enrolment_ended_on ?? null,
    },
    version: row?.version ?? 0,
    updatedAt: row?.updated_at.toISOString() ?? null,
    canEdit,
  };
}

export async function loadProfile(db: Db, organizationId: string, canEdit: boolean): Promise<ClinicProfile> {
  const facts = await findClinicFacts(db, organizationId);
  if (!facts) throw notFound('The clinic');
  return presentProfile(facts, await repo.profileOf(db, organizationId), canEdit);
}

export async function getProfile(ctx: AppContext, actor: Actor, organizationId?: string): Promise<ClinicProfile> {
  const clinic = await clinicToRead(ctx.db, actor, organizationId);
  return loadProfile(ctx.db, clinic.id, actsFor(actor, clinic.id));
}

/** The fields an edit may change, in the order DPH reads them. */
function editable(
  p: Pick<
    ClinicProfile,
    'legalName' | 'dbaName' | 'physicalAddress' | 'shippingAddress' | 'phone' | 'fax' | 'email' | 'deliveryHours' | 'contacts'
  >,
) {
  return {
    legalName: p.legalName,
    dbaName: p.dbaName,
    physicalAddress: p.physicalAddress,
    shippingAddress: p.shippingAddress,
    phone: p.phone,
    fax: p.fax,
    email: p.email,
    deliveryHours: p.deliveryHours,
    contacts: p.contacts,
  };
}

export async function updateProfile(ctx: AppContext, actor: Actor, input: ProfileInput): Promise<ClinicProfile> {
  const clinic = clinicToChange(actor, 'The clinic keeps its own profile; DPH reads it and sees every change.');
  const hours: DeliveryHours = fullWeek(input.deliveryHours);
  const problems = deliveryHoursProblems(hours);
  if (problems.length) throw invalid('The delivery hours need a change', problems);
  const after = editable({ ...input, email: input.email ?? null, deliveryHours: hours });
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadProfile(trx, clinic.id, true);
    const row = await repo.saveProfileVersion(
      trx,
      clinic.id,
      input.version,
      {
        dba_name: after.dbaName,
        shipping_address: after.shippingAddress ? JSON.stringify(after.shippingAddress) : null,
        fax: after.fax,
        email: after.email,
        delivery_hours: JSON.stringify(after.deliveryHours),
        contacts: JSON.stringify(after.contacts),
      },
      now,
    );
    if (!row)
      throw conflict('Someone saved this profile since you opened it; reload it and make your change again.', {
        currentVersion: before.version,
      });
    await updateClinicFacts(trx, clinic.id, { name: after.legalName, address: after.physicalAddress, phone: after.phone });
    const changes = profileChanges(editable(before), after);
    await repo.insertVersion(trx, {
      organizationId: clinic.id,
      version: row.version,
      userId: actor.userId,
      username: actor.username,
      changes,
      at: now,
    });
    await appendActorAudit(
      trx,
      actor,
      {
        organizationId: clinic.id,
        action: 'clinic-profile.edit',
        entityType: 'clinic',
        entityId: clinic.id,
        detail: { version: row.version, fields: changes.map((c) => c.field) },
      },
      now,
    );
    const contactChanges = changes.filter((c) => c.field.startsWith('contacts.'));
    if (contactChanges.length) await mailDph(ctx, trx, clinic, actor, contactChanges);
    return loadProfile(trx, clinic.id, true);
  });
}

/** DPH's vaccine program approvers are told that a coordinator's or signer's contact details changed. */
async function mailDph(
  ctx: AppContext,
  trx: Db,
  clinic: { name: string; pin: string | null },
  actor: Actor,
  changes: FieldChange[],
): Promise<void> {
  const dph = await findDphOrganization(trx);
  if (!dph) return;
  const members = await usersAtOrganization(trx, dph.id);
  const users = await Promise.all([...new Set(members.map((m) => m.id))].map((id) => findUserById(trx, id)));
  const approvers = users.filter((u) => u && u.status === 'active' && u.dph_roles.includes('vaccine_program_approver')).map((u) => u!);
  const roles = [...new Set(changes.map((c) => c.field.split('.')[1] as ClinicContactRole))];
  const lines = changes.map((c) => `- ${c.field.replace('contacts.', '')}: ${show(c.before)} → ${show(c.after)}`);
  for (const u of approvers)
    await ctx.mailer.queue(trx, {
      to: u.email,
      subject: `Nutmeg IIS: contact change at ${clinic.name} (${clinic.pin ?? ''})`,
      body:
        `${actor.displayName} (${actor.username}) changed the ${roles.map((r) => CONTACT_LABELS[r].toLowerCase()).join(', ')} of ${clinic.name} (${clinic.pin ?? ''}).\n\n` +
        `${lines.join('\n')}\n\nThe clinic's profile history in Nutmeg shows every change.\n`,
    });
}

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '(none)' : String(v));

export async function profileHistory(ctx: AppContext, actor: Actor, organizationId?: string): Promise<ClinicProfileHistory> {
  const clinic = await clinicToRead(ctx.db, actor, organizationId);
  const rows = await repo.versionsOf(ctx.db, clinic.id);
  return {
    clinic,
    versions: rows.map((r) => ({
      version: r.version,
      changedBy: r.changed_by_username,
      changedAt: r.changed_at.toISOString(),
      changes: r.changes,
    })),
  };
}
