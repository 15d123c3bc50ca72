// The scan for likely duplicates among existing records (DPH starts it from /admin/duplicates; a job runs it):
// SQL blocks candidate pairs one birth year at a time (possible-duplicate-scan.repo.ts), the matcher scores each
// pair as it scores a search, and a pair at the possible-match score or above is queued for the data steward,
// once per pair ever (a re-run finds nothing new; a pair decided "not a duplicate" is never queued again).
import type { AppContext } from '../../context.ts';
import type { DuplicateScan, DuplicateScanStarted, DuplicateScanStatus } from '@nutmeg/api-types';
import { conflict, forbidden } from '../../errors.ts';
import { inTransaction } from '../../transaction.ts';
import { can, userNamesByIds, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { enqueueJob, type JobHandler } from '../jobs/index.ts';
import { scoreMatch, POSSIBLE_MATCH_THRESHOLD } from './patient-match.ts';
import { loadMatchSubjects } from './patient-search.repo.ts';
import {
  birthYearRange,
  candidatePairsBornIn,
  currentAndLastScan,
  failStaleScans,
  finishScan,
  insertScan,
  setScanJob,
  setScanProgress,
  startScan,
  type ScanRow,
} from './possible-duplicate-scan.repo.ts';
import { queuePossibleDuplicates, type PossibleDuplicateInput } from './possible-duplicate.service.ts';

export const DUPLICATE_SCAN_JOB = 'patients.duplicate_scan';

export interface ScanOutcome {
  years: number;
  candidates: number;
  queued: number;
}

/** Scans every birth year; `progress` hears after each one (percent done, a sentence) and may stop it (false). */
export async function scanForDuplicates(
  ctx: AppContext,
  progress?: (percent: number, note: string) => Promise<boolean | void> | boolean | void,
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
      // Scored here, queued through the queue's own set-based function (one statement per birth year).
      const likely: PossibleDuplicateInput[] = [];
      for (const p of pairs) {
        const a = subjects.get(p.low);
        const b = subjects.get(p.high);
        if (!a || !b) continue;
        const m = scoreMatch(a.subject, b.subject);
        if (m.score >= POSSIBLE_MATCH_THRESHOLD)
          likely.push({ patientId: p.low, candidateId: p.high, score: m.score, reasons: m.reasons, source: 'scan' });
      }
      out.queued += await queuePossibleDuplicates(ctx.db, likely, ctx.clock.now());
    }
    out.years++;
    out.candidates += pairs.length;
    const goOn = await progress?.(
      Math.floor((100 * (year - range.from + 1)) / (range.to - range.from + 1)),
      `Born ${year}: ${pairs.length} candidate pairs; ${out.queued} queued so far`,
    );
    if (goOn === false) break;
  }
  return out;
}

const isUniqueViolation = (e: unknown): boolean => (e as { code?: unknown } | null)?.code === '23505';
const STALE_AFTER_MS = 60 * 60 * 1000;

/**
 * DPH data steward starts a scan: the scan's row, its job and the audit entry are written in one transaction, and
 * a second scan while one is queued or running is refused (409) by the partial unique index, atomically.
 */
export async function requestDuplicateScan(ctx: AppContext, actor: Actor): Promise<DuplicateScanStarted> {
  if (!can(actor, 'patient:merge')) throw forbidden('Only DPH data stewards scan for duplicates');
  const now = ctx.clock.now();
  try {
    return await inTransaction(ctx.db, async (trx) => {
      await failStaleScans(trx, new Date(now.getTime() - STALE_AFTER_MS), now);
      const scanId = await insertScan(trx, actor.userId, now);
      const jobId = await enqueueJob(trx, DUPLICATE_SCAN_JOB, { scanId, requestedBy: actor.userId }, now);
      await setScanJob(trx, scanId, jobId);
      await appendActorAudit(
        trx,
        actor,
        { action: 'patient.duplicates.scan_requested', entityType: 'duplicate_scan', entityId: scanId, detail: { jobId } },
        now,
      );
      return { jobId, scanId };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('A duplicate scan is already queued or running; wait for it to finish');
    throw e;
  }
}

async function presentScans(ctx: AppContext, rows: ReadonlyArray<ScanRow | undefined>): Promise<Array<DuplicateScan | null>> {
  const ids = [...new Set(rows.flatMap((r) => (r ? [r.requested_by] : [])))];
  const names = new Map(
    (await userNamesByIds(ctx.db, ids)).map((u) => [u.id, [u.first_name, u.last_name].filter(Boolean).join(' ') || u.username]),
  );
  return rows.map((r) =>
    r
      ? {
          id: r.id,
          status: r.status,
          progress: r.progress,
          progressNote: r.progress_note,
          requestedBy: names.get(r.requested_by) ?? 'a former user',
          requestedAt: r.requested_at.toISOString(),
          startedAt: r.started_at?.toISOString() ?? null,
          finishedAt: r.finished_at?.toISOString() ?? null,
          birthYears: r.birth_years,
          candidatePairs: r.candidate_pairs,
          pairsQueued: r.pairs_queued,
          error: r.error,
        }
      : null,
  );
}

/** The page's poll: the scan queued or running now (progress), and the last finished one (when, by whom, counts). */
export async function duplicateScanStatus(ctx: AppContext, actor: Actor): Promise<DuplicateScanStatus> {
  if (!can(actor, 'patient:merge')) throw forbidden('Only DPH data stewards scan for duplicates');
  const { current, last } = await currentAndLastScan(ctx.db);
  const [c, l] = await presentScans(ctx, [current, last]);
  return { current: c ?? null, last: l ?? null };
}

/**
 * The job: claims the scan, scans with its progress committed step by step (`afterStep` lets a test read it
 * mid-run), and records the outcome; a failure is recorded on the scan, not retried (a rerun is a new scan).
 */
export async function runDuplicateScan(ctx: AppContext, scanId: string, afterStep?: () => Promise<void>): Promise<Record<string, unknown>> {
  if (!(await startScan(ctx.db, scanId, ctx.clock.now()))) return { skipped: 'not queued' };
  try {
    const out = await scanForDuplicates(ctx, async (percent, note) => {
      // No row updated: the scan was expired (a later one may run); stop between birth years.
      if (!(await setScanProgress(ctx.db, scanId, percent, note, ctx.clock.now()))) return false;
      await afterStep?.();
      return true;
    });
    await finishScan(ctx.db, scanId, { status: 'done', ...out, at: ctx.clock.now() });
    return { scanId, ...out };
  } catch (err) {
    // The message only (the database's or an AppError's sentence), never patient data.
    await finishScan(ctx.db, scanId, { status: 'failed', error: (err as Error).message.slice(0, 500), at: ctx.clock.now() });
    return { scanId, status: 'failed' };
  }
}

export function patientJobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return {
    // A job queued before scans had rows (no scanId) scans without one.
    [DUPLICATE_SCAN_JOB]: async (payload) =>
      typeof payload.scanId === 'string' ? runDuplicateScan(ctx, payload.scanId) : { ...(await scanForDuplicates(ctx)) },
  };
}
