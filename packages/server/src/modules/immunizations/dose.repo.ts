// SQL for doses, refusals and observations.

import type { Kysely, Selectable } from 'kysely';
import type { Database, DoseTable } from '@nutmeg/db';

export type Db = Kysely<Database>;
export type DoseRow = Selectable<DoseTable>;

export async function liveDoses(db: Db, patientId: string): Promise<DoseRow[]> {
  return db
    .selectFrom('doses')
    .selectAll()
    .where('patient_id', '=', patientId)
    .where('deleted_at', 'is', null)
    .orderBy('date')
    .orderBy('entered_at')
    .execute();
}

export async function doseById(db: Db, id: string): Promise<DoseRow | undefined> {
  return db.selectFrom('doses').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Re-points every report of `fromMaster` to `toMaster`. */
export async function repointMaster(db: Db, fromMaster: string, toMaster: string): Promise<void> {
  await db.updateTable('doses').set({ master_id: toMaster }).where('master_id', '=', fromMaster).execute();
}

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

export async function organizationFacts(db: Db, orgId: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'kind', 'medical_home', 'clinic_type'])
    .where('id', '=', orgId)
    .executeTakeFirst();
}

/** Every live report consolidated into one master dose of a patient, with the reporting organization's name. */
export async function reportsOfMaster(db: Db, patientId: string, masterId: string) {
  return db
    .selectFrom('doses as d')
    .leftJoin('organizations as o', 'o.id', 'd.source_org_id')
    .selectAll('d')
    .select('o.name as source_name')
    .where('d.patient_id', '=', patientId)
    .where('d.master_id', '=', masterId)
    .where('d.deleted_at', 'is', null)
    .orderBy('d.entered_at')
    .orderBy('d.id')
    .execute();
}
