// Merge and unmerge of two patient records (DPH data steward), in one transaction over both modules whose
// tables hold a person's record: patients (demographics, reports, statuses, the merge rows) and
// immunizations (doses, refusals, observations). The orchestration lives here, in a module that may import
// both, rather than in patients: patients must not import immunizations (immunizations imports patients),
// and a hook registered at start could be forgotten by one composition (the CLI, a test) and silently leave
// doses behind. A module that later keeps rows per patient adds its step here, where the type checker sees it.

import type { AppContext } from '../../context.ts';
import { conflict, forbidden, invalid, notFound } from '../../errors.ts';
import { can, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { moveImmunizationsForMerge, restoreImmunizationsForUnmerge, type ImmunizationsMoved } from '../immunizations/index.ts';
import type { PossibleDuplicateResolved } from '@nutmeg/api-types';
import {
  closePairOnMerge,
  lockAndLoadForMerge,
  lockOpenPairForMerge,
  lockMergeForUndo,
  moveRecordsForMerge,
  recordMerge,
  restoreRecordsForUnmerge,
  type PatientMoved,
} from '../patients/index.ts';

/** Every row id a merge moved, by the module that owns the rows (stored as patient_merges.moved). */
type Moved = PatientMoved & ImmunizationsMoved;

function audit(ctx: AppContext, db: AppContext['db'], actor: Actor, action: string, patientId: string, detail: Record<string, unknown>) {
  return appendActorAudit(db, actor, { action, entityType: 'patient_merge', entityId: patientId, patientId, detail }, ctx.clock.now());
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
  return ctx.db.transaction().execute((trx) => mergeInTrx(ctx, trx, actor, { survivorId, mergedId, reason }));
}

/**
 * Merges an open pair of the possible-duplicate queue into the record the steward chose, in one transaction
 * with the pair's resolution (the pair is locked first: of two stewards' merges, the second is refused).
 */
export async function mergePossibleDuplicate(
  ctx: AppContext,
  actor: Actor,
  pairId: string,
  survivorId: string,
  reason: string,
): Promise<PossibleDuplicateResolved> {
  if (!can(actor, 'patient:merge')) throw forbidden('Only DPH data stewards can merge records');
  return ctx.db.transaction().execute(async (trx) => {
    const { mergedId } = await lockOpenPairForMerge(trx, pairId, survivorId);
    const { mergeId } = await mergeInTrx(ctx, trx, actor, { survivorId, mergedId, reason, pairId });
    return { id: pairId, status: 'merged', mergeId };
  });
}

/** A merge the steward asked for: the two records, why, and the queue's pair when started from it. */
interface MergeRequest {
  survivorId: string;
  mergedId: string;
  reason: string;
  pairId?: string;
}

async function mergeInTrx(ctx: AppContext, trx: AppContext['db'], actor: Actor, request: MergeRequest): Promise<{ mergeId: string }> {
  const { survivorId, mergedId, reason, pairId } = request;
  // Both rows are locked before they are read: of two merges over one record the second waits, then is refused.
  const [survivor, merged] = await lockAndLoadForMerge(trx, [survivorId, mergedId]);
  if (!survivor || !merged) throw notFound('Patient');
  if (survivor.row.merged_into) throw conflict('The surviving record was itself merged into another; merge into that one instead');
  if (merged.row.merged_into) throw conflict('This record is already merged into another');
  const now = ctx.clock.now();
  const moved: Moved = {
    ...(await moveRecordsForMerge(trx, survivor, merged, now)),
    ...(await moveImmunizationsForMerge(trx, ctx.recommender, survivorId, mergedId, now)),
  };
  const mergeId = await recordMerge(trx, {
    survivor,
    merged,
    moved,
    by: actor.userId,
    organizationId: actor.scope?.organizationId ?? null,
    reason,
    at: now,
  });
  await closePairOnMerge(trx, survivorId, mergedId, actor.userId, now);
  await audit(ctx, trx, actor, 'patient.merge', survivorId, { mergedId, mergeId, reason, ...(pairId ? { pairId } : {}) });
  return { mergeId };
}

export async function unmergePatients(
  ctx: AppContext,
  actor: Actor,
  mergeId: string,
  reason: string,
): Promise<{ survivorId: string; restoredId: string }> {
  if (!can(actor, 'patient:merge')) throw forbidden('Only DPH data stewards can unmerge records');
  return ctx.db.transaction().execute(async (trx) => {
    const found = await lockMergeForUndo(trx, mergeId);
    if (!found) throw notFound('Merge');
    const { merge } = found;
    if (merge.undone_at) throw conflict('This merge was already undone');
    if (found.survivorMergedAway) throw conflict('The surviving record was merged into another since; undo that merge first');
    if (found.laterMerges) throw conflict('Undo the later merges into this record first');
    const now = ctx.clock.now();
    await restoreImmunizationsForUnmerge(trx, merge.merged_id, merge.moved as unknown as Moved, now);
    await restoreRecordsForUnmerge(trx, merge, { by: actor.userId, organizationId: actor.scope?.organizationId ?? null, reason, at: now });
    await audit(ctx, trx, actor, 'patient.unmerge', merge.survivor_id, { mergeId, restoredId: merge.merged_id });
    return { survivorId: merge.survivor_id, restoredId: merge.merged_id };
  });
}
