// The immunizations' side of a merge and its undo (the merges module runs them, with the patients' side, in
// one transaction): the merged record's doses, refusals and observations follow it to the survivor, and a
// dose both records had becomes one dose with both reports (the dedup rule of dose.service.ts).

import { requestForecastRefresh, type Recommender } from '../recommender/index.ts';
import { liveDoses, liveDosesByIds, setMaster, type Db } from './dose.repo.ts';
import { findDuplicateMaster } from './dose.service.ts';
import { moveRows, moveRowsBack, rowIdsOf } from './merge.repo.ts';

/** The immunizations' rows a merge moved (kept in patient_merges.moved beside the patients' ones). */
export interface ImmunizationsMoved {
  doses: string[];
  refusals: string[];
  observations: string[];
  /** Dose reports whose master changed because the survivor already had the dose: [doseId, oldMaster]. */
  remastered: Array<[string, string]>;
}

/** Moves the merged record's doses, refusals and observations to the survivor, then consolidates shared doses. */
export async function moveImmunizationsForMerge(
  trx: Db,
  recommender: Pick<Recommender, 'vaccineInfo'>,
  survivorId: string,
  mergedId: string,
  now: Date = new Date(),
): Promise<ImmunizationsMoved> {
  const moved: ImmunizationsMoved = {
    doses: await rowIdsOf(trx, 'doses', mergedId),
    refusals: await rowIdsOf(trx, 'patient_refusals', mergedId),
    observations: await rowIdsOf(trx, 'patient_observations', mergedId),
    remastered: [],
  };
  for (const t of ['doses', 'patient_refusals', 'patient_observations'] as const) await moveRows(trx, t, mergedId, survivorId);
  const movedIds = new Set(moved.doses);
  const survivorMasters = (await liveDoses(trx, survivorId)).filter((d) => !movedIds.has(d.id));
  const mergedDoses = await liveDosesByIds(trx, moved.doses);
  for (const d of mergedDoses.filter((x) => x.id === x.master_id)) {
    const dup = findDuplicateMaster(survivorMasters, d, '__merge__', recommender);
    if (!dup) continue;
    for (const r of mergedDoses.filter((x) => x.master_id === d.id)) {
      moved.remastered.push([r.id, r.master_id]);
      await setMaster(trx, r.id, dup.id);
    }
  }
  // The survivor's history changed; the merged record's stored forecast goes (it has no live record now).
  await requestForecastRefresh(trx, [survivorId, mergedId], now);
  return moved;
}

/** Puts back exactly the rows the merge moved, and the masters it changed. */
export async function restoreImmunizationsForUnmerge(
  trx: Db,
  mergedId: string,
  moved: ImmunizationsMoved,
  now: Date = new Date(),
): Promise<void> {
  const survivors = (await liveDosesByIds(trx, moved.doses)).map((d) => d.patient_id);
  for (const [doseId, oldMaster] of moved.remastered) await setMaster(trx, doseId, oldMaster);
  await moveRowsBack(trx, 'doses', moved.doses, mergedId);
  await moveRowsBack(trx, 'patient_refusals', moved.refusals, mergedId);
  await moveRowsBack(trx, 'patient_observations', moved.observations, mergedId);
  await requestForecastRefresh(trx, [mergedId, ...survivors], now);
}
