// Dose rules: recording administered and historical doses (VFC eligibility must fit the funding), vaccination
// dedup (the same vaccine group reported by two sources within a few days is one dose, both reports kept),
// edit/delete only by the reporting clinic or DPH with a reason, and automatic medical-home ownership.
// Refusals and CDSi observations are in note.service.ts.

import type { RecordedDose } from '@nutmeg/api-types';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { forbidden, invalid, notFound } from '../../errors.ts';
import { isStatewide, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import type { Recommender } from '../recommender/index.ts';
import { assertCanWrite, loadVisible, lockPatients, setOwnerInTrx } from '../patients/index.ts';
import { doseById, liveDoses, organizationFacts, repointMaster, type Db, type DoseRow } from './dose.repo.ts';
import type { DoseBody } from './dose.schemas.ts';

/** Two reports of one vaccine group at most this many days apart, from different sources, are one dose. */
export const DEDUP_WINDOW_DAYS = 4;

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

export function todayOf(ctx: AppContext): string {
  return ctx.clock.now().toISOString().slice(0, 10);
}

function audit(
  ctx: AppContext,
  db: Db,
  actor: Actor,
  action: string,
  patientId: string,
  entityId: string,
  detail: Record<string, unknown> = {},
) {
  return appendActorAudit(
    db,
    actor,
    {
      action,
      entityType: 'dose',
      entityId,
      patientId,
      detail,
    },
    ctx.clock.now(),
  );
}

/** Field checks that need the patient and the clock. */
export function validateDose(body: DoseBody, dob: string, today: string, catalogue: Pick<Recommender, 'vaccineInfo'>): void {
  const fields: Array<{ path: string; message: string }> = [];
  if (body.date > today) fields.push({ path: 'date', message: 'The date cannot be in the future' });
  if (body.date < dob) fields.push({ path: 'date', message: 'The date is before the patient’s date of birth' });
  if (catalogue.vaccineInfo(body.cvx).groups.length === 0 && body.cvx !== '998' && body.cvx !== '999')
    fields.push({ path: 'cvx', message: `CVX ${body.cvx} is not a vaccine the recommender knows` });
  if (body.kind === 'administered') {
    if (body.fundingSource === 'public' && body.vfcEligibility === 'V01') {
      fields.push({
        path: 'vfcEligibility',
        message: 'Public (VFC/state-supplied) vaccine needs an eligible patient (V02–V05, V07); use private stock for V01',
      });
    }
    if (body.lotExpiration && body.lotExpiration < body.date)
      fields.push({ path: 'lotExpiration', message: 'The lot had expired on the date given' });
  }
  if (fields.length) throw invalid(fields.map((f) => f.message).join('; '), fields);
}

/** The master this new report belongs to, if any: same vaccine group, within the window, from another source or the same product. */
export function findDuplicateMaster(
  existing: readonly DoseRow[],
  body: { cvx: string; date: string; kind: string },
  sourceOrgId: string | null,
  catalogue: Pick<Recommender, 'vaccineInfo'>,
): DoseRow | undefined {
  const groups = new Set(catalogue.vaccineInfo(body.cvx).groups);
  if (groups.size === 0) return undefined;
  return existing.find((d) => {
    if (d.id !== d.master_id || d.deleted_at) return false;
    if (daysBetween(d.date, body.date) > DEDUP_WINDOW_DAYS) return false;
    const other = catalogue.vaccineInfo(d.cvx).groups;
    if (!other.some((g) => groups.has(g))) return false;
    const sameProduct = catalogue.vaccineInfo(d.cvx).cvx === catalogue.vaccineInfo(body.cvx).cvx;
    const unspecified = d.kind === 'historical' || body.kind === 'historical';
    const sameGroups = other.length === groups.size && other.every((g) => groups.has(g));
    return (d.source_org_id !== sourceOrgId || sameProduct) && (sameProduct || unspecified || sameGroups);
  });
}

function doseColumns(body: DoseBody) {
  if (body.kind === 'historical') {
    return {
      kind: 'historical' as const,
      cvx: body.cvx,
      date: body.date,
      historical_source: body.source,
      mvx: null,
      ndc: null,
      lot: null,
      lot_expiration: null,
      funding_source: null,
      volume_ml: null,
      site: null,
      route: null,
      administered_by: null,
      ordering_provider: null,
      vis: JSON.stringify([]),
      vfc_eligibility: null,
      dose_condition: body.doseCondition ?? null,
    };
  }
  return {
    kind: 'administered' as const,
    cvx: body.cvx,
    date: body.date,
    historical_source: null,
    mvx: body.mvx ?? null,
    ndc: body.ndc ?? null,
    lot: body.lot,
    lot_expiration: body.lotExpiration ?? null,
    funding_source: body.fundingSource,
    volume_ml: body.volumeMl ?? null,
    site: body.site ?? null,
    route: body.route ?? null,
    administered_by: body.administeredBy ?? null,
    ordering_provider: body.orderingProvider ?? null,
    vis: JSON.stringify(body.vis),
    vfc_eligibility: body.vfcEligibility,
    dose_condition: body.doseCondition ?? null,
  };
}

/** Records a dose given or reported by the actor's clinic. */
export async function recordDose(ctx: AppContext, actor: Actor, patientId: string, body: DoseBody): Promise<RecordedDose> {
  assertCanWrite(actor);
  const orgId = actor.scope!.organizationId;
  return ctx.db.transaction().execute(async (trx) => {
    // One writer per patient from here to commit: the dedup below reads the doses it then adds to, so two
    // reports of one dose arriving together must not both find "no master yet".
    await lockPatients(trx, [patientId]);
    const rows = await loadVisible(ctx, actor, patientId, trx);
    validateDose(body, rows.row.dob, todayOf(ctx), ctx.recommender);
    const existing = await liveDoses(trx, patientId);
    const dup = findDuplicateMaster(existing, body, orgId, ctx.recommender);
    const id = randomUUID();
    let masterId = dup?.id ?? id;
    const now = ctx.clock.now();
    await trx
      .insertInto('doses')
      .values({
        id,
        master_id: masterId,
        patient_id: patientId,
        origin_patient_id: patientId,
        ...doseColumns(body),
        source_org_id: orgId,
        source_kind: 'ui',
        entered_by: actor.userId,
        entered_at: now,
      })
      .execute();
    // An administered report outranks a historical master: it becomes the master of the group.
    if (dup && dup.kind === 'historical' && body.kind === 'administered') {
      await repointMaster(trx, dup.id, id);
      masterId = id;
    }
    await trx
      .insertInto('dose_changes')
      .values({
        dose_id: id,
        patient_id: patientId,
        at: now,
        user_id: actor.userId,
        action: 'create',
        changes: JSON.stringify({ kind: body.kind, cvx: body.cvx, date: body.date }),
        reason: null,
      })
      .execute();
    await trx
      .insertInto('patient_org_status')
      .values({ patient_id: patientId, organization_id: orgId, status: 'active', changed_at: now, changed_by: actor.userId })
      .onConflict((oc) => oc.columns(['patient_id', 'organization_id']).doNothing())
      .execute();
    let ownershipTaken = false;
    if (body.kind === 'administered') {
      const org = await organizationFacts(trx, orgId);
      // Medical homes take ownership when they give a dose; SBHCs, pharmacies and health departments do not.
      if (org?.kind === 'clinic' && org.medical_home && rows.row.owner_org_id !== orgId) {
        await setOwnerInTrx(ctx, trx, actor, patientId, orgId, 'Dose given by a medical-home clinic');
        ownershipTaken = true;
      }
    }
    await audit(ctx, trx, actor, 'dose.create', patientId, id, { cvx: body.cvx, deduplicated: !!dup });
    return { id, masterId, deduplicated: !!dup, ownershipTaken };
  });
}

async function editableDose(ctx: AppContext, trx: Db, actor: Actor, patientId: string, doseId: string): Promise<DoseRow> {
  assertCanWrite(actor);
  await lockPatients(trx, [patientId]); // edits re-point masters: serialised with recordDose's dedup
  await loadVisible(ctx, actor, patientId, trx);
  const dose = await doseById(trx, doseId);
  if (!dose || dose.patient_id !== patientId || dose.deleted_at) throw notFound('Dose');
  if (!isStatewide(actor) && dose.source_org_id !== actor.scope!.organizationId) {
    throw forbidden('Only the clinic that entered this dose (or DPH) can change it');
  }
  return dose;
}

export async function updateDose(
  ctx: AppContext,
  actor: Actor,
  patientId: string,
  doseId: string,
  body: DoseBody,
  reason: string,
): Promise<{ id: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const dose = await editableDose(ctx, trx, actor, patientId, doseId);
    const rows = await loadVisible(ctx, actor, patientId, trx);
    validateDose(body, rows.row.dob, todayOf(ctx), ctx.recommender);
    const cols = doseColumns(body);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [k, v] of Object.entries(cols)) {
      const before = (dose as unknown as Record<string, unknown>)[k] ?? null;
      // jsonb stores keys in its own order: compare the VIS list by content, not by its text.
      const same = k === 'vis' ? canonicalJson(before ?? []) === canonicalJson(JSON.parse(v as string)) : before === v;
      if (!same) changes[k] = { from: before, to: k === 'vis' ? JSON.parse(v as string) : v };
    }
    const now = ctx.clock.now();
    await trx
      .updateTable('doses')
      .set({ ...cols, updated_at: now })
      .where('id', '=', doseId)
      .execute();
    await trx
      .insertInto('dose_changes')
      .values({
        dose_id: doseId,
        patient_id: patientId,
        at: now,
        user_id: actor.userId,
        action: 'update',
        changes: JSON.stringify(changes),
        reason,
      })
      .execute();
    await audit(ctx, trx, actor, 'dose.update', patientId, doseId, { fields: Object.keys(changes) });
    return { id: doseId };
  });
}

export async function deleteDose(
  ctx: AppContext,
  actor: Actor,
  patientId: string,
  doseId: string,
  reason: string,
): Promise<{ id: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const dose = await editableDose(ctx, trx, actor, patientId, doseId);
    const now = ctx.clock.now();
    await trx
      .updateTable('doses')
      .set({ deleted_at: now, deleted_by: actor.userId, delete_reason: reason })
      .where('id', '=', doseId)
      .execute();
    if (dose.master_id === dose.id) {
      // Promote another live report of the same dose, administered first.
      const others = (await liveDoses(trx, patientId)).filter((d) => d.master_id === dose.id && d.id !== dose.id);
      const next = others.find((d) => d.kind === 'administered') ?? others[0];
      if (next) await repointMaster(trx, dose.id, next.id);
    }
    await trx
      .insertInto('dose_changes')
      .values({
        dose_id: doseId,
        patient_id: patientId,
        at: now,
        user_id: actor.userId,
        action: 'delete',
        changes: JSON.stringify({}),
        reason,
      })
      .execute();
    await audit(ctx, trx, actor, 'dose.delete', patientId, doseId, { reason });
    return { id: doseId };
  });
}
