// SQL for refusals and CDSi observations (patient_refusals, patient_observations).

import { sql, type Insertable } from 'kysely';
import type { PatientObservationTable, PatientRefusalTable } from '@nutmeg/db';
import type { Db } from './dose.repo.ts';

export type NoteTable = 'patient_refusals' | 'patient_observations';

export async function liveRefusals(db: Db, patientId: string) {
  return db
    .selectFrom('patient_refusals')
    .selectAll()
    .where('patient_id', '=', patientId)
    .where('deleted_at', 'is', null)
    .orderBy('date')
    .execute();
}

export async function liveObservations(db: Db, patientId: string) {
  return db
    .selectFrom('patient_observations')
    .selectAll()
    .where('patient_id', '=', patientId)
    .where('deleted_at', 'is', null)
    .orderBy('date')
    .execute();
}

export async function insertRefusal(db: Db, r: Insertable<PatientRefusalTable>): Promise<{ id: string }> {
  return db.insertInto('patient_refusals').values(r).returning('id').executeTakeFirstOrThrow();
}

export async function insertObservation(db: Db, o: Insertable<PatientObservationTable>): Promise<{ id: string }> {
  return db.insertInto('patient_observations').values(o).returning('id').executeTakeFirstOrThrow();
}

export function findNote(db: Db, table: NoteTable, id: string) {
  return db.selectFrom(table).select(['id', 'patient_id', 'source_org_id', 'deleted_at']).where('id', '=', id).executeTakeFirst();
}

export async function softDeleteNote(db: Db, table: NoteTable, id: string, d: { by: string | null; reason: string; at: Date }) {
  await db.updateTable(table).set({ deleted_at: d.at, deleted_by: d.by, delete_reason: d.reason }).where('id', '=', id).execute();
}

/** Live observations of many patients (the forecast store's batches). */
export async function liveObservationsOfPatients(db: Db, patientIds: readonly string[]) {
  if (patientIds.length === 0) return [];
  return db
    .selectFrom('patient_observations')
    .select(['patient_id', 'code', 'date', 'status'])
    .where('patient_id', '=', sql<string>`ANY(${[...patientIds]}::uuid[])`)
    .where('deleted_at', 'is', null)
    .orderBy('date')
    .execute();
}
