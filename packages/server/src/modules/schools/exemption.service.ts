// Exemptions from the school-entry requirements, recorded per student by the nurse from the family's document:
// medical (with its expiry, if the document gives one) or religious, of every requirement or of some vaccine groups.
// Counted apart in compliance reports.
import type { ExemptionView } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { invalid, notFound } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { clearExemptions, exemptionById, replaceExemption } from './exemption.repo.ts';
import { requirementGroups } from './requirement.repo.ts';
import { presentExemption } from './roster.present.ts';
import { studentOnRoster } from './roster.repo.ts';
import { schoolFor } from './school.policy.ts';

export interface NewExemption {
  studentId: string;
  kind: 'medical' | 'religious';
  documentDate: string;
  expiresOn?: string | null | undefined;
  vaccineGroups?: string[] | null | undefined;
  note?: string | null | undefined;
}

/** The vaccine groups, checked against those the jurisdiction's requirements name; null: every requirement. */
async function coveredGroups(ctx: AppContext, jurisdictionId: string, groups: readonly string[] | null | undefined) {
  if (!groups) return null;
  const known = new Set(await requirementGroups(ctx.db, jurisdictionId));
  const unknown = groups.filter((g) => !known.has(g));
  if (unknown.length)
    throw invalid(`No school-entry requirement names ${unknown.join(', ')}`, [
      { path: 'vaccineGroups', message: `Not a required vaccine: ${unknown.join(', ')}` },
    ]);
  return [...new Set(groups)].sort();
}

export async function recordExemption(ctx: AppContext, actor: Actor, schoolId: string, x: NewExemption): Promise<ExemptionView> {
  const school = await schoolFor(ctx, actor, schoolId, 'manage');
  const today = jurisdictionToday(ctx.clock);
  if (x.documentDate > today) throw invalid('The document is dated in the future', [{ path: 'documentDate', message: 'Not after today' }]);
  if (x.kind === 'religious' && x.expiresOn)
    throw invalid('A religious exemption does not expire', [{ path: 'expiresOn', message: 'Leave empty for a religious exemption' }]);
  if (x.expiresOn && x.expiresOn < x.documentDate)
    throw invalid('The exemption expires before its document date', [{ path: 'expiresOn', message: 'On or after the document date' }]);
  const vaccineGroups = await coveredGroups(ctx, school.jurisdictionId, x.vaccineGroups);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const entry = await studentOnRoster(trx, school.id, x.studentId);
    if (!entry) throw invalid('No student with this id is on the school’s roster', [{ path: 'studentId', message: 'Not on the roster' }]);
    const saved = await replaceExemption(
      trx,
      {
        school_id: school.id,
        student_id: x.studentId,
        kind: x.kind,
        document_date: x.documentDate,
        expires_on: x.expiresOn ?? null,
        vaccine_groups: vaccineGroups,
        note: x.note ?? null,
        recorded_by: actor.userId,
      },
      now,
    );
    await appendActorAudit(
      trx,
      actor,
      {
        action: 'school.exemption.record',
        entityType: 'school_exemption',
        entityId: saved.id,
        patientId: entry.patient_id,
        detail: { studentId: x.studentId, kind: x.kind, documentDate: x.documentDate, expiresOn: x.expiresOn ?? null, vaccineGroups },
      },
      now,
    );
    return saved;
  });
  return presentExemption(row, today);
}

export async function clearExemption(ctx: AppContext, actor: Actor, schoolId: string, id: string): Promise<void> {
  const school = await schoolFor(ctx, actor, schoolId, 'manage');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const x = await exemptionById(trx, id);
    if (!x || x.school_id !== school.id || x.cleared_at) throw notFound('Exemption');
    await clearExemptions(trx, [x.id], 'cleared by the school nurse', now);
    await appendActorAudit(
      trx,
      actor,
      {
        action: 'school.exemption.clear',
        entityType: 'school_exemption',
        entityId: x.id,
        detail: { studentId: x.student_id, kind: x.kind },
      },
      now,
    );
  });
}
