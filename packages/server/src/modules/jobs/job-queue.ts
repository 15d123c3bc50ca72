import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import * as repo from './job.repo.ts';

/** Which run of its job a handler is in: a handler that must act on the last failure (mail: mark it failed) sees it. */
export interface JobAttempt {
  /** 1 on the first run. */
  attempt: number;
  /** True when a failure now fails the job for good (no retry follows). */
  last: boolean;
}

export type JobHandler = (payload: Record<string, unknown>, run: JobAttempt) => Promise<Record<string, unknown> | void>;

/** Runs per job before it fails for good; the waits between them double from a minute (1, 2, 4, 8 min). */
export const MAX_ATTEMPTS = 5;

/** Queues a job; pass the transaction of the change that causes it, so the job exists exactly when the change does. */
export async function enqueueJob(
  db: Kysely<Database>,
  kind: string,
  payload: Record<string, unknown> = {},
  runAt: Date = new Date(),
): Promise<string> {
  return repo.insertJob(db, kind, payload, runAt);
}

/**
 * Makes sure one queued (or running) job of a recurring kind exists, whichever app process starts first: the
 * check and the insert run under a transaction-scoped advisory lock derived from the kind.
 */
export async function ensureJobScheduled(db: Kysely<Database>, kind: string, runAt: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await repo.lockKind(trx, kind);
    if (!(await repo.hasPendingJob(trx, kind))) await repo.insertJob(trx, kind, {}, runAt);
  });
}

/** Runs one due job if there is one; returns whether it did. Failures are retried with backoff. */
export async function runOneJob(
  db: Kysely<Database>,
  workerId: string,
  handlers: Record<string, JobHandler>,
  now: Date = new Date(),
): Promise<boolean> {
  const job = await repo.claimJob(db, workerId, Object.keys(handlers), now);
  if (!job) return false;
  const last = job.attempts >= MAX_ATTEMPTS;
  try {
    const result = await handlers[job.kind]!(job.payload, { attempt: job.attempts, last });
    await repo.markDone(db, job.id, result ?? {});
  } catch (err) {
    await repo.markFailedRun(db, job.id, {
      error: (err as Error).message,
      final: last,
      retryAt: new Date(now.getTime() + 2 ** job.attempts * 30_000),
    });
  }
  return true;
}

export interface JobWorker {
  stop(): Promise<void>;
}

/** Polls for due jobs every `intervalMs` until stopped; each app process runs one. */
export function startJobWorker(db: Kysely<Database>, handlers: Record<string, JobHandler>, intervalMs = 5000): JobWorker {
  const workerId = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    while (!stopped && (await runOneJob(db, workerId, handlers))) {
      // drain what is due, then sleep
    }
  };
  const poll = () => {
    running = running.then(tick).catch(() => undefined);
  };
  const timer = setInterval(poll, intervalMs);
  timer.unref();
  setImmediate(poll); // what is already due runs at start, not one interval later
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
