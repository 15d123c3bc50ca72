import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';

export type JobHandler = (payload: Record<string, unknown>) => Promise<Record<string, unknown> | void>;

export async function enqueueJob(
  db: Kysely<Database>,
  kind: string,
  payload: Record<string, unknown> = {},
  runAt: Date = new Date(),
): Promise<string> {
  const row = await db
    .insertInto('jobs')
    .values({ kind, payload: JSON.stringify(payload), run_at: runAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Makes sure one queued (or running) job of a recurring kind exists, whichever app process starts first: the
 * check and the insert run under a transaction-scoped advisory lock derived from the kind.
 */
export async function ensureJobScheduled(db: Kysely<Database>, kind: string, runAt: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`nutmeg job ${kind}`}))`.execute(trx);
    const pending = await trx
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', kind)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    if (!pending) await enqueueJob(trx, kind, {}, runAt);
  });
}

/**
 * Claims one due job. FOR UPDATE SKIP LOCKED lets any number of app processes poll the same
 * table: each job is claimed by exactly one of them.
 */
export async function claimJob(db: Kysely<Database>, workerId: string, kinds: string[], now: Date) {
  if (kinds.length === 0) return undefined;
  const r = await sql<{ id: string; kind: string; payload: Record<string, unknown>; attempts: number }>`
    UPDATE jobs SET status = 'running', locked_by = ${workerId}, locked_at = ${now}, attempts = attempts + 1
    WHERE id = (
      SELECT id FROM jobs
      WHERE status = 'queued' AND run_at <= ${now} AND kind IN (${sql.join(kinds)})
      ORDER BY run_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, kind, payload, attempts`.execute(db);
  return r.rows[0];
}

const MAX_ATTEMPTS = 5;

/** Runs one due job if there is one; returns whether it did. Failures are retried with backoff. */
export async function runOneJob(
  db: Kysely<Database>,
  workerId: string,
  handlers: Record<string, JobHandler>,
  now: Date = new Date(),
): Promise<boolean> {
  const job = await claimJob(db, workerId, Object.keys(handlers), now);
  if (!job) return false;
  try {
    const result = await handlers[job.kind]!(job.payload);
    await db
      .updateTable('jobs')
      .set({ status: 'done', result: JSON.stringify(result ?? {}), last_error: null })
      .where('id', '=', job.id)
      .execute();
  } catch (err) {
    const failed = job.attempts >= MAX_ATTEMPTS;
    await db
      .updateTable('jobs')
      .set({
        status: failed ? 'failed' : 'queued',
        last_error: (err as Error).message,
        run_at: new Date(now.getTime() + 2 ** job.attempts * 30_000),
        locked_by: null,
      })
      .where('id', '=', job.id)
      .execute();
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
