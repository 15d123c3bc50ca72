// SQL for the school-entry requirements (data per jurisdiction, grade and the school year they apply from).
import type { Selectable } from 'kysely';
import type { SchoolEntryRequirementTable, SchoolGrade } from '@nutmeg/db';
import type { Db } from './roster.repo.ts';

/** The requirements in force for a grade in a school year: those of the latest set that applies from that year or before. */
export async function requirementsFor(db: Db, jurisdictionId: string, year: number, grade: SchoolGrade) {
  const latest = await db
    .selectFrom('school_entry_requirements')
    .select((eb) => eb.fn.max('from_school_year').as('y'))
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('grade', '=', grade)
    .where('from_school_year', '<=', year)
    .executeTakeFirst();
  if (!latest?.y) return [];
  return db
    .selectFrom('school_entry_requirements')
    .selectAll()
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('grade', '=', grade)
    .where('from_school_year', '=', latest.y)
    .orderBy('position')
    .execute();
}

/** The grades that have requirements in a jurisdiction (for the report's grade picker). */
export async function gradesWithRequirements(db: Db, jurisdictionId: string): Promise<SchoolGrade[]> {
  const rows = await db
    .selectFrom('school_entry_requirements')
    .select('grade')
    .distinct()
    .where('jurisdiction_id', '=', jurisdictionId)
    .execute();
  return rows.map((r) => r.grade);
}

/** The vaccine groups a jurisdiction's requirements name, any grade or year (what an exemption may cover). */
export async function requirementGroups(db: Db, jurisdictionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('school_entry_requirements')
    .select('vaccine_group')
    .distinct()
    .where('jurisdiction_id', '=', jurisdictionId)
    .orderBy('vaccine_group')
    .execute();
  return rows.map((r) => r.vaccine_group);
}

export type RequirementRow = Selectable<SchoolEntryRequirementTable>;
type RequirementFields = Omit<RequirementRow, 'jurisdiction_id' | 'from_school_year' | 'grade'>;

/** Per grade, the year of the set in force in `year` (the latest from that year or before). */
export async function setYearsInForce(db: Db, jurisdictionId: string, year: number): Promise<Map<SchoolGrade, number>> {
  const rows = await db
    .selectFrom('school_entry_requirements')
    .select(['grade', (eb) => eb.fn.max('from_school_year').as('y')])
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('from_school_year', '<=', year)
    .groupBy('grade')
    .execute();
  return new Map(rows.map((r) => [r.grade, Number(r.y)]));
}

/** The rows of the sets written for exactly these (grade, year) pairs. */
export async function rowsOfSets(db: Db, jurisdictionId: string, sets: ReadonlyMap<SchoolGrade, number>): Promise<RequirementRow[]> {
  if (sets.size === 0) return [];
  return db
    .selectFrom('school_entry_requirements')
    .selectAll()
    .where('jurisdiction_id', '=', jurisdictionId)
    .where((eb) => eb.or([...sets].map(([grade, y]) => eb.and([eb('grade', '=', grade), eb('from_school_year', '=', y)]))))
    .orderBy('grade')
    .orderBy('position')
    .execute();
}

/**
 * Takes the year's version for a change: bumps it only when it is still `expected` (two administrators editing the
 * same year: the second is refused, not silently applied). Returns the new version, or null when it moved on.
 */
export async function bumpYearVersion(db: Db, jurisdictionId: string, year: number, expected: number, by: string, at: Date) {
  await db
    .insertInto('school_requirement_years')
    .values({ jurisdiction_id: jurisdictionId, school_year: year, version: 0 })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await db
    .updateTable('school_requirement_years')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: at, updated_by: by }))
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('school_year', '=', year)
    .where('version', '=', expected)
    .returning('version')
    .executeTakeFirst();
  return row?.version ?? null;
}

export async function yearVersion(db: Db, jurisdictionId: string, year: number): Promise<number> {
  const row = await db
    .selectFrom('school_requirement_years')
    .select('version')
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('school_year', '=', year)
    .executeTakeFirst();
  return row?.version ?? 0;
}

export function requirementRow(db: Db, jurisdictionId: string, year: number, grade: SchoolGrade, label: string) {
  return db
    .selectFrom('school_entry_requirements')
    .selectAll()
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('from_school_year', '=', year)
    .where('grade', '=', grade)
    .where('label', '=', label)
    .executeTakeFirst();
}

/** Which of the grades' sets written for `year` have a requirement named `label` (one statement for any number). */
export async function gradesWithRequirement(
  db: Db,
  jurisdictionId: string,
  year: number,
  grades: readonly SchoolGrade[],
  label: string,
): Promise<Set<SchoolGrade>> {
  if (grades.length === 0) return new Set();
  const rows = await db
    .selectFrom('school_entry_requirements')
    .select('grade')
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('from_school_year', '=', year)
    .where('grade', 'in', [...grades])
    .where('label', '=', label)
    .execute();
  return new Set(rows.map((r) => r.grade));
}

export async function insertRequirements(db: Db, rows: readonly RequirementRow[]): Promise<void> {
  if (rows.length)
    await db
      .insertInto('school_entry_requirements')
      .values([...rows])
      .execute();
}

export async function updateRequirement(
  db: Db,
  key: { jurisdictionId: string; year: number; grade: SchoolGrade; label: string },
  fields: RequirementFields,
): Promise<void> {
  await db
    .updateTable('school_entry_requirements')
    .set(fields)
    .where('jurisdiction_id', '=', key.jurisdictionId)
    .where('from_school_year', '=', key.year)
    .where('grade', '=', key.grade)
    .where('label', '=', key.label)
    .execute();
}

export async function deleteRequirement(db: Db, jurisdictionId: string, year: number, grade: SchoolGrade, label: string): Promise<void> {
  await db
    .deleteFrom('school_entry_requirements')
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('from_school_year', '=', year)
    .where('grade', '=', grade)
    .where('label', '=', label)
    .execute();
}

export interface RequirementChange {
  jurisdictionId: string;
  year: number;
  version: number;
  action: 'add' | 'edit' | 'remove' | 'copy';
  grade: SchoolGrade | null;
  label: string | null;
  before: object | null;
  after: object | null;
  by: { userId: string; username: string };
  at: Date;
}

export async function recordChanges(db: Db, changes: readonly RequirementChange[]): Promise<void> {
  if (changes.length === 0) return;
  await db
    .insertInto('school_requirement_changes')
    .values(
      changes.map((c) => ({
        jurisdiction_id: c.jurisdictionId,
        school_year: c.year,
        version: c.version,
        action: c.action,
        grade: c.grade,
        label: c.label,
        before: c.before ? JSON.stringify(c.before) : null,
        after: c.after ? JSON.stringify(c.after) : null,
        changed_by: c.by.userId,
        changed_by_username: c.by.username,
        changed_at: c.at,
      })),
    )
    .execute();
}

/** The changes of a year's requirements, newest first. */
export function changesOf(db: Db, jurisdictionId: string, year: number, limit = 200) {
  return db
    .selectFrom('school_requirement_changes')
    .selectAll()
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('school_year', '=', year)
    .orderBy('changed_at', 'desc')
    .orderBy('version', 'desc')
    .limit(limit)
    .execute();
}
