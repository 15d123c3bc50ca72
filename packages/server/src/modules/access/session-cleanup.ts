import type { AppContext } from '../../context.ts';
import { enqueueJob, ensureJobScheduled, type JobHandler } from '../jobs/index.ts';
import { deleteExpiredLoginThrottles, deleteExpiredSessions } from './session.repo.ts';

export const SESSION_CLEANUP = 'sessions.cleanup';

/** Removes sessions past their absolute or idle limit (and sign-in throttles past their window); re-schedules itself hourly. */
export function accessJobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return {
    [SESSION_CLEANUP]: async () => {
      const now = ctx.clock.now();
      const idleCutoff = new Date(now.getTime() - ctx.config.SESSION_IDLE_MINUTES * 60_000);
      const deleted = await deleteExpiredSessions(ctx.db, now, idleCutoff);
      const throttles = await deleteExpiredLoginThrottles(ctx.db, new Date(now.getTime() - ctx.config.LOCKOUT_MINUTES * 60_000));
      await enqueueJob(ctx.db, SESSION_CLEANUP, {}, new Date(now.getTime() + 3_600_000));
      return { deleted, loginThrottles: throttles };
    },
  };
}

/** Makes sure the recurring clean-up job exists (once, whichever process starts first). */
export async function scheduleSessionCleanup(ctx: AppContext): Promise<void> {
  await ensureJobScheduled(ctx.db, SESSION_CLEANUP, ctx.clock.now());
}
