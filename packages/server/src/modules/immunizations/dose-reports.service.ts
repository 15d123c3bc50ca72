// Provenance of one dose: every source's report consolidated into it (vaccination dedup keeps them all), side by
// side. A read of the patient record: same scope as the record, audited.

import type { DoseReport, DoseReports } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { organizationNames } from '../organizations/index.ts';
import { loadVisible } from '../patients/index.ts';
import { doseById, reportsOfMaster } from './dose.repo.ts';
import { doseFields } from './dose.present.ts';

/** The reports behind a dose (`doseId` may be the master or any report of it), the master's report first. */
export async function getDoseReports(ctx: AppContext, actor: Actor, patientId: string, doseId: string): Promise<DoseReports> {
  await loadVisible(ctx, actor, patientId);
  const dose = await doseById(ctx.db, doseId);
  if (!dose || dose.patient_id !== patientId || dose.deleted_at) throw notFound('Dose');
  const rows = await reportsOfMaster(ctx.db, patientId, dose.master_id);
  const sources = await organizationNames(
    ctx.db,
    rows.map((r) => r.source_org_id),
  );
  const reports = rows
    .map((r): DoseReport => ({
      ...doseFields(ctx.recommender, r),
      master: r.id === r.master_id,
      source: (r.source_org_id && sources.get(r.source_org_id)) ?? null,
      sourceKind: r.source_kind,
      receivedAt: new Date(r.entered_at).toISOString(),
      fromMergedRecord: r.origin_patient_id !== patientId,
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
