// The excursion report: temperature excursions with their clinic, unit, when, min/max, duration, the lots held and
// the manufacturer's decision. DPH reads every clinic's (or one clinic's), a coordinator their clinic's; filters
// come from the page's URL; the CSV is the same list (formula cells neutralised by src/csv.ts). Audited like the
// other inventory reports.

import type { ExcursionReport } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { toCsv } from '../../csv.ts';
import { addDays, jurisdictionDayStart } from '../../dates.ts';
import { invalid } from '../../errors.ts';
import { isStatewide, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { clinicToRead } from './inventory.policy.ts';
import { presentExcursions } from './temperature.service.ts';
import * as repo from './temperature.repo.ts';
import type { ExcursionReportQuery } from './temperature.schemas.ts';

const REPORT_ROWS = 1000;

export async function excursionReport(ctx: AppContext, actor: Actor, q: ExcursionReportQuery): Promise<ExcursionReport> {
  const statewide = isStatewide(actor) && !q.organizationId;
  const clinic = statewide ? null : await clinicToRead(ctx.db, actor, q.organizationId);
  if (q.from && q.to && q.from > q.to)
    throw invalid('The period starts after it ends', [{ path: 'from', message: 'Start on or before the end date' }]);
  const rows = await repo.excursionsOf(
    ctx.db,
    {
      ...(clinic ? { organizationId: clinic.id } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.from ? { since: jurisdictionDayStart(q.from) } : {}),
      ...(q.to ? { until: jurisdictionDayStart(addDays(q.to, 1)) } : {}),
    },
    REPORT_ROWS,
  );
  await appendActorAudit(
    ctx.db,
    actor,
    {
      action: 'inventory.excursion.report',
      entityType: 'organization',
      entityId: clinic?.id ?? null,
      detail: { from: q.from ?? null, to: q.to ?? null, status: q.status ?? null },
    },
    ctx.clock.now(),
  );
  return {
    scope: { clinic, from: q.from ?? null, to: q.to ?? null, status: q.status ?? null },
    excursions: await presentExcursions(ctx.db, actor, rows),
  };
}

/** The same list as CSV, one row per excursion. */
export async function excursionReportCsv(ctx: AppContext, actor: Actor, q: ExcursionReportQuery): Promise<string> {
  const r = await excursionReport(ctx, actor, q);
  return toCsv(
    [
      'Clinic',
      'Storage unit',
      'Cause',
      'First out of range',
      'Back in range',
      'Duration (minutes)',
      'Min °C',
      'Max °C',
      'Worst °C',
      'Lots held',
      'Decision',
      'Decided',
      'Decision note',
    ],
    r.excursions.map((e) => [
      e.clinic.name,
      e.unitName,
      e.shipmentId ? 'shipment accepted warm' : 'unit readings',
      e.firstReadAt,
      e.backInRangeAt ?? '',
      e.durationMinutes,
      e.minC,
      e.maxC,
      e.worstC,
      e.lots.map((l) => `${l.tradeName} ${l.lotNumber}`).join('; '),
      e.status === 'open' ? 'awaiting the manufacturer' : e.status,
      e.decidedAt ?? '',
      e.decisionNote ?? '',
    ]),
  );
}
