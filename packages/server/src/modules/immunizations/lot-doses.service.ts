// Doses administered by lot and funding source: what the inventory ledger says left the stock as administered
// per lot in a period, beside the doses the clinic recorded on patient records with that lot number (dose date in
// the period), and the difference. It lives here because it reads both modules' tables (immunizations may call
// inventory, not the other way round); who may read it is inventory's rule (inventory:read, clinicToRead).

import type { DosesByLotReport } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { toCsv } from '../../csv.ts';
import { addDays, jurisdictionDayStart, jurisdictionToday } from '../../dates.ts';
import { invalid } from '../../errors.ts';
import { isStatewide, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { clinicToRead, ledgerAdministeredByLot } from '../inventory/index.ts';
import { organizationNames } from '../organizations/index.ts';
import { recordedDosesByLot } from './dose-report.repo.ts';

export interface DosesByLotQuery {
  organizationId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export async function dosesByLotReport(ctx: AppContext, actor: Actor, q: DosesByLotQuery): Promise<DosesByLotReport> {
  const statewide = isStatewide(actor) && !q.organizationId;
  const clinic = statewide ? null : await clinicToRead(ctx.db, actor, q.organizationId);
  const to = q.to ?? jurisdictionToday(ctx.clock);
  const from = q.from ?? addDays(to, -90);
  if (from > to) throw invalid('The period starts after it ends', [{ path: 'from', message: 'Start on or before the end date' }]);
  const [ledger, recorded] = await Promise.all([
    ledgerAdministeredByLot(ctx.db, {
      organizationId: clinic?.id,
      since: jurisdictionDayStart(from),
      until: jurisdictionDayStart(addDays(to, 1)),
    }),
    recordedDosesByLot(ctx.db, { organizationId: clinic?.id, from, to }),
  ]);
  const key = (org: string | null, lot: string) => `${org ?? ''}|${lot.trim().toUpperCase()}`;
  const recordedBy = new Map(recorded.map((r) => [key(r.source_org_id, r.lot), r.doses]));
  const names = await organizationNames(
    ctx.db,
    ledger.map((l) => l.organization_id),
  );
  await appendActorAudit(
    ctx.db,
    actor,
    { action: 'inventory.report.doses_by_lot', entityType: 'organization', entityId: clinic?.id ?? null, detail: { from, to } },
    ctx.clock.now(),
  );
  return {
    scope: { clinic, from, to },
    rows: ledger.map((l) => {
      const rec = recordedBy.get(key(l.organization_id, l.lot_number)) ?? 0;
      return {
        clinicName: names.get(l.organization_id) ?? '',
        lotNumber: l.lot_number,
        tradeName: l.trade_name,
        cvx: l.cvx,
        fundingSource: l.funding_source,
        fromStock: l.doses,
        recorded: rec,
        difference: l.doses - rec,
      };
    }),
  };
}

export async function dosesByLotCsv(ctx: AppContext, actor: Actor, q: DosesByLotQuery): Promise<string> {
  const r = await dosesByLotReport(ctx, actor, q);
  return toCsv(
    ['Clinic', 'Funding', 'Vaccine (CVX)', 'Product', 'Lot', 'Administered from stock', 'Recorded on patient records', 'Difference'],
    r.rows.map((x) => [x.clinicName, x.fundingSource, x.cvx, x.tradeName, x.lotNumber, x.fromStock, x.recorded, x.difference]),
  );
}
