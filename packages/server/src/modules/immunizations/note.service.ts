// Refusals and CDSi observations (contraindications, precautions, evidence of immunity, indications) on a
// record: dated between birth and today, removable only by the entering clinic or DPH, each change audited.
// An observation is 'active' (the patient has it) or 'unknown' (clinical judgement needed).

import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { inTransaction } from '../../transaction.ts';
import { invalid, notFound } from '../../errors.ts';
import type { Submitter } from '../access/index.ts';
import { appendSubmitterAudit } from '../audit/index.ts';
import { loadWritableRow } from '../patients/index.ts';
import { requestForecastRefresh } from '../recommender/index.ts';
import type { Db } from './dose.repo.ts';
import { assertMayChangeEntry } from './entry.policy.ts';
import * as repo from './note.repo.ts';

export type NoteKind = 'refusal' | 'observation';
const TABLE = { refusal: 'patient_refusals', observation: 'patient_observations' } as const;

/** The columns every refusal and observation row shares: who entered it, for which record, when, through what. */
interface NoteCommon {
  patient_id: string;
  origin_patient_id: string;
  date: string;
  source_org_id: string;
  source_kind: Submitter['kind'];
  source_interface: string | null;
  entered_by: string | null;
  entered_at: Date;
}

/** Records a refusal or an observation dated between birth and today, in one transaction with its audit entry. */
async function addNote(
  ctx: AppContext,
  submitter: Submitter,
  patientId: string,
  what: NoteKind,
  date: string,
  insert: (trx: Db, common: NoteCommon) => Promise<{ id: string }>,
  detail: Record<string, unknown>,
): Promise<{ id: string }> {
  return inTransaction(ctx.db, async (trx) => {
    const rows = await loadWritableRow(ctx, submitter, patientId, trx);
    if (date > jurisdictionToday(ctx.clock) || date < rows.row.dob)
      throw invalid(`The ${what} date must be between the date of birth and today`, [{ path: 'date', message: 'Out of range' }]);
    const r = await insert(trx, {
      patient_id: patientId,
      origin_patient_id: patientId,
      date,
      source_org_id: submitter.organizationId,
      source_kind: submitter.kind,
      source_interface: submitter.interfaceId,
      entered_by: submitter.userId,
      entered_at: ctx.clock.now(),
    });
    await appendSubmitterAudit(
      trx,
      submitter,
      { action: `${what}.create`, entityType: what, entityId: r.id, patientId, detail },
      ctx.clock.now(),
    );
    // Observations are engine input (refusals are not).
    if (what === 'observation') await requestForecastRefresh(trx, [patientId], ctx.clock.now());
    return r;
  });
}

export async function recordRefusal(
  ctx: AppContext,
  submitter: Submitter,
  patientId: string,
  body: { vaccineGroup: string; date: string; reason: string },
): Promise<{ id: string }> {
  if (!ctx.recommender.data.vaccineGroups.has(body.vaccineGroup))
    throw invalid(`${body.vaccineGroup} is not a CDSi vaccine group`, [{ path: 'vaccineGroup', message: 'Unknown vaccine group' }]);
  return addNote(
    ctx,
    submitter,
    patientId,
    'refusal',
    body.date,
    (trx, common) => repo.insertRefusal(trx, { ...common, vaccine_group: body.vaccineGroup, reason: body.reason }),
    { vaccineGroup: body.vaccineGroup },
  );
}

export async function recordObservation(
  ctx: AppContext,
  submitter: Submitter,
  patientId: string,
  body: { kind: 'contraindication' | 'precaution' | 'immunity' | 'indication'; code: string; date: string; status: 'active' | 'unknown' },
): Promise<{ id: string }> {
  const title = ctx.recommender.observationTitle(body.code);
  if (!title) throw invalid(`${body.code} is not a CDSi observation code`, [{ path: 'code', message: 'Unknown observation code' }]);
  return addNote(
    ctx,
    submitter,
    patientId,
    'observation',
    body.date,
    (trx, common) => repo.insertObservation(trx, { ...common, kind: body.kind, code: body.code, text: title, status: body.status }),
    { code: body.code, status: body.status },
  );
}

/** Soft-deletes a refusal or observation; only the entering clinic or DPH. */
export async function deleteNote(
  ctx: AppContext,
  submitter: Submitter,
  what: NoteKind,
  patientId: string,
  itemId: string,
  reason: string,
): Promise<{ id: string }> {
  return inTransaction(ctx.db, async (trx) => {
    await loadWritableRow(ctx, submitter, patientId, trx);
    const item = await repo.findNote(trx, TABLE[what], itemId);
    if (!item || item.patient_id !== patientId || item.deleted_at) throw notFound(what === 'refusal' ? 'Refusal' : 'Observation');
    assertMayChangeEntry(submitter, item.source_org_id, 'Only the clinic that entered it (or DPH) can remove it');
    await repo.softDeleteNote(trx, TABLE[what], itemId, { by: submitter.userId, reason, at: ctx.clock.now() });
    await appendSubmitterAudit(
      trx,
      submitter,
      { action: `${what}.delete`, entityType: what, entityId: itemId, patientId, detail: { reason } },
      ctx.clock.now(),
    );
    if (what === 'observation') await requestForecastRefresh(trx, [patientId], ctx.clock.now());
    return { id: itemId };
  });
}
