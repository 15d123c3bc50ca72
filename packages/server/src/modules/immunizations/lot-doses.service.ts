// Doses administered by lot and funding source: per inventory lot, the doses the ledger says left the stock as
// administered, beside the doses the clinic recorded on patient records from that lot, and the difference. One
// date basis: the dose's administration date (a dose entered late counts in its date's period, its stock movement
// with it). A dose taken from stock belongs to the lot its ledger rows name; a dose with a typed lot number to the
// clinic's one lot of that number and NDC (or CVX when it has no NDC); a typed lot matching none, or two, is not
// listed. It lives here because it reads both modules' tables (immunizations may call inventory, not the other way
// round); who may read it is inventory's rule (inventory:read, clinicToRead).

import type { DosesByLotReport } from '@nutmeg/api-types';
import { normalizeNdc } from '@nutmeg/codes';
import type { AppContext } from '../../context.ts';
import { toCsv } from '../../csv.ts';
import { addDays, jurisdictionToday } from '../../dates.ts';
import { invalid } from '../../errors.ts';
import { isStatewide, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { clinicToRead, inventoryLotsByIdOrNumber, ledgerAdministeredOfDoses } from '../inventory/index.ts';
import { organizationNames } from '../organizations/index.ts';
import { clinicsWithLotDosesIn, dosesWithLotIn } from './dose-report.repo.ts';

export interface DosesByLotQuery {
  organizationId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

type DoseRow = Awaited<ReturnType<typeof dosesWithLotIn>>[number];
type LotRow = Awaited<ReturnType<typeof inventoryLotsByIdOrNumber>>[number];

const digits = (ndc: string) => (normalizeNdc(ndc) ?? ndc).replace(/\D/g, '');

/** Per lot id: doses out of stock (net) and doses recorded; each dose counted on one lot. */
function tallyByLot(
  doses: readonly DoseRow[],
  given: ReadonlyArray<{ dose_id: string; lot_id: string; doses: number }>,
  lots: readonly LotRow[],
) {
  const tally = new Map<string, { fromStock: number; recorded: number }>();
  const at = (lotId: string) => tally.get(lotId) ?? tally.set(lotId, { fromStock: 0, recorded: 0 }).get(lotId)!;
  const stockLotOf = new Map<string, string>();
  for (const g of given) {
    at(g.lot_id).fromStock += g.doses;
    if (g.doses > 0) stockLotOf.set(g.dose_id, g.lot_id);
  }
  const byNumber = new Map<string, LotRow[]>();
  for (const l of lots) {
    const key = `${l.organization_id}|${l.lot_number.trim().toUpperCase()}`;
    byNumber.set(key, [...(byNumber.get(key) ?? []), l]);
  }
  for (const d of doses) {
    if (d.deleted) continue;
    const candidates = (byNumber.get(`${d.source_org_id}|${d.lot}`) ?? []).filter((l) =>
      d.ndc ? digits(l.ndc) === digits(d.ndc) : l.cvx === d.cvx,
    );
    const lotId = stockLotOf.get(d.id) ?? (candidates.length === 1 ? candidates[0]!.id : undefined);
    if (lotId) at(lotId).recorded += 1;
  }
  return tally;
}

/** The longest period a statewide report may cover (it reads every clinic's doses of the period). */
const STATEWIDE_MAX_DAYS = 366;

/** One clinic's (null: doses without a clinic) lots with doses in the period, tallied; memory bounded by its doses. */
async function clinicLotTally(ctx: AppContext, organizationId: string | null, from: string, to: string) {
  const doses = await dosesWithLotIn(ctx.db, { organizationId, from, to });
  const given = await ledgerAdministeredOfDoses(
    ctx.db,
    doses.map((d) => d.id),
  );
  const lots = await inventoryLotsByIdOrNumber(ctx.db, {
    ids: [...new Set(given.map((g) => g.lot_id))],
    organizationIds: organizationId ? [organizationId] : [],
    lotNumbers: [...new Set(doses.map((d) => d.lot))],
  });
  const tally = tallyByLot(doses, given, lots);
  return lots.flatMap((l) => {
    const t = tally.get(l.id);
    return t && (t.fromStock !== 0 || t.recorded !== 0) ? [{ lot: l, ...t }] : [];
  });
}

export async function dosesByLotReport(ctx: AppContext, actor: Actor, q: DosesByLotQuery): Promise<DosesByLotReport> {
  const statewide = isStatewide(actor) && !q.organizationId;
  const clinic = statewide ? null : await clinicToRead(ctx.db, actor, q.organizationId);
  const to = q.to ?? jurisdictionToday(ctx.clock);
  const from = q.from ?? addDays(to, -90);
  if (from > to) throw invalid('The period starts after it ends', [{ path: 'from', message: 'Start on or before the end date' }]);
  if (statewide && addDays(from, STATEWIDE_MAX_DAYS) <= to) {
    const message = `A statewide report covers at most ${STATEWIDE_MAX_DAYS} days: ${from} to ${to} is longer (choose a clinic or a shorter period)`;
    throw invalid(message, [
      { path: 'from', message },
      { path: 'to', message },
    ]);
  }
  // Statewide: one clinic at a time, so memory holds one clinic's doses, never the state's.
  const clinics = clinic ? [clinic.id] : await clinicsWithLotDosesIn(ctx.db, { from, to });
  const listed = [];
  for (const id of clinics) listed.push(...(await clinicLotTally(ctx, id, from, to)));
  const names = await organizationNames(
    ctx.db,
    listed.map((l) => l.lot.organization_id),
  );
  await appendActorAudit(
    ctx.db,
    actor,
    { action: 'inventory.report.doses_by_lot', entityType: 'organization', entityId: clinic?.id ?? null, detail: { from, to } },
    ctx.clock.now(),
  );
  return {
    scope: { clinic, from, to },
    rows: listed.map(({ lot: l, fromStock, recorded }) => ({
      clinicName: names.get(l.organization_id) ?? '',
      lotNumber: l.lot_number,
      tradeName: l.trade_name,
      cvx: l.cvx,
      fundingSource: l.funding_source,
      fromStock,
      recorded,
      difference: fromStock - recorded,
    })),
  };
}

export async function dosesByLotCsv(ctx: AppContext, actor: Actor, q: DosesByLotQuery): Promise<string> {
  const r = await dosesByLotReport(ctx, actor, q);
  return toCsv(
    ['Clinic', 'Funding', 'Vaccine (CVX)', 'Product', 'Lot', 'Administered from stock', 'Recorded on patient records', 'Difference'],
    r.rows.map((x) => [x.clinicName, x.fundingSource, x.cvx, x.tradeName, x.lotNumber, x.fromStock, x.recorded, x.difference]),
  );
}
