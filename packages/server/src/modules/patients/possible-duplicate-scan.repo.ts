// The possible-duplicate scan's blocking, set-based in SQL: pairs of live records born the same day whose names
// sound alike (soundex of first and last) or are close in spelling (trigram similarity), or whose first and last
// names are swapped; pairs already in the queue (open or decided) are left out. One birth-year at a time.
import { sql, type Selectable } from 'kysely';
import type { Database } from '@nutmeg/db';
import type { Db } from './patient.repo.ts';

/** The range of birth years among live records (the scan's progress steps); null when there are none. */
export async function birthYearRange(db: Db): Promise<{ from: number; to: number } | null> {
  const r = await db
    .selectFrom('patients')
    .select((eb) => [eb.fn.min('dob').as('min'), eb.fn.max('dob').as('max')])
    .where('merged_into', 'is', null)
    .executeTakeFirst();
  if (!r?.min || !r.max) return null;
  return { from: Number(String(r.min).slice(0, 4)), to: Number(String(r.max).slice(0, 4)) };
}

/** Candidate pairs (low id, high id) among live records born in `year`, not queued before. */
export async function candidatePairsBornIn(db: Db, year: number): Promise<Array<{ low: string; high: string }>> {
  const from = `${String(year).padStart(4, '0')}-01-01`;
  const to = `${String(year + 1).padStart(4, '0')}-01-01`;
  const r = await sql<{ low: string; high: string }>`
    SELECT a.id AS low, b.id AS high
    FROM patients a JOIN patients b ON b.dob = a.dob AND b.id > a.id
    WHERE a.dob >= ${from}::date AND a.dob < ${to}::date
      AND a.merged_into IS NULL AND b.merged_into IS NULL
      AND ((a.last_soundex = b.last_soundex AND a.first_soundex = b.first_soundex)
        OR (similarity(a.last_norm, b.last_norm) >= 0.5 AND similarity(a.first_norm, b.first_norm) >= 0.4)
        OR (a.first_norm = b.last_norm AND a.last_norm = b.first_norm))
      AND NOT EXISTS (SELECT 1 FROM patient_possible_duplicates d WHERE d.patient_low = a.id AND d.patient_high = b.id)
    ORDER BY a.id, b.id`.execute(db);
  return r.rows;
}

// The scans' own rows (patient_duplicate_scans): one queued or running at a time (a partial unique index).
export type ScanRow = Selectable<Database['patient_duplicate_scans']>;

/** Inserts a queued scan; a second one while another is queued or running fails on the partial unique index (23505). */
export async function insertScan(db: Db, by: string, at: Date): Promise<string> {
  const r = await db
    .insertInto('patient_duplicate_scans')
    .values({ requested_by: by, requested_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function setScanJob(db: Db, id: string, jobId: string): Promise<void> {
  await db.updateTable('patient_duplicate_scans').set({ job_id: jobId }).where('id', '=', id).execute();
}

/**
 * A scan left 'running' with no progress since `before` (its process died mid-scan), or left 'queued' since
 * `before` (its job lost), is marked failed, so that it does not block every later scan.
 */
export async function failStaleScans(db: Db, before: Date, at: Date): Promise<void> {
  await db
    .updateTable('patient_duplicate_scans')
    .set({ status: 'failed', error: 'The scan stopped without finishing (no progress for an hour)', finished_at: at })
    .where('status', '=', 'running')
    .where((eb) => eb.fn.coalesce('progress_at', 'started_at'), '<', before)
    .execute();
  await db
    .updateTable('patient_duplicate_scans')
    .set({ status: 'failed', error: 'The scan never started (queued for an hour; its job was lost)', finished_at: at })
    .where('status', '=', 'queued')
    .where('requested_at', '<', before)
    .execute();
}

/** Claims the queued scan for its job (a retried job finds it no longer queued). */
export async function startScan(db: Db, id: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('patient_duplicate_scans')
    .set({ status: 'running', started_at: at, progress_at: at, progress: 0 })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Records a step; false when the scan is no longer running (expired meanwhile): the scan should stop. */
export async function setScanProgress(db: Db, id: string, progress: number, note: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('patient_duplicate_scans')
    .set({ progress, progress_note: note, progress_at: at })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function finishScan(
  db: Db,
  id: string,
  f: { status: 'done'; years: number; candidates: number; queued: number; at: Date } | { status: 'failed'; error: string; at: Date },
): Promise<void> {
  await db
    .updateTable('patient_duplicate_scans')
    .set(
      f.status === 'done'
        ? { status: 'done', progress: 100, birth_years: f.years, candidate_pairs: f.candidates, pairs_queued: f.queued, finished_at: f.at }
        : { status: 'failed', error: f.error, finished_at: f.at },
    )
    .where('id', '=', id)
    // A scan expired meanwhile (failStaleScans) stays failed: a later scan may already be running.
    .where('status', '=', 'running')
    .execute();
}

/** The scan queued or running now (at most one), and the latest finished one. */
export async function currentAndLastScan(db: Db): Promise<{ current?: ScanRow; last?: ScanRow }> {
  const [current, last] = await Promise.all([
    db.selectFrom('patient_duplicate_scans').selectAll().where('status', 'in', ['queued', 'running']).executeTakeFirst(),
    db
      .selectFrom('patient_duplicate_scans')
      .selectAll()
      .where('status', 'in', ['done', 'failed'])
      .orderBy('finished_at', 'desc')
      .orderBy('requested_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return { current, last };
}
