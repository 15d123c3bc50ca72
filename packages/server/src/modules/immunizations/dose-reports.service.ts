// Provenance of one dose: every source's report consolidated into it (vaccination dedup keeps them all), side by
// side. A read of the patient record: same scope as the record, audited.

import type { AppContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { loadVisible } from '../patients/index.ts';
import { doseById, reportsOfMaster } from './dose.repo.ts';

export interface DoseReportView {
  id: string;
  /** This report is the one the consolidated dose shows. */
  master: boolean;
  source: string | null;
  sourceKind: string;
  receivedAt: string;
  /** Came with a duplicate record merged into this one. */
  fromMergedRecord: boolean;
  kind: 'administered' | 'historical';
  cvx: string;
  vaccine: string;
  date: string;
  lot: string | null;
  lotExpiration: string | null;
  mvx: string | null;
  ndc: string | null;
  volumeMl: number | null;
  fundingSource: string | null;
  vfcEligibility: string | null;
  doseCondition: string | null;
  route: string | null;
  site: string | null;
  administeredBy: string | null;
  orderingProvider: string | null;
  historicalSource: string | null;
  vis: Array<{ document: string; edition: string; presented: string }>;
}

export interface DoseReports {
  doseId: string;
  reports: DoseReportView[];
}

/** The reports behind a dose (`doseId` may be the master or any report of it), the master's report first. */
export async function getDoseReports(ctx: AppContext, actor: Actor, patientId: string, doseId: string): Promise<DoseReports> {
  await loadVisible(ctx, actor, patientId);
  const dose = await doseById(ctx.db, doseId);
  if (!dose || dose.patient_id !== patientId || dose.deleted_at) throw notFound('Dose');
  const rows = await reportsOfMaster(ctx.db, patientId, dose.master_id);
  const reports = rows
    .map((r): DoseReportView => ({
      id: r.id,
      master: r.id === r.master_id,
      source: r.source_name,
      sourceKind: r.source_kind,
      receivedAt: new Date(r.entered_at).toISOString(),
      fromMergedRecord: r.origin_patient_id !== patientId,
      kind: r.kind,
      cvx: r.cvx,
      vaccine: ctx.recommender.vaccineInfo(r.cvx).name,
      date: r.date,
      lot: r.lot,
      lotExpiration: r.lot_expiration,
      mvx: r.mvx,
      ndc: r.ndc,
      volumeMl: r.volume_ml,
      fundingSource: r.funding_source,
      vfcEligibility: r.vfc_eligibility,
      doseCondition: r.dose_condition,
      route: r.route,
      site: r.site,
      administeredBy: r.administered_by,
      orderingProvider: r.ordering_provider,
      historicalSource: r.historical_source,
      vis: r.vis,
    }))
    .sort((a, b) => Number(b.master) - Number(a.master));
  await appendActorAudit(
    ctx.db,
    actor,
    { action: 'dose.reports.view', entityType: 'dose', entityId: dose.master_id, patientId, detail: { reports: reports.length } },
    ctx.clock.now(),
  );
  return { doseId: dose.master_id, reports };
}
