// DPH's vaccine-program staff change a clinic's type, medical-home flag and VFC/CVP enrolment during the year.
// Saved over the profile version DPH read (a stale one is a 409), recorded as a profile version with each field
// before and after (the history DPH and the clinic already see) and audited. Transitions: enrolment-rules.ts.

import type { ClinicProfile } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { conflict, forbidden, invalid } from '../../errors.ts';
import { isStatewide, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { updateClinicProgramFacts } from '../organizations/index.ts';
import { enrolmentProblems } from './enrolment-rules.ts';
import type { EnrolmentFactsInput } from './enrolment.schemas.ts';
import { profileChanges } from './profile-diff.ts';
import * as repo from './profile.repo.ts';
import { loadProfile } from './profile.service.ts';

const facts = (p: Pick<ClinicProfile, 'clinicType' | 'medicalHome' | 'enrolment'>) => ({
  clinicType: p.clinicType,
  medicalHome: p.medicalHome,
  enrolment: { status: p.enrolment.status, enrolledOn: p.enrolment.enrolledOn, endedOn: p.enrolment.endedOn },
});

export async function updateEnrolmentFacts(
  ctx: AppContext,
  actor: Actor,
  organizationId: string,
  input: EnrolmentFactsInput,
): Promise<ClinicProfile> {
  if (!isStatewide(actor)) throw forbidden('DPH sets a clinic’s type and enrolment.');
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await loadProfile(trx, organizationId, false);
    if (!before.active) throw conflict(`${before.legalName} (${before.pin}) is deactivated; its enrolment is closed.`, {});
    const stale = () =>
      conflict('Someone saved this profile since you opened it; reload it and make your change again.', {
        currentVersion: before.version,
      });
    if (input.version !== before.version) throw stale();
    const problems = enrolmentProblems(before.enrolment.status, input.enrolment);
    if (problems.length) throw invalid('The enrolment needs a change', problems);
    const row = await repo.saveEnrolmentVersion(
      trx,
      organizationId,
      input.version,
      { enrolment_status: input.enrolment.status, enrolled_on: input.enrolment.enrolledOn, enrolment_ended_on: input.enrolment.endedOn },
      now,
    );
    if (!row) throw stale();
    await updateClinicProgramFacts(trx, organizationId, { clinicType: input.clinicType, medicalHome: input.medicalHome });
    const changes = profileChanges(facts(before), facts(input));
    await repo.insertVersion(trx, {
      organizationId,
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
        organizationId,
        action: 'clinic.enrolment-edit',
        entityType: 'clinic',
        entityId: organizationId,
        detail: { version: row.version, fields: changes.map((c) => c.field) },
      },
      now,
    );
    return loadProfile(trx, organizationId, false);
  });
}
