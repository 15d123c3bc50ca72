// The patients' side of a merge and its undo (the merges module runs them, with the immunizations' side, in
// one transaction). A merge keeps everything: the merged master is hidden (merged_into), its reports, child
// rows and clinic statuses move to the survivor, its name and IIS id become aliases there, and every moved
// row id is returned for patient_merges.moved, so unmerge puts exactly those rows back and restores the
// survivor's demographics as they were.

import { loadPatientRows, masterColumns, toPatient, visibilityFacts, type Db, type PatientRows } from './patient.repo.ts';
import { editedSince, insertChange } from './patient-history.repo.ts';
import * as repo from './patient-merge.repo.ts';
import { setOwnerColumn } from './patient-status.repo.ts';
import { bumpVersion, lockPatients } from './patient-write.repo.ts';
import type { Patient } from './patient.types.ts';

/** The patients' rows a merge moved (kept in patient_merges.moved beside the immunizations' ones). */
export interface PatientMoved {
  reports: string[];
  names: string[];
  addresses: string[];
  phones: string[];
  guardians: string[];
  identifiers: string[];
  orgStatuses: string[];
  /** Alias rows created on the survivor for the merged record: "name:<id>" or "identifier:<id>". */
  aliasesAdded: string[];
  survivorOwnerBefore: string | null;
}

const CHILD_TABLES = {
  reports: 'patient_reports',
  names: 'patient_names',
  addresses: 'patient_addresses',
  phones: 'patient_phones',
  guardians: 'patient_guardians',
  identifiers: 'patient_identifiers',
} as const;
type ChildKey = keyof typeof CHILD_TABLES;
const CHILD_KEYS = Object.keys(CHILD_TABLES) as ChildKey[];

/**
 * Locks both masters (in id order, so two merges over one record never deadlock) and loads them. Of two merges
 * over one record (A←B with B←A, or A←B with C←B) the second waits here, then sees the first's merged_into.
 */
export async function lockAndLoadForMerge(trx: Db, ids: readonly [string, string]) {
  await lockPatients(trx, ids);
  return Promise.all(ids.map((id) => loadPatientRows(trx, id)));
}

/** Moves the merged record's rows to the survivor, adds its aliases and statuses there, and hides it. */
export async function moveRecordsForMerge(trx: Db, survivor: PatientRows, merged: PatientRows, now: Date): Promise<PatientMoved> {
  const survivorId = survivor.row.id;
  const mergedId = merged.row.id;
  const ids = Object.fromEntries(
    await Promise.all(CHILD_KEYS.map(async (k) => [k, await repo.rowIdsOf(trx, CHILD_TABLES[k], mergedId)] as const)),
  ) as Record<ChildKey, string[]>;
  for (const k of CHILD_KEYS) await repo.moveRows(trx, CHILD_TABLES[k], mergedId, survivorId);
  const moved: PatientMoved = { ...ids, orgStatuses: [], aliasesAdded: [], survivorOwnerBefore: survivor.row.owner_org_id };
  // The merged record's IIS id stays findable, and so does its name when it differs.
  moved.aliasesAdded.push(`identifier:${await repo.insertIisAlias(trx, survivorId, merged.row.iis_id, merged.row.jurisdiction_id)}`);
  const mergedName = toPatient(merged).name;
  const s = toPatient(survivor).name;
  if (mergedName.first !== s.first || mergedName.last !== s.last)
    moved.aliasesAdded.push(`name:${await repo.insertNameAlias(trx, survivorId, mergedName)}`);
  // Clinic statuses the survivor lacks move over.
  const have = new Set(await repo.statusOrganizationsOf(trx, survivorId));
  for (const org of await repo.statusOrganizationsOf(trx, mergedId)) {
    if (have.has(org)) continue;
    await repo.moveOrgStatus(trx, mergedId, survivorId, org);
    moved.orgStatuses.push(org);
  }
  if (!survivor.row.owner_org_id && merged.row.owner_org_id) await setOwnerColumn(trx, survivorId, merged.row.owner_org_id, now);
  await repo.setMergedInto(trx, mergedId, survivorId, now);
  await bumpVersion(trx, survivorId, now);
  return moved;
}

/** The merge row and the survivor's history entry. */
export async function recordMerge(
  trx: Db,
  m: {
    survivor: PatientRows;
    merged: PatientRows;
    moved: object;
    by: string | null;
    organizationId: string | null;
    reason: string;
    at: Date;
  },
): Promise<string> {
  const id = await repo.insertMerge(trx, {
    survivorId: m.survivor.row.id,
    mergedId: m.merged.row.id,
    at: m.at,
    by: m.by,
    reason: m.reason,
    survivorBefore: toPatient(m.survivor),
    moved: m.moved,
  });
  await insertChange(trx, {
    patientId: m.survivor.row.id,
    at: m.at,
    by: m.by,
    organizationId: m.organizationId,
    action: 'merge',
    changes: { merged: { from: null, to: m.merged.row.iis_id } },
    reason: m.reason,
  });
  return id;
}

/**
 * The merge to undo, locked: both records first (the same lock order as a merge), then the merge row itself,
 * so two undos of one merge cannot both run. Undefined when there is no such merge.
 */
export async function lockMergeForUndo(trx: Db, mergeId: string) {
  const found = await repo.findMerge(trx, mergeId);
  if (!found) return undefined;
  await lockPatients(trx, [found.survivor_id, found.merged_id]);
  const merge = (await repo.findMerge(trx, mergeId, true))!;
  const survivor = await visibilityFacts(trx, merge.survivor_id);
  return {
    merge,
    survivorMergedAway: !!survivor?.mergedInto,
    laterMerges: await repo.laterMergeExists(trx, merge.survivor_id, merge.at),
  };
}

/**
 * Puts the merged record's rows back, removes the aliases the merge added, and shows the record again.
 * The survivor's demographics are restored to their state before the merge, unless they were edited since
 * (then the edit is kept and the steward reviews it). Doses added to the survivor after the merge stay there.
 */
export async function restoreRecordsForUnmerge(
  trx: Db,
  merge: repo.MergeRow,
  u: { by: string | null; organizationId: string | null; reason: string; at: Date },
): Promise<void> {
  const moved = merge.moved as unknown as PatientMoved;
  for (const k of CHILD_KEYS) await repo.moveRowsBack(trx, CHILD_TABLES[k], moved[k], merge.merged_id);
  for (const a of moved.aliasesAdded) {
    const [kind, id] = a.split(':') as ['name' | 'identifier', string];
    await repo.deleteAlias(trx, kind, id);
  }
  for (const org of moved.orgStatuses) await repo.moveOrgStatus(trx, merge.survivor_id, merge.merged_id, org);
  const before = merge.survivor_before as unknown as Patient;
  if (!(await editedSince(trx, merge.survivor_id, merge.at)))
    await repo.restoreMasterColumns(trx, merge.survivor_id, masterColumns(before), moved.survivorOwnerBefore);
  await repo.setMergedInto(trx, merge.merged_id, null, u.at);
  await bumpVersion(trx, merge.survivor_id, u.at);
  await repo.markMergeUndone(trx, merge.id, { by: u.by, reason: u.reason, at: u.at });
  await insertChange(trx, {
    patientId: merge.survivor_id,
    at: u.at,
    by: u.by,
    organizationId: u.organizationId,
    action: 'unmerge',
    changes: {},
    reason: u.reason,
  });
}
