// SQL of report runs (report_runs): a long report queued as a job, its progress, its stored result.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '@nutmeg/db';

type Db = Kysely<Database>;
export type ReportRunRow = Selectable<Database['report_runs']>;

export async function insertRun(
  db: Db,
  r: { kind: ReportRunRow['kind']; params: Record<string, unknown>; by: string; membershipId: string; at: Date },
): Promise<ReportRunRow> {
  return db
    .insertInto('report_runs')
    .values({ kind: r.kind, params: JSON.stringify(r.params), requested_by: r.by, membership_id: r.membershipId, queued_at: r.at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

// Every column but the file: a poll (every few seconds while a run is shown) never reads the PDF's bytes.
const LISTED = [
  'id',
  'kind',
  'params',
  'requested_by',
  'membership_id',
  'status',
  'progress',
  'progress_note',
  'error',
  'queued_at',
  'started_at',
  'finished_at',
] as const;

/** The run without its file, only for the user who asked for it (anyone else's id reads as absent). */
export async function runOf(db: Db, id: string, userId: string): Promise<Omit<ReportRunRow, 'result_file'> | undefined> {
  return db
    .selectFrom('report_runs')
    .select([...LISTED, 'result'])
    .where('id', '=', id)
    .where('requested_by', '=', userId)
    .executeTakeFirst();
}

/** The run with its file, for the download only (same owner rule as runOf). */
export async function runFileOf(db: Db, id: string, userId: string): Promise<ReportRunRow | undefined> {
  return db.selectFrom('report_runs').selectAll().where('id', '=', id).where('requested_by', '=', userId).executeTakeFirst();
}

export async function runsOf(db: Db, userId: string, limit: number) {
  return db
    .selectFrom('report_runs')
    .select(LISTED)
    .where('requested_by', '=', userId)
    .orderBy('queued_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Claims a queued run for the job (a run is started once: a retried job finds it no longer queued). */
export async function startRun(db: Db, id: string, at: Date): Promise<ReportRunRow | undefined> {
  return db
    .updateTable('report_runs')
    .set({ status: 'running', started_at: at, progress: 0 })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
}

export async function setProgress(db: Db, id: string, progress: number, note: string): Promise<void> {
  await db.updateTable('report_runs').set({ progress, progress_note: note }).where('id', '=', id).where('status', '=', 'running').execute();
}

export async function finishRun(
  db: Db,
  id: string,
  f: { status: 'done'; result: Record<string, unknown>; file?: Uint8Array; at: Date } | { status: 'failed'; error: string; at: Date },
): Promise<void> {
  await db
    .updateTable('report_runs')
    .set(
      f.status === 'done'
        ? {
            status: 'done',
            progress: 100,
            progress_note: null,
            result: JSON.stringify(f.result),
            result_file: f.file ?? null,
            finished_at: f.at,
          }
        : { status: 'failed', error: f.error, finished_at: f.at },
    )
    .where('id', '=', id)
    .execute();
}

/**
 * Clears the file, and the patient list kept for its download's audit, of PDF runs finished before `before`; the run
 * itself (who asked for what, when, how many) stays. A done PDF run without a file reads as expired.
 */
export async function clearRunFilesBefore(db: Db, before: Date): Promise<number> {
  const r = await db
    .updateTable('report_runs')
    .set({ result_file: null, result: sql`result - 'patientIds'` })
    .where('status', '=', 'done')
    .where('kind', 'in', ['letters', 'labels', 'call_list'])
    .where('result_file', 'is not', null)
    .where('finished_at', '<', before)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
