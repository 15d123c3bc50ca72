// Merge and unmerge (DPH data steward). A merge keeps everything: the merged master is hidden (merged_into),
// its reports, doses, refusals, observations, child rows and clinic statuses move to the survivor, its name
// becomes an alias, and every moved row id is written to patient_merges.moved, so unmerge puts exactly those
// rows back and restores the survivor's demographics as they were.

import type { AppContext } from '../../context.ts';
import { conflict, forbidden, invalid, notFound } from '../../errors.ts';
import { can, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { nameKeys } from './patient-keys.ts';
import { loadPatientRows, masterColumns, toPatient, type Db } from './patient.repo.ts';
import { bumpVersion, lockPatients } from './patient-write.repo.ts';
import type { Patient } from './patient.types.ts';

interface Moved {
  reports: string[];
  doses: string[];
  refusals: string[];
  observations: string[];
  names: string[];
  addresses: string[];
  phones: string[];
  guardians: string[];
  identifiers: string[];
  orgStatuses: string[];
  /** Dose reports whose master changed because the survivor already had the dose: [doseId, oldMaster]. */
  remastered: Array<[string, string]>;
  /** Alias rows created on the survivor for the merged name. */
  aliasesAdded: string[];
  survivorOwnerBefore: string | null;
}

const CHILD_TABLES = {
  names: 'patient_names',
  addresses: 'patient_addresses',
  phones: 'patient_phones',
  guardians: 'patient_guardians',
  identifiers: 'patient_identifiers',
} as const;

function audit(ctx: AppContext, db: Db, actor: Actor, action: string, patientId: string, detail: Record<string, unknown>) {
  return appendActorAudit(
    db,
    actor,
    {
      action,
      entityType: 'patient_merge',
      entityId: patientId,
      patientId,
      detail,
    },
    ctx.clock.now(),
  );
}

async function ids(
  db: Db,
  table: 'patient_reports' | 'doses' | 'patient_refusals' | 'patient_observations' | (typeof CHILD_TABLES)[keyof typeof CHILD_TABLES],
  patientId: string,
): Promise<string[]> {
  return (await db.selectFrom(table).select('id').where('patient_id', '=', patientId).execute()).map((r) => r.id);
}

export async function mergePatients(
  ctx: AppContext,
  actor: Actor,
  survivorId: string,
  mergedId: string,
  reason: string,
): Promise<{ mergeId: string }> {
  if (!can(actor, 'patient:merge')) throw forbidden('Only DPH data stewards can merge records');
  if (survivorId === mergedId) throw invalid('Choose two different records');
  return ctx.db.transaction().execute(async (trx) => {
    // Both rows locked before they are read: of two merges over one record (A←B with B←A, or A←B with C←B)
    // the second waits, then sees the first's merged_into and is refused, so no cycle or split merge.
    await lockPatients(trx, [survivorId, mergedId]);
    const survivor = await loadPatientRows(trx, survivorId);
    const merged = await loadPatientRows(trx, mergedId);
    if (!survivor || !merged) throw notFound('Patient');
    if (survivor.row.merged_into) throw conflict('The surviving record was itself merged into another; merge into that one instead');
    if (merged.row.merged_into) throw conflict('This record is already merged into another');
    const now = ctx.clock.now();
    const moved: Moved = {
      reports: await ids(trx, 'patient_reports', mergedId),
      doses: await ids(trx, 'doses', mergedId),
      refusals: await ids(trx, 'patient_refusals', mergedId),
      observations: await ids(trx, 'patient_observations', mergedId),
      names: await ids(trx, 'patient_names', mergedId),
      addresses: await ids(trx, 'patient_addresses', mergedId),
      phones: await ids(trx, 'patient_phones', mergedId),
      guardians: await ids(trx, 'patient_guardians', mergedId),
      identifiers: await ids(trx, 'patient_identifiers', mergedId),
      orgStatuses: [],
      remastered: [],
      aliasesAdded: [],
      survivorOwnerBefore: survivor.row.owner_org_id,
    };
    for (const t of ['patient_reports', 'doses', 'patient_refusals', 'patient_observations'] as const) {
      await trx.updateTable(t).set({ patient_id: survivorId }).where('patient_id', '=', mergedId).execute();
    }
    for (const t of Object.values(CHILD_TABLES))
      await trx.updateTable(t).set({ patient_id: survivorId }).where('patient_id', '=', mergedId).execute();
    // The merged record's IIS id stays findable.
    const iisAlias = await trx
      .insertInto('patient_identifiers')
      .values({ patient_id: survivorId, type: 'IIS', value: merged.row.iis_id, assigner: merged.row.jurisdiction_id })
      .returning('id')
      .executeTakeFirstOrThrow();
    moved.aliasesAdded.push(`identifier:${iisAlias.id}`);
    const mergedName = toPatient(merged).name;
    const s = toPatient(survivor).name;
    if (mergedName.first !== s.first || mergedName.last !== s.last) {
      const k = nameKeys(mergedName.first, mergedName.last);
      const alias = await trx
        .insertInto('patient_names')
        .values({
          patient_id: survivorId,
          type: 'A',
          first_name: mergedName.first,
          middle_name: mergedName.middle ?? null,
          last_name: mergedName.last,
          first_norm: k.first_norm,
          last_norm: k.last_norm,
          last_soundex: k.last_soundex,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      moved.aliasesAdded.push(`name:${alias.id}`);
    }
    // Clinic statuses the survivor lacks move over.
    const statuses = await trx.selectFrom('patient_org_status').select('organization_id').where('patient_id', '=', mergedId).execute();
    const have = new Set(
      (await trx.selectFrom('patient_org_status').select('organization_id').where('patient_id', '=', survivorId).execute()).map(
        (r) => r.organization_id,
      ),
    );
    for (const st of statuses) {
      if (have.has(st.organization_id)) continue;
      await trx
        .updateTable('patient_org_status')
        .set({ patient_id: survivorId })
        .where('patient_id', '=', mergedId)
        .where('organization_id', '=', st.organization_id)
        .execute();
      moved.orgStatuses.push(st.organization_id);
    }
    // Doses both records had become one dose with both reports.
    const { findDuplicateMaster } = await import('../immunizations/index.ts');
    const survivorMasters = await trx
      .selectFrom('doses')
      .selectAll()
      .where('patient_id', '=', survivorId)
      .where('deleted_at', 'is', null)
      .where('id', 'not in', moved.doses.length ? moved.doses : ['00000000-0000-0000-0000-000000000000'])
      .execute();
    const mergedDoses = await trx
      .selectFrom('doses')
      .selectAll()
      .where('id', 'in', moved.doses.length ? moved.doses : ['00000000-0000-0000-0000-000000000000'])
      .where('deleted_at', 'is', null)
      .execute();
    for (const d of mergedDoses.filter((x) => x.id === x.master_id)) {
      const dup = findDuplicateMaster(survivorMasters, d, '__merge__', ctx.recommender);
      if (!dup) continue;
      for (const r of mergedDoses.filter((x) => x.master_id === d.id)) {
        moved.remastered.push([r.id, r.master_id]);
        await trx.updateTable('doses').set({ master_id: dup.id }).where('id', '=', r.id).execute();
      }
    }
    if (!survivor.row.owner_org_id && merged.row.owner_org_id)
      await trx.updateTable('patients').set({ owner_org_id: merged.row.owner_org_id }).where('id', '=', survivorId).execute();
    await trx.updateTable('patients').set({ merged_into: survivorId, updated_at: now }).where('id', '=', mergedId).execute();
    await bumpVersion(trx, survivorId, now);
    const m = await trx
      .insertInto('patient_merges')
      .values({
        survivor_id: survivorId,
        merged_id: mergedId,
        at: now,
        user_id: actor.userId,
        reason,
        survivor_before: JSON.stringify(toPatient(survivor)),
        moved: JSON.stringify(moved),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('patient_changes')
      .values({
        patient_id: survivorId,
        at: now,
        user_id: actor.userId,
        organization_id: actor.scope?.organizationId ?? null,
        action: 'merge',
        changes: JSON.stringify({ merged: { from: null, to: merged.row.iis_id } }),
        reason,
      })
      .execute();
    await audit(ctx, trx, actor, 'patient.merge', survivorId, { mergedId, mergeId: m.id });
    return { mergeId: m.id };
  });
}

export async function unmergePatients(
  ctx: AppContext,
  actor: Actor,
  mergeId: string,
  reason: string,
): Promise<{ survivorId: string; restoredId: string }> {
  if (!can(actor, 'patient:merge')) throw forbidden('Only DPH data stewards can unmerge records');
  return ctx.db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('patient_merges').select(['survivor_id', 'merged_id']).where('id', '=', mergeId).executeTakeFirst();
    if (!found) throw notFound('Merge');
    // Same lock order as a merge, then the merge row itself: two undos of one merge cannot both run.
    await lockPatients(trx, [found.survivor_id, found.merged_id]);
    const m = await trx.selectFrom('patient_merges').selectAll().where('id', '=', mergeId).forUpdate().executeTakeFirstOrThrow();
    if (m.undone_at) throw conflict('This merge was already undone');
    const survivorNow = await trx.selectFrom('patients').select('merged_into').where('id', '=', m.survivor_id).executeTakeFirstOrThrow();
    if (survivorNow.merged_into) throw conflict('The surviving record was merged into another since; undo that merge first');
    const later = await trx
      .selectFrom('patient_merges')
      .select('id')
      .where('survivor_id', '=', m.survivor_id)
      .where('at', '>', m.at)
      .where('undone_at', 'is', null)
      .executeTakeFirst();
    if (later) throw conflict('Undo the later merges into this record first');
    const moved = m.moved as unknown as Moved;
    const back = (
      table: 'patient_reports' | 'doses' | 'patient_refusals' | 'patient_observations' | (typeof CHILD_TABLES)[keyof typeof CHILD_TABLES],
      list: string[],
    ) => (list.length ? trx.updateTable(table).set({ patient_id: m.merged_id }).where('id', 'in', list).execute() : Promise.resolve());
    for (const [doseId, oldMaster] of moved.remastered)
      await trx.updateTable('doses').set({ master_id: oldMaster }).where('id', '=', doseId).execute();
    await back('patient_reports', moved.reports);
    await back('doses', moved.doses);
    await back('patient_refusals', moved.refusals);
    await back('patient_observations', moved.observations);
    for (const [key, table] of Object.entries(CHILD_TABLES)) await back(table, moved[key as keyof typeof CHILD_TABLES]);
    for (const a of moved.aliasesAdded) {
      const [kind, id] = a.split(':') as ['name' | 'identifier', string];
      await trx
        .deleteFrom(kind === 'name' ? 'patient_names' : 'patient_identifiers')
        .where('id', '=', id)
        .execute();
    }
    for (const org of moved.orgStatuses) {
      await trx
        .updateTable('patient_org_status')
        .set({ patient_id: m.merged_id })
        .where('patient_id', '=', m.survivor_id)
        .where('organization_id', '=', org)
        .execute();
    }
    // Doses added to the survivor after the merge that belong to the merged person stay on the survivor: a
    // steward moves them by hand. The survivor's demographics are restored to their state before the merge,
    // unless they were edited since (then the edit is kept and the steward reviews it).
    const survivor = await loadPatientRows(trx, m.survivor_id);
    const now = ctx.clock.now();
    const before = m.survivor_before as unknown as Patient;
    const editedSince = await trx
      .selectFrom('patient_changes')
      .select('id')
      .where('patient_id', '=', m.survivor_id)
      .where('action', '=', 'update')
      .where('at', '>', m.at)
      .executeTakeFirst();
    if (survivor && !editedSince) {
      await trx
        .updateTable('patients')
        .set({ ...masterColumns(before), owner_org_id: moved.survivorOwnerBefore })
        .where('id', '=', m.survivor_id)
        .execute();
    }
    await trx.updateTable('patients').set({ merged_into: null, updated_at: now }).where('id', '=', m.merged_id).execute();
    await bumpVersion(trx, m.survivor_id, now);
    await trx
      .updateTable('patient_merges')
      .set({ undone_at: now, undone_by: actor.userId, undo_reason: reason })
      .where('id', '=', mergeId)
      .execute();
    await trx
      .insertInto('patient_changes')
      .values({
        patient_id: m.survivor_id,
        at: now,
        user_id: actor.userId,
        organization_id: actor.scope?.organizationId ?? null,
        action: 'unmerge',
        changes: JSON.stringify({}),
        reason,
      })
      .execute();
    await audit(ctx, trx, actor, 'patient.unmerge', m.survivor_id, { mergeId, restoredId: m.merged_id });
    return { survivorId: m.survivor_id, restoredId: m.merged_id };
  });
}
