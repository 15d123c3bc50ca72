// Rows that belong to one patient (a `patient_id` column beside their own `id`) move to the surviving record when
// two records are merged, and back by the ids the merge recorded when it is undone. Each owning module's repo calls
// these with its own tables, so the statements are written once and the table stays named only by its owner.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** The tables with both an `id` and a `patient_id` column. */
export type PatientRowTable = {
  [T in keyof Database]: Database[T] extends { id: unknown; patient_id: unknown } ? T : never;
}[keyof Database];

/** The ids of the patient's rows in the table, to record what a merge moves. */
export async function patientRowIds(db: Kysely<Database>, table: PatientRowTable, patientId: string): Promise<string[]> {
  const r = await sql<{ id: string }>`SELECT id FROM ${sql.table(table)} WHERE patient_id = ${patientId}`.execute(db);
  return r.rows.map((row) => row.id);
}

/** Every row of one patient now belongs to another. */
export async function movePatientRows(
  db: Kysely<Database>,
  table: PatientRowTable,
  fromPatientId: string,
  toPatientId: string,
): Promise<void> {
  await sql`UPDATE ${sql.table(table)} SET patient_id = ${toPatientId} WHERE patient_id = ${fromPatientId}`.execute(db);
}

/** The rows with these ids go back to a patient (an unmerge), whoever holds them now. */
export async function movePatientRowsBack(
  db: Kysely<Database>,
  table: PatientRowTable,
  ids: readonly string[],
  toPatientId: string,
): Promise<void> {
  if (!ids.length) return;
  await sql`UPDATE ${sql.table(table)} SET patient_id = ${toPatientId} WHERE id = ANY(${[...ids]}::uuid[])`.execute(db);
}
