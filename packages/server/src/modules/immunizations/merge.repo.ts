// SQL for the immunizations' side of a merge: every dose, refusal and observation follows the merged record
// to its survivor, and back on unmerge (by the ids the merge recorded).

import { movePatientRows, movePatientRowsBack, patientRowIds } from '@nutmeg/db';
import type { Db } from './dose.repo.ts';

export type PatientLinkedTable = 'doses' | 'patient_refusals' | 'patient_observations';

export function rowIdsOf(db: Db, table: PatientLinkedTable, patientId: string): Promise<string[]> {
  return patientRowIds(db, table, patientId);
}

export function moveRows(db: Db, table: PatientLinkedTable, fromPatientId: string, toPatientId: string): Promise<void> {
  return movePatientRows(db, table, fromPatientId, toPatientId);
}

export function moveRowsBack(db: Db, table: PatientLinkedTable, ids: readonly string[], toPatientId: string): Promise<void> {
  return movePatientRowsBack(db, table, ids, toPatientId);
}
