// SQL for the school-entry requirements (data per jurisdiction, grade and the school year they apply from).
import type { SchoolGrade } from '@nutmeg/db';
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
