// Refusals and CDSi observations (contraindications, precautions, evidence of immunity, indications) on a
// record: dated between birth and today, removable only by the entering clinic or DPH, each change audited.
// An observation is 'active' (the patient has it) or 'unknown' (clinical judgement needed).

import type { AppContext } from '../../context.ts';
import { forbidden, invalid, notFound } from '../../errors.ts';
import { isStatewide, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { assertCanWrite, loadVisible } from '../patients/index.ts';
import type { Db } from './dose.repo.ts';
import { todayOf } from './dose.service.ts';

/** The columns every refusal and observation row shares: who entered it, for which record, when. */
interface NoteCommon {
  patient_id: string;
  origin_patient_id: string;
  date: string;
  source_org_id: string;
  entered_by: string;
  entered_at: Date;
}

/** Records a refusal or an observation dated between birth and today, in one transaction with its audit entry. */
async function addNote(
  ctx: AppContext,
  actor: Actor,
  patientId: string,
  what: 'refusal' | 'observation',
  date: string,
  insert: (trx: Db, common: NoteCommon) => Promise<{ id: string }>,
  detail: Record<string, unknown>,
): Promise<{ id: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await loadVisible(ctx, actor, patientId, trx);
    if (date > todayOf(ctx) || date < rows.row.dob)
      throw invalid(`The ${what} date must be between the date of birth and today`, [{ path: 'date', message: 'Out of range' }]);
    const common = {
      patient_id: patientId,
      origin_patient_id: patientId,
      date,
      source_org_id: actor.scope!.organizationId,
      entered_by: actor.userId,
      entered_at: ctx.clock.now(),
    };
    const r = await insert(trx, common);
    await appendActorAudit(trx, actor, { action: `${what}.create`, entityType: what, entityId: r.id, patientId, detail }, ctx.clock.now());
    return r;
  });
}

export async function recordRefusal(
  ctx: AppContext,
  actor: Actor,
  patientId: string,
  body: { vaccineGroup: string; date: string; reason: string },
): Promise<{ id: string }> {
  assertCanWrite(actor);
  if (!ctx.recommender.data.vaccineGroups.has(body.vaccineGroup))
    throw invalid(`${body.vaccineGroup} is not a CDSi vaccine group`, [{ path: 'vaccineGroup', message: 'Unknown vaccine group' }]);
  return addNote(
    ctx,
    actor,
    patientId,
    'refusal',
    body.date,
    (trx, common) =>
      trx
        .insertInto('patient_refusals')
        .values({ ...common, vaccine_group: body.vaccineGroup, reason: body.reason })
        .returning('id')
        .executeTakeFirstOrThrow(),
    { vaccineGroup: body.vaccineGroup },
  );
}

export async function recordObservation(
  ctx: AppContext,
  actor: Actor,
  patientId: string,
  body: { kind: 'contraindication' | 'precaution' | 'immunity' | 'indication'; code: string; date: string; status: 'active' | 'unknown' },
): Promise<{ id: string }> {
  assertCanWrite(actor);
  const title = ctx.recommender.observationTitle(body.code);
  if (!title) throw invalid(`${body.code} is not a CDSi observation code`, [{ path: 'code', message: 'Unknown observation code' }]);
  return addNote(
    ctx,
    actor,
    patientId,
    'observation',
    body.date,
    (trx, common) =>
      trx
        .insertInto('patient_observations')
        .values({ ...common, kind: body.kind, code: body.code, text: title, status: body.status })
        .returning('id')
        .executeTakeFirstOrThrow(),
    { code: body.code, status: body.status },
  );
}

/** Soft-deletes a refusal or observation; only the entering clinic or DPH. */
export async function deleteNote(
  ctx: AppContext,
  actor: Actor,
  table: 'patient_refusals' | 'patient_observations',
  patientId: string,
  itemId: string,
  reason: string,
): Promise<{ id: string }> {
  assertCanWrite(actor);
  return ctx.db.transaction().execute(async (trx) => {
    await loadVisible(ctx, actor, patientId, trx);
    const item = await trx
      .selectFrom(table)
      .select(['id', 'patient_id', 'source_org_id', 'deleted_at'])
      .where('id', '=', itemId)
      .executeTakeFirst();
    if (!item || item.patient_id !== patientId || item.deleted_at) throw notFound(table === 'patient_refusals' ? 'Refusal' : 'Observation');
    if (!isStatewide(actor) && item.source_org_id !== actor.scope!.organizationId)
      throw forbidden('Only the clinic that entered it (or DPH) can remove it');
    await trx
      .updateTable(table)
      .set({ deleted_at: ctx.clock.now(), deleted_by: actor.userId, delete_reason: reason })
      .where('id', '=', itemId)
      .execute();
    const what = table === 'patient_refusals' ? 'refusal' : 'observation';
    await appendActorAudit(
      trx,
      actor,
      { action: `${what}.delete`, entityType: what, entityId: itemId, patientId, detail: { reason } },
      ctx.clock.now(),
    );
    return { id: itemId };
  });
}
