// Dose rules: recording administered and historical doses (VFC eligibility must fit the funding), vaccination
// dedup (the same vaccine group reported by two sources within a few days is one dose, both reports kept),
// edit/delete only by the reporting clinic or DPH with a reason, and automatic medical-home ownership.
// Refusals and CDSi observations are in note.service.ts.

import type { RecordedDose } from '@nutmeg/api-types';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { inTransaction } from '../../transaction.ts';
import { invalid, notFound } from '../../errors.ts';
import type { Submitter } from '../access/index.ts';
import { appendSubmitterAudit } from '../audit/index.ts';
import { isMedicalHomeClinic } from '../organizations/index.ts';
import { requestForecastRefresh, type Recommender } from '../recommender/index.ts';
import { linkPatientToOrganization, lockWritableRow, setOwnerInTrx } from '../patients/index.ts';
import { returnDoseToStock, stockOfDose, takeDoseFromStock } from '../inventory/index.ts';
import * as repo from './dose.repo.ts';
import type { Db, DoseRow } from './dose.repo.ts';
import type { DoseBody } from './dose.schemas.ts';
import { assertMayChangeEntry } from './entry.policy.ts';

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

function audit(
  ctx: AppContext,
  db: Db,
  s: Submitter,
  action: string,
  patientId: string,
  entityId: string,
  detail: Record<string, unknown>,
) {
  return appendSubmitterAudit(db, s, { action, entityType: 'dose', entityId, patientId, detail }, ctx.clock.now());
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

/**
 * A dose given from the clinic's stock takes one dose of the lot (in `trx`) and records the lot's own number,
 * expiry, NDC, manufacturer and funding; any other dose is returned as sent.
 */
async function withStock(
  trx: Db,
  submitter: Submitter,
  ids: { patientId: string; doseId: string },
  body: DoseBody,
  at: Date,
  alreadyTaken = false,
): Promise<DoseBody> {
  if (body.kind !== 'administered' || !body.fromStock) return body;
  const dose = { ...body.fromStock, ...ids, cvx: body.cvx, date: body.date, vfcEligibility: body.vfcEligibility, at };
  const lot = await takeDoseFromStock(trx, submitter, dose, { alreadyTaken });
  return { ...body, ...lot, mvx: lot.mvx ?? undefined };
}

/**
 * Records a dose given or reported by the submitter's organization, through any channel: deduplicated against
 * the record's doses, linked to the organization, and owned by it when it is a medical home that gave the dose.
 */
export async function recordDose(ctx: AppContext, submitter: Submitter, patientId: string, body: DoseBody): Promise<RecordedDose> {
  const orgId = submitter.organizationId;
  const by = submitter.userId;
  return inTransaction(ctx.db, async (trx) => {
    // One writer per patient from here to commit: the dedup below reads the doses it then adds to, so two
    // reports of one dose arriving together must not both find "no master yet". Locked as it is read.
    const rows = await lockWritableRow(ctx, submitter, patientId, trx);
    const id = randomUUID();
    const now = ctx.clock.now();
    body = await withStock(trx, submitter, { patientId, doseId: id }, body, now);
    validateDose(body, rows.row.dob, jurisdictionToday(ctx.clock), ctx.recommender);
    const dup = findDuplicateMaster(await repo.liveDoses(trx, patientId), body, orgId, ctx.recommender);
    let masterId = dup?.id ?? id;
    await repo.insertDose(trx, {
      id,
      master_id: masterId,
      patient_id: patientId,
      origin_patient_id: patientId,
      ...doseColumns(body),
      source_org_id: orgId,
      source_kind: submitter.kind,
      source_interface: submitter.interfaceId,
      entered_by: by,
      entered_at: now,
    });
    // An administered report outranks a historical master: it becomes the master of the group.
    if (dup && dup.kind === 'historical' && body.kind === 'administered') {
      await repo.repointMaster(trx, dup.id, id);
      masterId = id;
    }
    const changes = { kind: body.kind, cvx: body.cvx, date: body.date };
    await repo.insertDoseChange(trx, { doseId: id, patientId, at: now, by, action: 'create', changes, reason: null });
    await linkPatientToOrganization(ctx, trx, patientId, orgId, by);
    // Medical homes take ownership when they give a dose; SBHCs, pharmacies and health departments do not.
    const ownershipTaken = body.kind === 'administered' && rows.row.owner_org_id !== orgId && (await isMedicalHomeClinic(trx, orgId));
    if (ownershipTaken) await setOwnerInTrx(ctx, trx, by, patientId, orgId, 'Dose given by a medical-home clinic');
    await audit(ctx, trx, submitter, 'dose.create', patientId, id, { cvx: body.cvx, deduplicated: !!dup });
    await requestForecastRefresh(trx, [patientId], ctx.clock.now());
    return { id, masterId, deduplicated: !!dup, ownershipTaken };
  });
}

async function editableDose(ctx: AppContext, trx: Db, submitter: Submitter, patientId: string, doseId: string) {
  const rows = await lockWritableRow(ctx, submitter, patientId, trx); // edits re-point masters: serialised with recordDose's dedup
  const dose = await repo.doseById(trx, doseId);
  if (!dose || dose.patient_id !== patientId || dose.deleted_at) throw notFound('Dose');
  assertMayChangeEntry(submitter, dose.source_org_id, 'Only the clinic that entered this dose (or DPH) can change it');
  return { dose, rows };
}

/**
 * A correction moves stock only when it names another lot (the old one gets its dose back) or makes the dose
 * historical; a correction without `fromStock` leaves the dose's stock as it was.
 */
async function restock(trx: Db, submitter: Submitter, patientId: string, doseId: string, body: DoseBody, at: Date): Promise<DoseBody> {
  const held = await stockOfDose(trx, doseId);
  const next = body.kind === 'administered' ? body.fromStock : undefined;
  // The same lot as before: the dose keeps its dose of it (nothing moves).
  if (held && next && held.lotId === next.lotId && held.storageUnitId === next.storageUnitId)
    return withStock(trx, submitter, { patientId, doseId }, body, at, true);
  if (held && (next || body.kind === 'historical')) await returnDoseToStock(trx, submitter, doseId, 'dose corrected', at);
  return withStock(trx, submitter, { patientId, doseId }, body, at);
}

/** Corrects a dose (the entering organization or DPH), with the reason and the changed fields in its history. */
export async function updateDose(
  ctx: AppContext,
  submitter: Submitter,
  patientId: string,
  doseId: string,
  body: DoseBody,
  reason: string,
): Promise<{ id: string }> {
  return inTransaction(ctx.db, async (trx) => {
    const { dose, rows } = await editableDose(ctx, trx, submitter, patientId, doseId);
    body = await restock(trx, submitter, patientId, doseId, body, ctx.clock.now());
    validateDose(body, rows.row.dob, jurisdictionToday(ctx.clock), ctx.recommender);
    const cols = doseColumns(body);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [k, v] of Object.entries(cols)) {
      const before = (dose as unknown as Record<string, unknown>)[k] ?? null;
      // jsonb stores keys in its own order: compare the VIS list by content, not by its text.
      const same = k === 'vis' ? canonicalJson(before ?? []) === canonicalJson(JSON.parse(v as string)) : before === v;
      if (!same) changes[k] = { from: before, to: k === 'vis' ? JSON.parse(v as string) : v };
    }
    const now = ctx.clock.now();
    await repo.updateDoseColumns(trx, doseId, { ...cols, updated_at: now });
    await repo.insertDoseChange(trx, { doseId, patientId, at: now, by: submitter.userId, action: 'update', changes, reason });
    await audit(ctx, trx, submitter, 'dose.update', patientId, doseId, { fields: Object.keys(changes) });
    await requestForecastRefresh(trx, [patientId], ctx.clock.now());
    return { id: doseId };
  });
}

