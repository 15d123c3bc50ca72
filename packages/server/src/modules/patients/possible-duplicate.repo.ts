// SQL of the possible-duplicate queue (patient_possible_duplicates): one row per unordered pair, inserted once,
// resolved once (the UPDATE's `status = 'open'` makes two stewards' clicks race safely), and the records' facts
// the steward compares, loaded for a page of pairs at once.
import { sql } from 'kysely';
import type { Db } from './patient.repo.ts';

export type DuplicateSource = 'ui' | 'hl7' | 'fhir' | 'import' | 'cli' | 'scan';

export interface PairRow {
  id: string;
  patient_low: string;
  patient_high: string;
  score: number;
  reasons: string[];
  source: DuplicateSource;
  status: 'open' | 'merged' | 'not_duplicate';
  queued_at: Date;
}

const PAIR_COLUMNS = ['id', 'patient_low', 'patient_high', 'score', 'reasons', 'source', 'status', 'queued_at'] as const;

/** Inserts the pair unless it was ever queued (open or resolved). Returns the new row's id, or undefined. */
export async function insertPairOnce(
  db: Db,
  p: { low: string; high: string; score: number; reasons: string[]; source: DuplicateSource; at: Date },
): Promise<string | undefined> {
  const row = await db
    .insertInto('patient_possible_duplicates')
    .values({ patient_low: p.low, patient_high: p.high, score: p.score, reasons: p.reasons, source: p.source, queued_at: p.at })
    .onConflict((oc) => oc.columns(['patient_low', 'patient_high']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/**
 * Inserts each pair whose two records are live and that was never queued, in one statement (a new record's
 * candidates all at once). Returns how many were queued.
 */
export async function insertLivePairsOnce(
  db: Db,
  pairs: ReadonlyArray<{ low: string; high: string; score: number; reasons: string[]; source: DuplicateSource }>,
  at: Date,
): Promise<number> {
  if (pairs.length === 0) return 0;
  const rows = await sql<{ id: string }>`
    INSERT INTO patient_possible_duplicates (patient_low, patient_high, score, reasons, source, queued_at)
    SELECT v.low, v.high, v.score, v.reasons, v.source, ${at}
      FROM jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) AS v(low uuid, high uuid, score int, reasons text[], source text)
     WHERE (SELECT count(*) FROM patients p WHERE p.id IN (v.low, v.high) AND p.merged_into IS NULL) = 2
    ON CONFLICT (patient_low, patient_high) DO NOTHING
    RETURNING id`.execute(db);
  return rows.rows.length;
}

/** Both records exist and neither was merged away (a pair is queued between live records only). */
export async function bothLive(db: Db, a: string, b: string): Promise<boolean> {
  const r = await db
    .selectFrom('patients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', '=', sql<string>`ANY(${[a, b]}::uuid[])`)
    .where('merged_into', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n) === 2;
}

/** Open pairs whose two records are still live, best score first (then oldest). */
function openLivePairs(db: Db) {
  return db
    .selectFrom('patient_possible_duplicates as d')
    .innerJoin('patients as lo', 'lo.id', 'd.patient_low')
    .innerJoin('patients as hi', 'hi.id', 'd.patient_high')
    .where('d.status', '=', 'open')
    .where('lo.merged_into', 'is', null)
    .where('hi.merged_into', 'is', null);
}

export async function openPairsPage(db: Db, limit: number, offset: number): Promise<{ total: number; rows: PairRow[] }> {
  const [count, rows] = await Promise.all([
    openLivePairs(db)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    openLivePairs(db)
      .select(PAIR_COLUMNS.map((c) => `d.${c}` as const))
      .orderBy('d.score', 'desc')
      .orderBy('d.queued_at')
      .orderBy('d.id')
      .limit(limit)
      .offset(offset)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

/** The pair, locked for the rest of the transaction (a merge or a "not a duplicate" decides on it). */
export async function lockPair(db: Db, id: string): Promise<PairRow | undefined> {
  return db.selectFrom('patient_possible_duplicates').select(PAIR_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Resolves an open pair; undefined if it was not open (already resolved by someone else). */
export async function resolvePair(
  db: Db,
  id: string,
  r: { status: 'merged' | 'not_duplicate'; by: string; note: string | null; at: Date },
): Promise<string | undefined> {
  const row = await db
    .updateTable('patient_possible_duplicates')
    .set({ status: r.status, resolved_by: r.by, resolution_note: r.note, resolved_at: r.at })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** A merge of the two records, however it was started, closes their open pair. */
export async function resolvePairOf(db: Db, low: string, high: string, by: string, at: Date): Promise<void> {
  await db
    .updateTable('patient_possible_duplicates')
    .set({ status: 'merged', resolved_by: by, resolution_note: null, resolved_at: at })
    .where('patient_low', '=', low)
    .where('patient_high', '=', high)
    .where('status', '=', 'open')
    .execute();
}

/** Of `ids` (null: everyone), the records in an open pair with a live record, with the pair's best score. */
export async function openDuplicatesAmong(db: Db, ids: readonly string[] | null): Promise<Array<{ patientId: string; score: number }>> {
  const result = await sql<{ patient_id: string; score: number }>`
    SELECT side.patient_id, max(d.score)::int AS score
    FROM patient_possible_duplicates d
    JOIN patients lo ON lo.id = d.patient_low AND lo.merged_into IS NULL
    JOIN patients hi ON hi.id = d.patient_high AND hi.merged_into IS NULL
    CROSS JOIN LATERAL (VALUES (d.patient_low), (d.patient_high)) AS side(patient_id)
    WHERE d.status = 'open' ${ids === null ? sql`` : sql`AND side.patient_id = ANY(${[...ids]}::uuid[])`}
    GROUP BY side.patient_id
    ORDER BY max(d.score) DESC, side.patient_id`.execute(db);
  return result.rows.map((r) => ({ patientId: r.patient_id, score: Number(r.score) }));
}

export interface SideRow {
  id: string;
  iis_id: string;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  suffix: string | null;
  dob: string;
  sex: string;
  mothers_maiden_name: string | null;
  created_at: Date;
  address: string | null;
  phones: string[];
  guardians: string[];
}

/** The compared facts of several records in one statement (current address first, phones and guardians in order). */
export async function sidesOf(db: Db, ids: readonly string[]): Promise<SideRow[]> {
  if (ids.length === 0) return [];
  const result = await sql<SideRow>`
    SELECT p.id, p.iis_id, p.first_name, p.middle_name, p.last_name, p.suffix, p.dob, p.sex, p.mothers_maiden_name,
      p.created_at,
      (SELECT concat_ws(', ', a.street, a.street2, a.city, a.state || ' ' || a.zip) FROM patient_addresses a
        WHERE a.patient_id = p.id ORDER BY a.current DESC, a.position LIMIT 1) AS address,
      ARRAY(SELECT ph.number FROM patient_phones ph WHERE ph.patient_id = p.id ORDER BY ph.position) AS phones,
      ARRAY(SELECT concat_ws(' ', g.first_name, g.last_name) FROM patient_guardians g
        WHERE g.patient_id = p.id ORDER BY g.position) AS guardians
    FROM patients p
    WHERE p.id = ANY(${[...ids]}::uuid[])`.execute(db);
  return result.rows;
}
