// The match review: an entry in the grey zone, its candidates side by side (score and reasons), and the nurse's
// choice — one of the candidates, or leaving the student unmatched.
import type { MatchCandidateView, MatchReviewView, RosterEntryView } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { loadPatientRows } from '../patients/index.ts';
import { exemptionsInForce } from './exemption.repo.ts';
import { presentEntry } from './roster.present.ts';
import * as repo from './roster.repo.ts';
import { schoolFor } from './school.policy.ts';

async function candidateView(
  ctx: AppContext,
  c: { patient_id: string; score: number; reasons: string[] },
): Promise<MatchCandidateView | null> {
  const rows = await loadPatientRows(ctx.db, c.patient_id);
  // A candidate merged or opted out since the upload is no longer offered.
  if (!rows || rows.row.merged_into || rows.row.opted_out) return null;
  const p = rows.row;
  return {
    patientId: p.id,
    iisId: p.iis_id,
    name: { first: p.first_name, middle: p.middle_name, last: p.last_name },
    dob: p.dob,
    sex: p.sex,
    town: p.town,
    guardians: rows.guardians.map((g) => `${g.first_name} ${g.last_name}`.trim()),
    score: c.score,
    reasons: c.reasons,
  };
}

/** The entry and its candidates; showing registry records to the nurse is a disclosure, audited with their ids. */
export async function getReview(ctx: AppContext, actor: Actor, schoolId: string, entryId: string): Promise<MatchReviewView> {
  const school = await schoolFor(ctx, actor, schoolId, 'manage');
  const entry = await repo.entryById(ctx.db, entryId);
  if (!entry || entry.school_id !== school.id || entry.removed_at) throw notFound('Student');
  const candidates = (await Promise.all((await repo.candidatesOf(ctx.db, entry.id)).map((c) => candidateView(ctx, c)))).filter(
    (c): c is MatchCandidateView => c !== null,
  );
  await appendActorAudit(
    ctx.db,
    actor,
    {
      action: 'school.roster.review.view',
      entityType: 'roster_entry',
      entityId: entry.id,
      detail: { patientIds: candidates.map((c) => c.patientId) },
    },
    ctx.clock.now(),
  );
  const today = jurisdictionToday(ctx.clock);
  return { entry: presentEntry(entry, await exemptionsInForce(ctx.db, school.id, [entry.student_id]), today), candidates };
}

/**
 * Links the entry to one of its candidates, or (patientId null) leaves it unmatched. Only an entry in review is
 * decided, under a row lock, so two nurses deciding at once cannot both win; the record must still be a candidate.
 */
export async function resolveReview(
  ctx: AppContext,
  actor: Actor,
  schoolId: string,
  entryId: string,
  patientId: string | null,
): Promise<RosterEntryView> {
  const school = await schoolFor(ctx, actor, schoolId, 'manage');
  const now = ctx.clock.now();
  const entry = await ctx.db.transaction().execute(async (trx) => {
    const e = await repo.lockEntry(trx, entryId);
    if (!e || e.school_id !== school.id || e.removed_at) throw notFound('Student');
    if (e.match_status !== 'review') throw conflict('This student’s match was already decided');
    const candidates = await repo.candidatesOf(trx, e.id);
    if (patientId) {
      const c = candidates.find((x) => x.patient_id === patientId);
      if (!c || !(await candidateView(ctx, c)))
        throw invalid('That record is not one of the candidates', [{ path: 'patientId', message: 'Pick one of the records shown' }]);
      const taken = await repo.linkedElsewhere(trx, school.id, e.school_year, [patientId], e.id);
      if (taken.size)
        throw invalid('That record is already linked to another student of this roster', [
          { path: 'patientId', message: `Linked to student ${[...taken.values()][0]}` },
        ]);
      await repo.setMatch(
        trx,
        e.id,
        {
          patient_id: patientId,
          match_status: 'linked',
          match_reason: 'Chosen by the school nurse',
          match_score: c.score,
          matched_by: 'nurse',
        },
        now,
      );
    } else {
      await repo.setMatch(
        trx,
        e.id,
        {
          patient_id: null,
          match_status: 'unmatched',
          match_reason: 'None of the candidates is this student (nurse’s review)',
          match_score: null,
          matched_by: 'nurse',
        },
        now,
      );
    }
    await appendActorAudit(
      trx,
      actor,
      { action: 'school.roster.review.decide', entityType: 'roster_entry', entityId: e.id, patientId, detail: { studentId: e.student_id } },
      now,
    );
    return (await repo.entryById(trx, e.id))!;
  });
  return presentEntry(entry, await exemptionsInForce(ctx.db, school.id, [entry.student_id]), jurisdictionToday(ctx.clock));
}
