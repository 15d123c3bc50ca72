// SQL for the immunizations' side of a merge: every dose, refusal and observation follows the merged record
// to its survivor, and back on unmerge (by the ids the merge recorded).

import type { Db } from './dose.repo.ts';

export type PatientLinkedTable = 'doses' | 'patient_refusals' | 'patient_observations';

export async function rowIdsOf(db: Db, table: PatientLinkedTable, patientId: string): Promise<string[]> {
  return (await db.selectFrom(table).select('id').where('patient_id', '=', patientId).execute()).map((r) => r.id);
}

export async function moveRows(db: Db, table: PatientLinkedTable, fromPatientId: string, toPatientId: string): Promise<void> {
  await db.updateTable(table).set({ patient_id: toPatientId }).where('patient_id', '=', fromPatientId).execute();
}

export async function moveRowsBack(db: Db, table: PatientLinkedTable, ids: readonly string[], toPatientId: string): Promise<void> {
  if (ids.length)
    await db
      .updateTable(table)
      .set({ patient_id: toPatientId })
      .where('id', 'in', [...ids])
      .execute();
}
