// Retention of background PDF runs: a finished file names a clinic's patients, so it is kept REPORT_RUN_FILE_DAYS
// and then cleared by a daily job that re-schedules itself (as the session clean-up does hourly).
import type { AppContext } from '../../context.ts';
import { enqueueJob, ensureJobScheduled, type JobHandler } from '../jobs/index.ts';
import { clearRunFilesBefore } from './report-run.repo.ts';

export const REPORT_RUN_CLEANUP = 'report.run.cleanup';
const DAY_MS = 86_400_000;

export function reportRunCleanupHandlers(ctx: AppContext): Record<string, JobHandler> {
  return {
    [REPORT_RUN_CLEANUP]: async () => {
      const now = ctx.clock.now();
      const cleared = await clearRunFilesBefore(ctx.db, new Date(now.getTime() - ctx.config.REPORT_RUN_FILE_DAYS * DAY_MS));
      await enqueueJob(ctx.db, REPORT_RUN_CLEANUP, {}, new Date(now.getTime() + DAY_MS));
      return { cleared };
    },
  };
}

/** Makes sure the daily clean-up job exists (once, whichever process starts first). */
export async function scheduleReportRunCleanup(ctx: AppContext): Promise<void> {
  await ensureJobScheduled(ctx.db, REPORT_RUN_CLEANUP, ctx.clock.now());
}
