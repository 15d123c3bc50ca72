// The immunization history view (master doses with their reports, refusals, observations), the recommender
// run on it, and the official record (Certificate of Immunization PDF).

import type { DoseView } from '@nutmeg/api-types';
import type { ForecastResult, SeasonDates } from '@nutmeg/forecast';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { jurisdictionToday } from '../../dates.ts';
import { presentForecast, seasonsInForceOn, type Recommender } from '../recommender/index.ts';
import {
  auditPatient,
  certificateContent,
  certificateVerificationCode,
  loadVisible,
  renderCertificatePdf,
  type CertificateGroup,
} from '../patients/index.ts';
import { liveDoses, liveObservations, liveRefusals, type DoseRow } from './dose.repo.ts';
import { doseFields } from './dose.present.ts';

function presentDose(recommender: Recommender, d: DoseRow, reports: DoseRow[], orgNames: Map<string, string>, actor: Actor): DoseView {
  const org = actor.scope?.organizationId;
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
    canEdit: actor.permissions.has('patient:write') && (actor.scope?.accessType === 'dph' || d.source_org_id === org),
  };
}

async function history(ctx: AppContext, actor: Actor, patientId: string) {
  const rows = await loadVisible(ctx, actor, patientId);
  const [doses, refusals, observations] = await Promise.all([
    liveDoses(ctx.db, patientId),
    liveRefusals(ctx.db, patientId),
    liveObservations(ctx.db, patientId),
  ]);
  const orgIds = [...new Set([...doses, ...refusals, ...observations].map((d) => d.source_org_id).filter((x): x is string => !!x))];
  const orgs = orgIds.length ? await ctx.db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', orgIds).execute() : [];
  return { rows, doses, refusals, observations, orgNames: new Map(orgs.map((o) => [o.id, o.name])) };
}

/** Runs the recommender on the master doses and observations. */
export function forecastFor(
  recommender: Recommender,
  patient: { dob: string; sex: string; birth_country: string | null },
  doses: DoseRow[],
  observations: Array<{ code: string; date: string }>,
  asOf: string,
  seasons: readonly SeasonDates[] = [],
): ForecastResult {
  const masters = doses.filter((d) => d.id === d.master_id);
  const { dob, sex } = patient;
  return recommender.forecast({
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
    observations: observations.map((o) => ({ code: o.code, date: o.date })),
    assessmentDate: asOf,
    seasons,
  });
}

export async function getImmunizations(ctx: AppContext, actor: Actor, patientId: string) {
  const h = await history(ctx, actor, patientId);
  await auditPatient(ctx, actor, 'patient.immunizations.view', patientId);
  const masters = h.doses.filter((d) => d.id === d.master_id);
  const byMaster = new Map<string, DoseRow[]>();
  for (const d of h.doses) if (d.id !== d.master_id) byMaster.set(d.master_id, [...(byMaster.get(d.master_id) ?? []), d]);
  const org = actor.scope?.organizationId;
  const mine = (src: string | null) => actor.permissions.has('patient:write') && (actor.scope?.accessType === 'dph' || src === org);
  return {
    doses: masters.map((d) => presentDose(ctx.recommender, d, byMaster.get(d.id) ?? [], h.orgNames, actor)),
    refusals: h.refusals.map((r) => ({
      id: r.id,
      vaccineGroup: r.vaccine_group,
      date: r.date,
      reason: r.reason,
      source: r.source_org_id ? (h.orgNames.get(r.source_org_id) ?? null) : null,
      canEdit: mine(r.source_org_id),
    })),
    observations: h.observations.map((o) => ({
      id: o.id,
      kind: o.kind,
      code: o.code,
      text: o.text,
      date: o.date,
      source: o.source_org_id ? (h.orgNames.get(o.source_org_id) ?? null) : null,
      canEdit: mine(o.source_org_id),
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

/** Verification codes are keyed with a per-install secret; the session secret material is not reused. */
function certificateSecret(ctx: AppContext): string {
  return `${ctx.config.PUBLIC_URL}|nutmeg-certificate-v1`;
}

/** The Certificate of Immunization PDF (full or COVID-19 only), with validity from the recommender. */
export async function renderCertificate(
  ctx: AppContext,
  actor: Actor,
  patientId: string,
  kind: 'full' | 'covid',
): Promise<{ pdf: Uint8Array; filename: string }> {
  const h = await history(ctx, actor, patientId);
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const masters = h.doses.filter((d) => d.id === d.master_id);
  const result = forecastFor(ctx.recommender, h.rows.row, h.doses, h.observations, today);
  const groups = new Map<string, CertificateGroup>();
  for (const d of masters) {
    const info = ctx.recommender.vaccineInfo(d.cvx);
    for (const g of info.groups.length ? info.groups : ['Other']) {
      const antigens = ctx.recommender.data.vaccineGroups.get(g)?.antigens ?? [];
      const evals = result.evaluations.filter((e) => e.doseId === d.id && antigens.includes(e.antigen));
      const valid = evals.length > 0 && evals.every((e) => e.status === 'Valid');
      const first = evals[0];
      const validity =
        evals.length === 0 ? '' : valid ? 'Valid' : `${first?.status ?? ''}${first?.reasons[0] ? `: ${first.reasons[0]}` : ''}`;
      const group = groups.get(g) ?? { group: g, doses: [] };
      group.doses.push({
        date: d.date,
        vaccine: info.name,
        cvx: info.cvx,
        ...(valid && first?.targetDose ? { doseNumber: first.targetDose } : {}),
        validity,
      });
      groups.set(g, group);
    }
  }
  const p = h.rows.row;
  const guardian = await ctx.db
    .selectFrom('patient_guardians')
    .select(['first_name', 'last_name', 'relationship'])
    .where('patient_id', '=', patientId)
    .orderBy('position')
    .executeTakeFirst();
  const input = {
    kind,
    patient: {
      first: p.first_name,
      middle: p.middle_name ?? undefined,
      last: p.last_name,
      suffix: p.suffix ?? undefined,
      dob: p.dob,
      sex: p.sex,
      iisId: p.iis_id,
      guardian: guardian ? `${guardian.first_name} ${guardian.last_name}` : undefined,
    },
    groups: [...groups.values()].sort((a, b) => a.group.localeCompare(b.group)),
  };
  const notes = h.observations.filter((o) => o.kind === 'immunity' || o.kind === 'contraindication').map((o) => `${o.text} (${o.date})`);
  const verificationCode = certificateVerificationCode(certificateContent(input), certificateSecret(ctx));
  const jurisdiction = await ctx.db
    .selectFrom('jurisdictions')
    .select(['name', 'agency_name', 'program_name'])
    .where('id', '=', p.jurisdiction_id)
    .executeTakeFirst();
  const pdf = await renderCertificatePdf({
    ...input,
    notes,
    printedOn: today,
    printedBy: actor.scope?.organizationName ?? actor.displayName,
    verificationCode,
    jurisdictionHeader:
      jurisdiction && jurisdiction.name !== 'Connecticut' ? `${jurisdiction.agency_name} — Immunization Program` : undefined,
  });
  await appendActorAudit(
    ctx.db,
    actor,
    {
      action: 'patient.certificate',
      entityType: 'patient',
      entityId: patientId,
      patientId,
      detail: { kind, verificationCode },
    },
    ctx.clock.now(),
  );
  return { pdf, filename: `${kind === 'covid' ? 'covid-19-record' : 'immunization-certificate'}-${p.iis_id}.pdf` };
}
