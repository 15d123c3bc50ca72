// SQL for the patients' side of a merge: moving a record's rows (reports, child rows, clinic statuses) to
// the survivor and back, the aliases a merge adds, and the merge rows themselves (patient_merges).

import { movePatientRows, movePatientRowsBack, patientRowIds } from '@nutmeg/db';
import type { Db, masterColumns } from './patient.repo.ts';
import { nameKeys } from './patient-keys.ts';
import type { PersonName } from './patient.types.ts';

/** The tables whose rows follow a merged record to its survivor (and back on unmerge). */
export type MovedTable =
  'patient_reports' | 'patient_names' | 'patient_addresses' | 'patient_phones' | 'patient_guardians' | 'patient_identifiers';

export function rowIdsOf(db: Db, table: MovedTable, patientId: string): Promise<string[]> {
  return patientRowIds(db, table, patientId);
}

export function moveRows(db: Db, table: MovedTable, fromPatientId: string, toPatientId: string): Promise<void> {
  return movePatientRows(db, table, fromPatientId, toPatientId);
}

export function moveRowsBack(db: Db, table: MovedTable, ids: readonly string[], toPatientId: string): Promise<void> {
  return movePatientRowsBack(db, table, ids, toPatientId);
}

/** The merged record's IIS id, kept findable on the survivor. */
export async function insertIisAlias(db: Db, patientId: string, iisId: string, assigner: string): Promise<string> {
  const row = await db
    .insertInto('patient_identifiers')
    .values({ patient_id: patientId, type: 'IIS', value: iisId, assigner })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertNameAlias(db: Db, patientId: string, name: PersonName): Promise<string> {
  const k = nameKeys(name.first, name.last);
  const row = await db
    .insertInto('patient_names')
    .values({
      patient_id: patientId,
      type: 'A',
      first_name: name.first,
      middle_name: name.middle ?? null,
      last_name: name.last,
      first_norm: k.first_norm,
      last_norm: k.last_norm,
      last_soundex: k.last_soundex,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteAlias(db: Db, kind: 'name' | 'identifier', id: string): Promise<void> {
  await db
    .deleteFrom(kind === 'name' ? 'patient_names' : 'patient_identifiers')
    .where('id', '=', id)
    .execute();
}

export async function statusOrganizationsOf(db: Db, patientId: string): Promise<string[]> {
  const rows = await db.selectFrom('patient_org_status').select('organization_id').where('patient_id', '=', patientId).execute();
  return rows.map((r) => r.organization_id);
}

export async function moveOrgStatus(db: Db, fromPatientId: string, toPatientId: string, organizationId: string): Promise<void> {
  await db
    .updateTable('patient_org_status')
    .set({ patient_id: toPatientId })
    .where('patient_id', '=', fromPatientId)
    .where('organization_id', '=', organizationId)
    .execute();
}

export async function setMergedInto(db: Db, patientId: string, survivorId: string | null, at: Date): Promise<void> {
  await db.updateTable('patients').set({ merged_into: survivorId, updated_at: at }).where('id', '=', patientId).execute();
}

export async function insertMerge(
  db: Db,
  m: { survivorId: string; mergedId: string; at: Date; by: string | null; reason: string; survivorBefore: unknown; moved: unknown },
): Promise<string> {
  const row = await db
    .insertInto('patient_merges')
    .values({
      survivor_id: m.survivorId,
      merged_id: m.mergedId,
      at: m.at,
      user_id: m.by,
      reason: m.reason,
      survivor_before: JSON.stringify(m.survivorBefore),
      moved: JSON.stringify(m.moved),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findMerge(db: Db, id: string, forUpdate = false) {
  let q = db.selectFrom('patient_merges').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type MergeRow = NonNullable<Awaited<ReturnType<typeof findMerge>>>;

/** A merge into the survivor after `at` that is not undone (it must be undone first). */
export async function laterMergeExists(db: Db, survivorId: string, at: Date): Promise<boolean> {
  const row = await db
    .selectFrom('patient_merges')
    .select('id')
    .where('survivor_id', '=', survivorId)
    .where('at', '>', at)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
  return !!row;
}

export async function markMergeUndone(db: Db, id: string, u: { by: string | null; reason: string; at: Date }): Promise<void> {
  await db.updateTable('patient_merges').set({ undone_at: u.at, undone_by: u.by, undo_reason: u.reason }).where('id', '=', id).execute();
}

/** Puts the survivor's demographic columns and medical home back as they were before a merge. */
export async function restoreMasterColumns(
  db: Db,
  patientId: string,
  cols: ReturnType<typeof masterColumns>,
  ownerOrgId: string | null,
): Promise<void> {
  await db
    .updateTable('patients')
    .set({ ...cols, owner_org_id: ownerOrgId })
    .where('id', '=', patientId)
    .execute();
}
