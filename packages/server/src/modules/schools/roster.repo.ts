// SQL for rosters: entries (one per student, school and school year), the candidates of entries in review, and uploads.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, RosterUploadError, SchoolRosterEntryTable, SchoolRosterUploadTable } from '@nutmeg/db';

export type Db = Kysely<Database> | Transaction<Database>;
export type EntryRow = Selectable<SchoolRosterEntryTable>;
export type UploadRow = Selectable<SchoolRosterUploadTable>;

/** The patients linked to a school's rosters of this school year or later (rollover makes next year's early). */
export async function linkedStudentIds(db: Db, schoolId: string, fromYear: number): Promise<string[]> {
  const rows = await db
    .selectFrom('school_roster_entries')
    .select('patient_id')
    .distinct()
    .where('school_id', '=', schoolId)
    .where('school_year', '>=', fromYear)
    .where('removed_at', 'is', null)
    .where('patient_id', 'is not', null)
    .execute();
  return rows.map((r) => r.patient_id!);
}

export function listEntries(db: Db, schoolId: string, year: number, opts: { includeRemoved?: boolean } = {}): Promise<EntryRow[]> {
  let q = db.selectFrom('school_roster_entries').selectAll().where('school_id', '=', schoolId).where('school_year', '=', year);
  if (!opts.includeRemoved) q = q.where('removed_at', 'is', null);
  return q.orderBy('last_name').orderBy('first_name').orderBy('student_id').execute();
}

export function entryById(db: Db, id: string): Promise<EntryRow | undefined> {
  return db.selectFrom('school_roster_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The entry, locked for the change about to be made to it. */
export function lockEntry(db: Db, id: string): Promise<EntryRow | undefined> {
  return db.selectFrom('school_roster_entries').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function entriesByStudentIds(db: Db, schoolId: string, year: number, studentIds: readonly string[]): Promise<EntryRow[]> {
  if (studentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('school_roster_entries')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('school_year', '=', year)
    .where('student_id', 'in', [...studentIds])
    .forUpdate()
    .execute();
}

/** The roster years a school has, newest first. */
export async function rosterYears(db: Db, schoolId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('school_roster_entries')
    .select('school_year')
    .distinct()
    .where('school_id', '=', schoolId)
    .orderBy('school_year', 'desc')
    .execute();
  return rows.map((r) => r.school_year);
}

export type EntryValues = Omit<EntryRow, 'id' | 'created_at' | 'updated_at' | 'removed_at' | 'removed_by'>;

/** Adds an entry, or — the school's student id already on that year's roster — replaces it (and restores it if removed). */
export async function upsertEntry(db: Db, v: EntryValues, at: Date): Promise<EntryRow> {
  const { school_id: _s, school_year: _y, student_id: _id, ...rest } = v;
  return db
    .insertInto('school_roster_entries')
    .values({ ...v, created_at: at, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['school_id', 'school_year', 'student_id']).doUpdateSet({ ...rest, removed_at: null, removed_by: null, updated_at: at }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setMatch(
  db: Db,
  id: string,
  m: Pick<EntryRow, 'patient_id' | 'match_status' | 'match_reason' | 'match_score' | 'matched_by'>,
  at: Date,
): Promise<void> {
  await db
    .updateTable('school_roster_entries')
    .set({ ...m, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function markRemoved(db: Db, id: string, by: string, at: Date): Promise<void> {
  await db.updateTable('school_roster_entries').set({ removed_at: at, removed_by: by, updated_at: at }).where('id', '=', id).execute();
}

export async function replaceCandidates(db: Db, entryId: string, candidates: { patientId: string; score: number; reasons: string[] }[]) {
  await db.deleteFrom('school_match_candidates').where('entry_id', '=', entryId).execute();
  if (candidates.length)
    await db
      .insertInto('school_match_candidates')
      .values(candidates.map((c) => ({ entry_id: entryId, patient_id: c.patientId, score: c.score, reasons: c.reasons })))
      .execute();
}

export function candidatesOf(db: Db, entryId: string) {
  return db.selectFrom('school_match_candidates').selectAll().where('entry_id', '=', entryId).orderBy('score', 'desc').execute();
}

/** Which of these patients are already linked to another entry of the same roster (a second row naming one child). */
export async function linkedElsewhere(db: Db, schoolId: string, year: number, patientIds: readonly string[], exceptEntry?: string) {
  if (patientIds.length === 0) return new Map<string, string>();
  let q = db
    .selectFrom('school_roster_entries')
    .select(['patient_id', 'student_id'])
    .where('school_id', '=', schoolId)
    .where('school_year', '=', year)
    .where('removed_at', 'is', null)
    .where('patient_id', 'in', [...patientIds]);
  if (exceptEntry) q = q.where('id', '<>', exceptEntry);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.patient_id!, r.student_id]));
}

export function createUpload(db: Db, u: { schoolId: string; year: number; fileName: string; by: string; at: Date }): Promise<UploadRow> {
  return db
    .insertInto('school_roster_uploads')
    .values({ school_id: u.schoolId, school_year: u.year, file_name: u.fileName, uploaded_by: u.by, uploaded_at: u.at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function lockUpload(db: Db, id: string): Promise<UploadRow | undefined> {
  return db.selectFrom('school_roster_uploads').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Adds a slice's counts and errors to its upload. */
export function addToUpload(
  db: Db,
  id: string,
  c: { rows: number; linked: number; review: number; unmatched: number; unchanged: number; errors: RosterUploadError[] },
): Promise<UploadRow> {
  return db
    .updateTable('school_roster_uploads')
    .set((eb) => ({
      rows_total: eb('rows_total', '+', c.rows),
      linked: eb('linked', '+', c.linked),
      review: eb('review', '+', c.review),
      unmatched: eb('unmatched', '+', c.unmatched),
      unchanged: eb('unchanged', '+', c.unchanged),
      errors: sql`errors || ${JSON.stringify(c.errors)}::jsonb`,
    }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The student's latest entry on the school's rosters (not removed), if any. */
export function studentOnRoster(db: Db, schoolId: string, studentId: string): Promise<EntryRow | undefined> {
  return db
    .selectFrom('school_roster_entries')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('student_id', '=', studentId)
    .where('removed_at', 'is', null)
    .orderBy('school_year', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Locks a school's roster of a year (its entries) for a change to the roster as a whole. */
export async function lockRoster(db: Db, schoolId: string, year: number): Promise<void> {
  await db
    .selectFrom('school_roster_entries')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('school_year', '=', year)
    .forUpdate()
    .execute();
}
