// SQL for exemptions from the school-entry requirements (medical with an optional expiry, religious).
import type { Selectable } from 'kysely';
import type { SchoolExemptionTable } from '@nutmeg/db';
import type { Db } from './roster.repo.ts';

export type ExemptionRow = Selectable<SchoolExemptionTable>;

/** Exemptions in force (not cleared) of a school's students. */
export function exemptionsInForce(db: Db, schoolId: string, studentIds?: readonly string[]): Promise<ExemptionRow[]> {
  let q = db.selectFrom('school_exemptions').selectAll().where('school_id', '=', schoolId).where('cleared_at', 'is', null);
  if (studentIds) {
    if (studentIds.length === 0) return Promise.resolve([]);
    q = q.where('student_id', 'in', [...studentIds]);
  }
  return q.orderBy('recorded_at').execute();
}

export function exemptionById(db: Db, id: string): Promise<ExemptionRow | undefined> {
  return db.selectFrom('school_exemptions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Records an exemption; one of each kind is in force per student (a unique index): a new document of the same kind
 * replaces the one in force, which is cleared with the reason, in the same statement order inside the caller's transaction.
 */
export async function replaceExemption(
  db: Db,
  e: Omit<ExemptionRow, 'id' | 'recorded_at' | 'cleared_at' | 'cleared_reason'>,
  at: Date,
): Promise<ExemptionRow> {
  await db
    .updateTable('school_exemptions')
    .set({ cleared_at: at, cleared_reason: 'replaced by a newer document' })
    .where('school_id', '=', e.school_id)
    .where('student_id', '=', e.student_id)
    .where('kind', '=', e.kind)
    .where('cleared_at', 'is', null)
    .execute();
  return db
    .insertInto('school_exemptions')
    .values({ ...e, recorded_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function clearExemptions(db: Db, ids: readonly string[], reason: string, at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('school_exemptions')
    .set({ cleared_at: at, cleared_reason: reason })
    .where('id', 'in', [...ids])
    .where('cleared_at', 'is', null)
    .execute();
}