/** Deletes a dose (the entering organization or DPH); another report of it, if any, becomes the master. */
export async function deleteDose(
  ctx: AppContext,
  submitter: Submitter,
  patientId: string,
  doseId: string,
  reason: string,
): Promise<{ id: string }> {
  return inTransaction(ctx.db, async (trx) => {
    const { dose } = await editableDose(ctx, trx, submitter, patientId, doseId);
    const now = ctx.clock.now();
    await returnDoseToStock(trx, submitter, doseId, 'dose deleted', now);
    await repo.softDeleteDose(trx, doseId, { by: submitter.userId, reason, at: now });
    if (dose.master_id === dose.id) {
      // Promote another live report of the same dose, administered first.
      const others = (await repo.liveDoses(trx, patientId)).filter((d) => d.master_id === dose.id && d.id !== dose.id);
      const next = others.find((d) => d.kind === 'administered') ?? others[0];
      if (next) await repo.repointMaster(trx, dose.id, next.id);
    }
    await repo.insertDoseChange(trx, { doseId, patientId, at: now, by: submitter.userId, action: 'delete', changes: {}, reason });
    await audit(ctx, trx, submitter, 'dose.delete', patientId, doseId, { reason });
    await requestForecastRefresh(trx, [patientId], ctx.clock.now());
    return { id: doseId };
  });
}
