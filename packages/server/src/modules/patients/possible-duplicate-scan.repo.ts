// The possible-duplicate scan's blocking, set-based in SQL: pairs of live records born the same day whose names
// sound alike (soundex of first and last) or are close in spelling (trigram similarity), or whose first and last
// names are swapped; pairs already in the queue (open or decided) are left out. One birth-year at a time.
import { sql } from 'kysely';
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
