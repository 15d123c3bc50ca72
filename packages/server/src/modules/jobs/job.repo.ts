// SQL for background jobs (jobs): enqueue, claim with SKIP LOCKED, record the outcome.
import { sql, type Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';

type Db = Kysely<Database>;

export async function insertJob(db: Db, kind: string, payload: Record<string, unknown>, runAt: Date): Promise<string> {
  const row = await db
    .insertInto('jobs')
    .values({ kind, payload: JSON.stringify(payload), run_at: runAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Takes the transaction-scoped lock that serialises scheduling of one recurring kind across processes. */
export async function lockKind(trx: Db, kind: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`nutmeg job ${kind}`}))`.execute(trx);
}

export async function hasPendingJob(db: Db, kind: string): Promise<boolean> {
  const row = await db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', kind)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return !!row;
}

/**
 * Claims one due job. FOR UPDATE SKIP LOCKED lets any number of app processes poll the same
 * table: each job is claimed by exactly one of them.
 */
export async function claimJob(db: Db, workerId: string, kinds: readonly string[], now: Date) {
  if (kinds.length === 0) return undefined;
  const r = await sql<{ id: string; kind: string; payload: Record<string, unknown>; attempts: number }>`
    UPDATE jobs SET status = 'running', locked_by = ${workerId}, locked_at = ${now}, attempts = attempts + 1
    WHERE id = (
      SELECT id FROM jobs
      WHERE status = 'queued' AND run_at <= ${now} AND kind IN (${sql.join([...kinds])})
      ORDER BY run_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, kind, payload, attempts`.execute(db);
  return r.rows[0];
}

export async function markDone(db: Db, id: string, result: Record<string, unknown>): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', result: JSON.stringify(result), last_error: null })
    .where('id', '=', id)
    .execute();
}

/** A failed run: queued again at `retryAt`, or failed for good. */
export async function markFailedRun(db: Db, id: string, f: { error: string; final: boolean; retryAt: Date }): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: f.final ? 'failed' : 'queued', last_error: f.error, run_at: f.retryAt, locked_by: null })
    .where('id', '=', id)
    .execute();
}
