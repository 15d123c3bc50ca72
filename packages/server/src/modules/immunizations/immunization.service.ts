// The immunization history view (master doses with their reports, refusals, observations), the recommender
// run on it, and the official record (Certificate of Immunization PDF).

import type { DoseView, Immunizations } from '@nutmeg/api-types';
import type { ForecastResult, SeasonDates } from '@nutmeg/forecast';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../access/index.ts';
import { jurisdictionToday } from '../../dates.ts';
import { presentForecast, seasonsInForceOn, type PatientForecastInput, type Recommender } from '../recommender/index.ts';
import { organizationNames } from '../organizations/index.ts';
import { auditPatient, loadVisible } from '../patients/index.ts';
import { liveDoses, type DoseRow } from './dose.repo.ts';
import { doseFields } from './dose.present.ts';
import { actorMayChangeEntry } from './entry.policy.ts';
import { liveObservations, liveRefusals } from './note.repo.ts';

function presentDose(recommender: Recommender, d: DoseRow, reports: DoseRow[], orgNames: Map<string, string>, actor: Actor): DoseView {
  return {
    ...doseFields(recommender, d),
    groups: recommender.vaccineInfo(d.cvx).groups,
    sourceOrganization: d.source_org_id ? (orgNames.get(d.source_org_id) ?? null) : null,
    sourceOrganizationId: d.source_org_id,
    reports: reports.map((r) => ({
      id: r.id,
      source: r.source_org_id ? (orgNames.get(r.source_org_id) ?? null) : null,
      date: r.date,
      cvx: r.cvx,
      kind: r.kind,
    })),
    canEdit: actorMayChangeEntry(actor, d.source_org_id),
  };
}

/** The record's doses, refusals and observations for an actor who may see it (not audited here). */
export async function history(ctx: AppContext, actor: Actor, patientId: string) {
  const rows = await loadVisible(ctx, actor, patientId);
  const [doses, refusals, observations] = await Promise.all([
    liveDoses(ctx.db, patientId),
    liveRefusals(ctx.db, patientId),
    liveObservations(ctx.db, patientId),
  ]);
  const orgNames = await organizationNames(
    ctx.db,
    [...doses, ...refusals, ...observations].map((d) => d.source_org_id),
  );
  return { rows, doses, refusals, observations, orgNames };
}

/** The engine's input for a patient: master doses, observations, DOB, sex and country of birth. */
export function forecastInputOf(
  patient: { dob: string; sex: string; birth_country: string | null },
  doses: DoseRow[],
  observations: ReadonlyArray<{ code: string; date: string; status: 'active' | 'unknown' }>,
): PatientForecastInput {
  const masters = doses.filter((d) => d.id === d.master_id);
  const { dob, sex } = patient;
  return {
    // Country of birth decides birth-date immunity (varicella: born in the U.S. before 1980).
    patient: {
      dob,
      sex: sex === 'F' || sex === 'M' ? sex : 'U',
      ...(patient.birth_country ? { countryOfBirth: patient.birth_country } : {}),
    },
    doses: masters.map((d) => ({
      id: d.id,
      date: d.date,
      cvx: d.cvx,
      mvx: d.mvx,
      volume: d.volume_ml,
      lotExpiration: d.lot_expiration,
      subStandard: d.dose_condition !== null,
    })),
    observations: observations.map((o) => ({ code: o.code, date: o.date, status: o.status })),
  };
}

/** Runs the recommender on the master doses and observations. */
export function forecastFor(
  recommender: Recommender,
  patient: { dob: string; sex: string; birth_country: string | null },
  doses: DoseRow[],
  observations: Array<{ code: string; date: string; status: 'active' | 'unknown' }>,
  asOf: string,
  seasons: readonly SeasonDates[] = [],
): ForecastResult {
  return recommender.forecast({ ...forecastInputOf(patient, doses, observations), assessmentDate: asOf, seasons });
}

export async function getImmunizations(ctx: AppContext, actor: Actor, patientId: string): Promise<Immunizations> {
  const h = await history(ctx, actor, patientId);
  await auditPatient(ctx, actor, 'patient.immunizations.view', patientId);
  const masters = h.doses.filter((d) => d.id === d.master_id);
  const byMaster = new Map<string, DoseRow[]>();
  for (const d of h.doses) if (d.id !== d.master_id) byMaster.set(d.master_id, [...(byMaster.get(d.master_id) ?? []), d]);
  return {
    doses: masters.map((d) => presentDose(ctx.recommender, d, byMaster.get(d.id) ?? [], h.orgNames, actor)),
    refusals: h.refusals.map((r) => ({
      id: r.id,
      vaccineGroup: r.vaccine_group,
      date: r.date,
      reason: r.reason,
      source: r.source_org_id ? (h.orgNames.get(r.source_org_id) ?? null) : null,
      canEdit: actorMayChangeEntry(actor, r.source_org_id),
    })),
    observations: h.observations.map((o) => ({
      id: o.id,
      kind: o.kind,
      code: o.code,
      text: o.text,
      date: o.date,
      status: o.status,
      source: o.source_org_id ? (h.orgNames.get(o.source_org_id) ?? null) : null,
      canEdit: actorMayChangeEntry(actor, o.source_org_id),
    })),
  };
}

export async function getForecast(ctx: AppContext, actor: Actor, patientId: string, asOf?: string) {
  const h = await history(ctx, actor, patientId);
  const date = asOf ?? jurisdictionToday(ctx.clock);
  await auditPatient(ctx, actor, 'patient.forecast.view', patientId, { asOf: date });
  const seasons = await seasonsInForceOn(ctx, date);
  return presentForecast(ctx.recommender, forecastFor(ctx.recommender, h.rows.row, h.doses, h.observations, date, seasons), seasons);
}
