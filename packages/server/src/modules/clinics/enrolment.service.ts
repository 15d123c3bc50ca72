// DPH enrols a clinic (a new PIN, its names, type, medical-home flag, VFC/CVP enrolment, addresses) and
// deactivates one: in one transaction the clinic becomes inactive, every membership there ends (an account left
// with none is deactivated and signed out), its staff list closes, its enrolment ends and its patients'
// ownership is released (patients does that through its index). Of two DPH users deactivating, one wins.

import type { ClinicDeactivated, ClinicProfile } from '@nutmeg/api-types';
import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { conflict, forbidden, invalid, notFound } from '../../errors.ts';
import { endMembershipsDeactivatingOrphans, isStatewide, usersAtOrganization, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import {
  closeStaffListOf,
  deactivateClinicOrganization,
  enrolClinicOrganization,
  findOrganization,
  jurisdictionIdOf,
} from '../organizations/index.ts';
import { releaseOwnershipOfClinic } from '../patients/index.ts';
import { enrolmentDateProblems } from './enrolment-rules.ts';
import type { EnrolClinicInput } from './enrolment.schemas.ts';
import { profileChanges } from './profile-diff.ts';
import * as repo from './profile.repo.ts';
import { loadProfile } from './profile.service.ts';

type Db = Kysely<Database>;

function assertDph(actor: Actor): void {
  if (!isStatewide(actor)) throw forbidden('DPH enrols and deactivates clinics.');
}

export async function enrolClinic(ctx: AppContext, actor: Actor, input: EnrolClinicInput): Promise<ClinicProfile> {
  assertDph(actor);
  const problems = enrolmentDateProblems(input.enrolment);
  if (problems.length) throw invalid('The enrolment needs a change', problems);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const org = await enrolClinicOrganization(trx, {
      jurisdictionId: await jurisdictionIdOf(trx, actor.scope?.organizationId ?? null),
      name: input.legalName,
      clinicType: input.clinicType,
      medicalHome: input.medicalHome,
      town: input.physicalAddress.city,
      address: input.physicalAddress,
      phone: input.phone,
    });
    const row = await repo.saveProfileVersion(
      trx,
      org.id,
      0,
      {
        dba_name: input.dbaName,
        shipping_address: input.shippingAddress ? JSON.stringify(input.shippingAddress) : null,
        fax: null,
        email: null,
        enrolment_status: input.enrolment.status,
        enrolled_on: input.enrolment.enrolledOn,
        enrolment_ended_on: input.enrolment.endedOn,
      },
      now,
    );
    const changes = profileChanges({}, { pin: org.pin, ...input });
    await repo.insertVersion(trx, {
      organizationId: org.id,
      version: row!.version,
      userId: actor.userId,
      username: actor.username,
      changes,
      at: now,
    });
    await appendActorAudit(
      trx,
      actor,
      { organizationId: org.id, action: 'clinic.enrol', entityType: 'clinic', entityId: org.id, detail: { pin: org.pin, name: org.name } },
      now,
    );
    return loadProfile(trx, org.id, false);
  });
}

/** Ends every membership at the clinic; accounts left with none are deactivated (which ends their sessions). */
async function endAccessAt(trx: Db, organizationId: string, now: Date) {
  const members = await usersAtOrganization(trx, organizationId);
  return endMembershipsDeactivatingOrphans(
    trx,
    members.map((m) => m.membership_id),
    now,
  );
}

export async function deactivateClinic(ctx: AppContext, actor: Actor, id: string, reason: string): Promise<ClinicDeactivated> {
  assertDph(actor);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const clinic = await deactivateClinicOrganization(trx, id);
    if (!clinic) {
      const o = await findOrganization(trx, id);
      if (!o || o.kind !== 'clinic') throw notFound('The clinic');
      throw conflict(`${o.name} (${o.pin}) is deactivated already.`, {});
    }
    const access = await endAccessAt(trx, id, now);
    const staffClosed = await closeStaffListOf(trx, id, now);
    await repo.endEnrolment(trx, id, jurisdictionToday(ctx.clock), now);
    const patientIds = await releaseOwnershipOfClinic(trx, id, `Clinic deactivated by DPH: ${reason}`, actor.userId, now);
    await appendActorAudit(
      trx,
      actor,
      {
        organizationId: id,
        action: 'clinic.deactivate',
        entityType: 'clinic',
        entityId: id,
        detail: {
          reason,
          membershipIds: access.membershipIds,
          accountsDeactivated: access.deactivatedUserIds,
          staffEntriesClosed: staffClosed,
          patientIds,
        },
      },
      now,
    );
    return {
      organizationId: id,
      pin: clinic.pin,
      membershipsEnded: access.membershipIds.length,
      accountsDeactivated: access.deactivatedUserIds.length,
      patientsReleased: patientIds.length,
    };
  });
}
