// SQL for what happened to a record: the edit history (patient_changes), each source's reported version
// (patient_reports) and the merges into it (patient_merges, read side; merge writes are in patient-merge.repo.ts).

import type { Db } from './patient.repo.ts';
import type { Patient } from './patient.types.ts';

export type ReportSourceKind = 'ui' | 'hl7' | 'fhir' | 'import' | 'cli';

export async function insertReport(
  db: Db,
  r: {
    patientId: string;
    sourceOrgId: string;
    sourceKind: ReportSourceKind;
    interfaceId: string | null;
    by: string | null;
    at: Date;
    data: Patient;
  },
): Promise<void> {
  await db
    .insertInto('patient_reports')
    .values({
      patient_id: r.patientId,
      origin_patient_id: r.patientId,
      source_org_id: r.sourceOrgId,
      source_kind: r.sourceKind,
      source_interface: r.interfaceId,
      reported_by: r.by,
      received_at: r.at,
      data: JSON.stringify(r.data),
    })
    .execute();
}

export async function countReports(db: Db, patientId: string): Promise<number> {
  const r = await db
    .selectFrom('patient_reports')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('patient_id', '=', patientId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function reportsOf(db: Db, patientId: string, limit: number) {
  return db
    .selectFrom('patient_reports')
    .select(['id', 'source_kind', 'received_at', 'data', 'source_org_id', 'origin_patient_id'])
    .where('patient_id', '=', patientId)
    .orderBy('received_at', 'desc')
    .limit(limit)
    .execute();
}

export async function insertChange(
  db: Db,
  c: {
    patientId: string;
    at: Date;
    by: string | null;
    organizationId: string | null;
    action: string;
    changes: Record<string, { from: unknown; to: unknown }>;
    reason: string | null;
  },
): Promise<void> {
  await db
    .insertInto('patient_changes')
    .values({
      patient_id: c.patientId,
      at: c.at,
      user_id: c.by,
      organization_id: c.organizationId,
      action: c.action,
      changes: JSON.stringify(c.changes),
      reason: c.reason,
    })
    .execute();
}

export function changesOf(db: Db, patientId: string, limit: number) {
  return db
    .selectFrom('patient_changes')
    .select(['id', 'at', 'action', 'changes', 'reason', 'user_id', 'organization_id'])
    .where('patient_id', '=', patientId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Whether the record's demographics were edited after `since` (an unmerge then keeps the edit). */
export async function editedSince(db: Db, patientId: string, since: Date): Promise<boolean> {
  const row = await db
    .selectFrom('patient_changes')
    .select('id')
    .where('patient_id', '=', patientId)
    .where('action', '=', 'update')
    .where('at', '>', since)
    .executeTakeFirst();
  return !!row;
}

/** The merges into a record that are not undone, newest first, with the merged record's IIS id. */
export function activeMergesInto(db: Db, survivorId: string) {
  return db
    .selectFrom('patient_merges as m')
    .innerJoin('patients as p', 'p.id', 'm.merged_id')
    .select(['m.id', 'm.merged_id', 'p.iis_id', 'm.at', 'm.reason'])
    .where('m.survivor_id', '=', survivorId)
    .where('m.undone_at', 'is', null)
    .orderBy('m.at', 'desc')
    .execute();
}
