// SQL for doses (master + reported) and their change history (doses, dose_changes).

import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
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

export async function insertDose(db: Db, dose: Insertable<DoseTable>): Promise<void> {
  await db.insertInto('doses').values(dose).execute();
}

export async function updateDoseColumns(db: Db, id: string, set: Updateable<DoseTable>): Promise<void> {
  await db.updateTable('doses').set(set).where('id', '=', id).execute();
}

export async function softDeleteDose(db: Db, id: string, d: { by: string | null; reason: string; at: Date }): Promise<void> {
  await db.updateTable('doses').set({ deleted_at: d.at, deleted_by: d.by, delete_reason: d.reason }).where('id', '=', id).execute();
}

/** Re-points every report of `fromMaster` to `toMaster`. */
export async function repointMaster(db: Db, fromMaster: string, toMaster: string): Promise<void> {
  await db.updateTable('doses').set({ master_id: toMaster }).where('master_id', '=', fromMaster).execute();
}

/** Makes one report part of another master (merge dedup, and its undo). */
export async function setMaster(db: Db, doseId: string, masterId: string): Promise<void> {
  await db.updateTable('doses').set({ master_id: masterId }).where('id', '=', doseId).execute();
}

export async function insertDoseChange(
  db: Db,
  c: {
    doseId: string;
    patientId: string;
    at: Date;
    by: string | null;
    action: string;
    changes: Record<string, unknown>;
    reason: string | null;
  },
): Promise<void> {
  await db
    .insertInto('dose_changes')
    .values({
      dose_id: c.doseId,
      patient_id: c.patientId,
      at: c.at,
      user_id: c.by,
      action: c.action,
      changes: JSON.stringify(c.changes),
      reason: c.reason,
    })
    .execute();
}

/** Every live report consolidated into one master dose of a patient. */
export async function reportsOfMaster(db: Db, patientId: string, masterId: string): Promise<DoseRow[]> {
  return db
    .selectFrom('doses')
    .selectAll()
    .where('patient_id', '=', patientId)
    .where('master_id', '=', masterId)
    .where('deleted_at', 'is', null)
    .orderBy('entered_at')
    .orderBy('id')
    .execute();
}

/** Live doses among `ids` (a merge's moved doses). */
export async function liveDosesByIds(db: Db, ids: readonly string[]): Promise<DoseRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('doses')
    .selectAll()
    .where('id', 'in', [...ids])
    .where('deleted_at', 'is', null)
    .execute();
}

/** Live doses of many patients (the forecast store's batches). */
export async function liveDosesOfPatients(db: Db, patientIds: readonly string[]): Promise<DoseRow[]> {
  if (patientIds.length === 0) return [];
  return db
    .selectFrom('doses')
    .selectAll()
    .where('patient_id', '=', sql<string>`ANY(${[...patientIds]}::uuid[])`)
    .where('deleted_at', 'is', null)
    .orderBy('patient_id')
    .orderBy('date')
    .orderBy('entered_at')
    .execute();
}

/** Every dose row, deleted ones too (a check that a refused message wrote none: the fuzz run). */
export async function countDoseRows(db: Db): Promise<number> {
  const r = await db
    .selectFrom('doses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
