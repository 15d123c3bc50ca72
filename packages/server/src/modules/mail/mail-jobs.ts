import type { AppContext } from '../../context.ts';
import type { JobHandler } from '../jobs/index.ts';
import { MAIL_DELIVERY_JOB } from './mailer.ts';

/** The job worker's mail handler: one delivery attempt per run; the queue retries with backoff. */
export function mailJobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return {
    [MAIL_DELIVERY_JOB]: async (payload, run) => ctx.mailer.deliver(ctx.db, String(payload.outboxId), run, ctx.clock.now()),
  };
}
