// Long reports as jobs: a user queues a statewide coverage or doses-administered report, a job runs it with the
// user's own scope (rebuilt from the membership they acted for, so a user removed since gets nothing), writes
// its progress where the page polls it, and keeps the result for that user only to read or download later.
import type {
  CoverageReport,
  DosesAdministeredReport,
  ReminderCriteria,
  ReportFileResult,
  ReportRun,
  ReportRunList,
} from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { actorForJob, isStatewide, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { enqueueJob, type JobHandler } from '../jobs/index.ts';
import { coverageReport } from './coverage.service.ts';
import { reportRunCleanupHandlers } from './report-run-retention.ts';
import { dosesAdministered } from './population.service.ts';
import { finishRun, insertRun, runFileOf, runOf, runsOf, setProgress, startRun, type ReportRunRow } from './report-run.repo.ts';
import { CoverageQuery, DosesQuery, LettersQuery } from './reports.schemas.ts';
import { auditReminderDisclosure, reminderPdfForRun } from './reminder.service.ts';
import { reminderClinicFor } from './reports.policy.ts';
import type { ReminderPdfKind } from './reminder-pdf.ts';

export const REPORT_RUN_JOB = 'report.run';

type RunKind = ReportRunRow['kind'];
const isPdfKind = (k: RunKind): k is ReminderPdfKind => k === 'letters' || k === 'labels' || k === 'call_list';

/** What a PDF run keeps in `result` beside the file: the presented counts, and what each download's audit names. */
interface PdfRunResult extends ReportFileResult {
  format: string;
  clinicId: string;
  criteria: ReminderCriteria;
  patientIds: string[];
}

function presentResult(kind: RunKind, result: ReportRunRow['result']): ReportRun['result'] {
  if (!result) return null;
  if (!isPdfKind(kind)) return result as unknown as CoverageReport | DosesAdministeredReport;
  const r = result as unknown as PdfRunResult;
  return { filename: r.filename, patients: r.patients, skipped: r.skipped, bytes: r.bytes };
}

function present(r: Omit<ReportRunRow, 'result' | 'result_file'> & { result?: ReportRunRow['result'] }, withResult: boolean): ReportRun {
  return {
    id: r.id,
    kind: r.kind,
    params: r.params,
    status: r.status,
    progress: r.progress,
    progressNote: r.progress_note,
    error: r.error,
    queuedAt: r.queued_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
    ...(withResult ? { result: presentResult(r.kind, r.result ?? null) } : {}),
  };
}

/** Queues the run and its job in one transaction (the route validated the query; the job parses it again). */
export async function startReportRun(ctx: AppContext, actor: Actor, kind: RunKind, params: Record<string, unknown>): Promise<ReportRun> {
  if (!actor.scope) throw forbidden('Choose the organization you act for first');
  const membershipId = actor.scope.membershipId;
  return ctx.db.transaction().execute(async (trx) => {
    const row = await insertRun(trx, { kind, params, by: actor.userId, membershipId, at: ctx.clock.now() });
    await enqueueJob(trx, REPORT_RUN_JOB, { runId: row.id }, ctx.clock.now());
    await appendActorAudit(
      trx,
      actor,
      { action: 'report.run.queued', entityType: 'report_run', entityId: row.id, detail: { kind, filters: params } },
      ctx.clock.now(),
    );
    return present(row, false);
  });
}

export async function getReportRun(ctx: AppContext, actor: Actor, id: string): Promise<ReportRun> {
  const row = await runOf(ctx.db, id, actor.userId);
  if (!row) throw notFound('Report run');
  return present(row, true);
}

export async function listReportRuns(ctx: AppContext, actor: Actor): Promise<ReportRunList> {
  return { runs: (await runsOf(ctx.db, actor.userId, 20)).map((r) => present(r, false)) };
}

/** The stored result for a download (audited: the file leaves the server again). */
export async function reportRunResult(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ kind: 'coverage'; report: CoverageReport } | { kind: 'doses_administered'; report: DosesAdministeredReport }> {
  const row = await runOf(ctx.db, id, actor.userId);
  if (!row || row.status !== 'done' || !row.result || isPdfKind(row.kind)) throw notFound('Finished report run');
  await appendActorAudit(
    ctx.db,
    actor,
    { action: 'report.run.download', entityType: 'report_run', entityId: id, detail: { kind: row.kind, filters: row.params } },
    ctx.clock.now(),
  );
  return row.kind === 'coverage'
    ? { kind: 'coverage', report: row.result as unknown as CoverageReport }
    : { kind: 'doses_administered', report: row.result as unknown as DosesAdministeredReport };
}

async function runPdf(
  ctx: AppContext,
  actor: Actor,
  kind: ReminderPdfKind,
  params: Record<string, unknown>,
  progress: (percent: number, note: string) => Promise<void>,
): Promise<{ result: PdfRunResult; file: Uint8Array }> {
  const { language, ...criteria } = LettersQuery.parse(params);
  const f = await reminderPdfForRun(ctx, actor, kind, criteria, language, progress);
  const result: PdfRunResult = {
    filename: f.filename,
    patients: f.disclosed.length,
    skipped: f.skipped,
    bytes: f.pdf.byteLength,
    format: f.format,
    clinicId: f.clinicId,
    criteria: f.criteria,
    patientIds: f.disclosed.map((p) => p.patientId),
  };
  return { result, file: f.pdf };
}

/**
 * The file discloses a clinic's patients, so each download re-checks the requester's current scope as the direct
 * download does: the run's membership must still be the one acted for (the request's scope is rebuilt from active
 * memberships, so an ended one is no longer it), unless statewide; and the clinic must be one that scope may list.
 */
async function checkRunFileScope(ctx: AppContext, actor: Actor, runMembershipId: string, clinicId: string): Promise<void> {
  if (!actor.scope) throw forbidden('Choose the organization you act for first');
  if (!isStatewide(actor) && actor.scope.membershipId !== runMembershipId) {
    throw forbidden('This file was prepared for an organization you are not acting for now');
  }
  await reminderClinicFor(ctx, actor, clinicId);
}

/** A finished PDF run's file, for its requester only; each download audited as the direct download is. */
export async function reportRunFile(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ filename: string; pdf: Uint8Array; skipped: number }> {
  const row = await runFileOf(ctx.db, id, actor.userId);
  if (!row || row.status !== 'done' || !isPdfKind(row.kind) || !row.result) throw notFound('Finished report file');
  const r = row.result as unknown as PdfRunResult;
  await checkRunFileScope(ctx, actor, row.membership_id, r.clinicId);
  if (!row.result_file) {
    throw new AppError('gone', `This file was kept for ${ctx.config.REPORT_RUN_FILE_DAYS} days and has been removed: prepare it again`);
  }
  await auditReminderDisclosure(ctx, actor, {
    clinicId: r.clinicId,
    criteria: r.criteria,
    patientIds: r.patientIds,
    format: r.format,
    runId: id,
  });
  return { filename: r.filename, pdf: row.result_file, skipped: r.skipped };
}

/** The job: runs the report as its requester, with progress; a failure is recorded on the run, not retried. */
async function runReport(ctx: AppContext, runId: string): Promise<Record<string, unknown>> {
  const run = await startRun(ctx.db, runId, ctx.clock.now());
  if (!run) return { skipped: 'not queued' };
  const actor = await actorForJob(ctx, run.requested_by, run.membership_id);
  const progress = (percent: number, note: string) => setProgress(ctx.db, runId, percent, note);
  try {
    if (!actor) throw forbidden('The user who asked for this report may no longer run it');
    if (isPdfKind(run.kind)) {
      const { result, file } = await runPdf(ctx, actor, run.kind, run.params, progress);
      await finishRun(ctx.db, runId, { status: 'done', result: result as unknown as Record<string, unknown>, file, at: ctx.clock.now() });
      return { runId, status: 'done' };
    }
    const result =
      run.kind === 'coverage'
        ? await coverageReport(ctx, actor, CoverageQuery.parse(run.params), progress)
        : await dosesAdministered(ctx, actor, DosesQuery.parse(run.params), progress);
    await finishRun(ctx.db, runId, { status: 'done', result: result as unknown as Record<string, unknown>, at: ctx.clock.now() });
    return { runId, status: 'done' };
  } catch (err) {
    // The message only (an AppError's sentence or the database's): never the data being counted.
    await finishRun(ctx.db, runId, { status: 'failed', error: (err as Error).message.slice(0, 500), at: ctx.clock.now() });
    return { runId, status: 'failed' };
  }
}

export function reportJobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return { [REPORT_RUN_JOB]: async (payload) => runReport(ctx, String(payload.runId)), ...reportRunCleanupHandlers(ctx) };
}
