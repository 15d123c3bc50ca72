import type { AppContext } from '../../context.ts';
import { deleteExpiredLoginThrottles } from '../access/index.ts';
import { enqueueJob, ensureJobScheduled, type JobHandler } from './job-queue.ts';

export const SESSION_CLEANUP = 'sessions.cleanup';

/** Removes sessions past their absolute or idle limit (and sign-in throttles past their window); re-schedules itself hourly. */
export function maintenanceHandlers(ctx: AppContext): Record<string, JobHandler> {
  return {
    [SESSION_CLEANUP]: async () => {
      const now = ctx.clock.now();
      const idleCutoff = new Date(now.getTime() - ctx.config.SESSION_IDLE_MINUTES * 60_000);
      const r = await ctx.db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('absolute_expires_at', '<', now), eb('last_seen_at', '<', idleCutoff)]))
        .executeTakeFirst();
      const throttles = await deleteExpiredLoginThrottles(ctx.db, new Date(now.getTime() - ctx.config.LOCKOUT_MINUTES * 60_000));
      await enqueueJob(ctx.db, SESSION_CLEANUP, {}, new Date(now.getTime() + 3_600_000));
      return { deleted: Number(r.numDeletedRows), loginThrottles: throttles };
    },
  };
}

/** Makes sure the recurring maintenance job exists (once, whichever process starts first). */
export async function scheduleMaintenance(ctx: AppContext): Promise<void> {
  await ensureJobScheduled(ctx.db, SESSION_CLEANUP, ctx.clock.now());
}
