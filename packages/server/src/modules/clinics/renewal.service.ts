// Provider agreement renewal: a nightly job mails each active clinic's coordinators and CMO (and CEO for
// COVID-19) AGREEMENT_RENEWAL_NOTICE_DAYS before the program year ends without next year's agreement approved,
// and once the year has begun without one. Each notice is claimed in SQL first, so it is mailed once.

import type { AgreementProgram } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { groupBy } from '../../collections.ts';
import { jurisdictionToday } from '../../dates.ts';
import { usersAtOrganization } from '../access/index.ts';
import { enqueueJob, ensureJobScheduled, nextDailyRun, type JobHandler } from '../jobs/index.ts';
import { listActiveOrganizations, type Organization } from '../organizations/index.ts';
import * as agreements from './agreement.repo.ts';
import * as profiles from './profile.repo.ts';
import { noticesDue, type NoticeDue } from './renewal-rules.ts';
import * as repo from './renewal.repo.ts';

export const AGREEMENT_RENEWAL_JOB = 'clinics.agreement-renewal';

const PROGRAM_NAMES: Record<AgreementProgram, string> = {
  cvp: 'Connecticut Vaccine Program (CVP/VFC)',
  covid19: 'COVID-19 Vaccination Program',
};
const RECIPIENT_TYPES: Record<AgreementProgram, readonly string[]> = {
  cvp: ['primary_coordinator', 'backup_coordinator', 'cmo_signing'],
  covid19: ['primary_coordinator', 'backup_coordinator', 'cmo_signing', 'ceo_signing'],
};

/** The renewal job runs nightly at this time on Connecticut's clocks. */
const RENEWAL_RUN_TIME = '02:30';

function mailOf(clinic: Organization, n: NoticeDue): { subject: string; body: string } {
  const program = PROGRAM_NAMES[n.program];
  const where = `${clinic.name} (${clinic.pin ?? ''})`;
  if (n.kind === 'reminder')
    return {
      subject: `Nutmeg IIS: renew the ${n.programYear} provider agreement of ${where}`,
      body:
        `The ${n.programYear - 1} program year of the ${program} ends on December 31, ${n.programYear - 1}, and ${where} has no ` +
        `approved ${n.programYear} agreement yet.\n\nThe coordinator drafts it in Nutmeg (Clinic tools, Provider agreements), the ` +
        `signing officer${n.program === 'covid19' ? 's sign' : ' signs'} it, and DPH reviews it. Ordering public vaccine needs an approved agreement.\n`,
    };
  return {
    subject: `Nutmeg IIS: ${where} has no approved ${n.programYear} provider agreement`,
    body:
      `The ${n.programYear} program year of the ${program} has begun and ${where} has no approved ${n.programYear} agreement. ` +
      `Until DPH approves one, the clinic cannot order public vaccine.\n\nDraft, sign and submit it in Nutmeg (Clinic tools, Provider agreements).\n`,
  };
}

/** Mails every notice due today that was not mailed before; returns how many notices and mails were sent. */
export async function sendRenewalNotices(ctx: AppContext): Promise<{ notices: number; mails: number }> {
  const today = jurisdictionToday(ctx.clock);
  const year = Number(today.slice(0, 4));
  const clinics = await listActiveOrganizations(ctx.db, 'clinic');
  const ids = clinics.map((c) => c.id);
  const enrolled = new Set(
    (await profiles.enrolmentsOf(ctx.db, ids)).filter((p) => p.enrolment_status === 'enrolled').map((p) => p.organization_id),
  );
  const byClinic = groupBy(await agreements.agreementsForYears(ctx.db, ids, [year - 1, year, year + 1]), (r) => r.organization_id);
  let notices = 0;
  let mails = 0;
  for (const clinic of clinics) {
    const due = noticesDue({
      today,
      noticeDays: ctx.config.AGREEMENT_RENEWAL_NOTICE_DAYS,
      enrolled: enrolled.has(clinic.id),
      agreements: (byClinic.get(clinic.id) ?? []).map((r) => ({ program: r.program, programYear: r.program_year, status: r.status })),
    });
    if (due.length === 0) continue;
    await ctx.db.transaction().execute(async (trx) => {
      const people = (await usersAtOrganization(trx, clinic.id)).filter((u) => u.status === 'active');
      for (const n of due) {
        const to = [...new Set(people.filter((u) => RECIPIENT_TYPES[n.program].includes(u.access_type)).map((u) => u.email))];
        const claimed = await repo.claimNotice(trx, { organizationId: clinic.id, ...n, recipients: to.length, at: ctx.clock.now() });
        if (!claimed) continue;
        notices++;
        const mail = mailOf(clinic, n);
        for (const address of to) await ctx.mailer.queue(trx, { to: address, ...mail });
        mails += to.length;
      }
    });
  }
  return { notices, mails };
}

export function clinicsJobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return {
    [AGREEMENT_RENEWAL_JOB]: async () => {
      const sent = await sendRenewalNotices(ctx);
      await enqueueJob(ctx.db, AGREEMENT_RENEWAL_JOB, {}, nextDailyRun(ctx.clock.now(), RENEWAL_RUN_TIME));
      return sent;
    },
  };
}

/** Makes sure the nightly renewal run is scheduled (once, whichever process starts first). */
export async function scheduleAgreementRenewal(ctx: AppContext): Promise<void> {
  await ensureJobScheduled(ctx.db, AGREEMENT_RENEWAL_JOB, nextDailyRun(ctx.clock.now(), RENEWAL_RUN_TIME));
}
