// The scan for likely duplicates among existing records (DPH starts it from /admin/duplicates; a job runs it):
// SQL blocks candidate pairs one birth year at a time (possible-duplicate-scan.repo.ts), the matcher scores each
// pair as it scores a search, and a pair at the possible-match score or above is queued for the data steward,
// once per pair ever (a re-run finds nothing new; a pair decided "not a duplicate" is never queued again).
import type { AppContext } from '../../context.ts';
import { forbidden } from '../../errors.ts';
import { can, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { enqueueJob, type JobHandler } from '../jobs/index.ts';
import { scoreMatch, POSSIBLE_MATCH_THRESHOLD } from './patient-match.ts';
import { loadMatchSubjects } from './patient-search.repo.ts';
import { birthYearRange, candidatePairsBornIn } from './possible-duplicate-scan.repo.ts';
import { queuePossibleDuplicate } from './possible-duplicate.service.ts';

export const DUPLICATE_SCAN_JOB = 'patients.duplicate_scan';

export interface ScanOutcome {
  years: number;
  candidates: number;
  queued: number;
}

/** Scans every birth year; `progress` hears after each one (percent done, a sentence). */
export async function scanForDuplicates(
  ctx: AppContext,
  progress?: (percent: number, note: string) => Promise<void> | void,
): Promise<ScanOutcome> {
  const out: ScanOutcome = { years: 0, candidates: 0, queued: 0 };
  const range = await birthYearRange(ctx.db);
  if (!range) return out;
  for (let year = range.from; year <= range.to; year++) {
    const pairs = await candidatePairsBornIn(ctx.db, year);
    if (pairs.length) {
      const subjects = new Map(
        (await loadMatchSubjects(ctx.db, [...new Set(pairs.flatMap((p) => [p.low, p.high]))])).map((c) => [c.id, c]),
      );
      for (const p of pairs) {
        const a = subjects.get(p.low);
        const b = subjects.get(p.high);
        if (!a || !b) continue;
        const m = scoreMatch(a.subject, b.subject);
        if (m.score < POSSIBLE_MATCH_THRESHOLD) continue;
        const r = await queuePossibleDuplicate(
          ctx.db,
          { patientId: p.low, candidateId: p.high, score: m.score, reasons: m.reasons, source: 'scan' },
          ctx.clock.now(),
        );
        if (r.queued) out.queued++;
      }
    }
    out.years++;
    out.candidates += pairs.length;
    await progress?.(
      Math.floor((100 * (year - range.from + 1)) / (range.to - range.from + 1)),
      `Born ${year}: ${pairs.length} candidate pairs; ${out.queued} queued so far`,
    );
  }
  return out;
}

/** DPH data steward starts a scan (a job): audited; returns the job's id. */
export async function requestDuplicateScan(ctx: AppContext, actor: Actor): Promise<{ jobId: string }> {
  if (!can(actor, 'patient:merge')) throw forbidden('Only DPH data stewards scan for duplicates');
  const jobId = await enqueueJob(ctx.db, DUPLICATE_SCAN_JOB, { requestedBy: actor.userId }, ctx.clock.now());
  await appendActorAudit(
    ctx.db,
    actor,
    { action: 'patient.duplicates.scan_requested', entityType: 'job', entityId: jobId, detail: {} },
    ctx.clock.now(),
  );
  return { jobId };
}

export function patientJobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return { [DUPLICATE_SCAN_JOB]: async () => ({ ...(await scanForDuplicates(ctx)) }) };
}
