// Giving a dose from stock, called by immunizations inside the dose's own transaction: the clinic's usable lots of
// a vaccine for the dose form, the decrement (same transaction as the dose row, so either both or neither), and
// its reversal when the dose is corrected to another lot or deleted. The ledger row keeps the dose's id: that is
// the dose record's link to its lot.

import type { StockLotOption } from '@nutmeg/api-types';
import { invalid } from '../../errors.ts';
import type { Submitter } from '../access/index.ts';
import { doseFundingOf, fundingFitsEligibility, isExpired } from './ledger.ts';
import { moveStock } from './ledger.service.ts';
import * as repo from './stock.repo.ts';
import type { Db } from './stock.repo.ts';

const stockField = (message: string) => invalid(message, [{ path: 'fromStock', message }]);

const lotOption = (l: repo.StockLine): StockLotOption => ({
  lotId: l.lot_id,
  storageUnitId: l.storage_unit_id,
  lotNumber: l.lot_number,
  tradeName: l.trade_name,
  ndc: l.ndc,
  mvx: l.mvx,
  expirationDate: l.expiration_date,
  fundingSource: l.funding_source,
  doseFundingSource: doseFundingOf(l.funding_source),
  onHand: l.on_hand,
});

/** The submitter's clinic's usable lots of a vaccine on a date, for the dose form. */
export async function usableLotsForDose(db: Db, submitter: Submitter, cvx: string, onDate: string): Promise<StockLotOption[]> {
  if (submitter.organizationKind !== 'clinic') return [];
  return (await repo.usableLotsOf(db, submitter.organizationId, cvx, onDate)).map(lotOption);
}

/**
 * `usableLotsForDose` for each of several doses (an HL7 message's vaccinations) with one query; the lots of
 * each dose in the order given, as `usableLotsForDose` lists them.
 */
export async function usableLotsForDoses(
  db: Db,
  submitter: Submitter,
  doses: ReadonlyArray<{ cvx: string; date: string }>,
): Promise<StockLotOption[][]> {
  if (submitter.organizationKind !== 'clinic' || doses.length === 0) return doses.map(() => []);
  const earliest = doses.reduce((min, d) => (d.date < min ? d.date : min), doses[0]!.date);
  const lines = await repo.usableLotsOfVaccines(db, submitter.organizationId, [...new Set(doses.map((d) => d.cvx))], earliest);
  return doses.map((d) => lines.filter((l) => l.cvx === d.cvx && l.expiration_date >= d.date).map(lotOption));
}

export interface DoseFromStock {
  lotId: string;
  storageUnitId: string;
  doseId: string;
  cvx: string;
  date: string;
  vfcEligibility: string;
  at: Date;
}

/** What the dose record takes from the lot (the lot is the authority once the dose comes from stock). */
export interface LotFacts {
  lot: string;
  lotExpiration: string;
  ndc: string;
  mvx: string | null;
  fundingSource: 'public' | 'private';
}

/**
 * Takes one dose out of the submitter's clinic's stock for a dose being recorded in `trx`. Refused (400 naming
 * the field) for another clinic's lot, another vaccine, an expired or held lot, or public stock for a V01
 * patient (private stock for an eligible one); 409 when the lot has no dose left.
 */
export async function takeDoseFromStock(
  trx: Db,
  submitter: Submitter,
  d: DoseFromStock,
  opts: { alreadyTaken?: boolean } = {},
): Promise<LotFacts> {
  const line = await repo.stockLine(trx, d.lotId, d.storageUnitId);
  if (!line || line.organization_id !== submitter.organizationId || submitter.organizationKind !== 'clinic')
    throw stockField('This lot is not in your clinic’s stock');
  if (line.cvx !== d.cvx) throw stockField(`Lot ${line.lot_number} is ${line.trade_name} (CVX ${line.cvx}), not the vaccine recorded`);
  if (isExpired(line.expiration_date, d.date)) throw stockField(`Lot ${line.lot_number} had expired on the date given`);
  if (line.do_not_use) throw stockField(`Lot ${line.lot_number} is held (do not use) after a temperature excursion`);
  if (!fundingFitsEligibility(line.funding_source, d.vfcEligibility)) {
    const message =
      line.funding_source === 'private'
        ? `Lot ${line.lot_number} is private stock: a VFC-eligible patient (${d.vfcEligibility}) gets public stock`
        : `Lot ${line.lot_number} is public stock: a patient who is not VFC-eligible (${d.vfcEligibility}) gets private stock`;
    throw invalid(message, [{ path: 'vfcEligibility', message }]);
  }
  // A correction that keeps the lot re-checks it (eligibility may have changed) but takes no second dose.
  if (!opts.alreadyTaken)
    await moveStock(trx, {
      organizationId: line.organization_id,
      lotId: d.lotId,
      storageUnitId: d.storageUnitId,
      kind: 'administered',
      quantity: -1,
      doseId: d.doseId,
      recordedBy: submitter.userId,
      at: d.at,
    });
  return {
    lot: line.lot_number,
    lotExpiration: line.expiration_date,
    ndc: line.ndc,
    mvx: line.mvx,
    fundingSource: doseFundingOf(line.funding_source),
  };
}

/** Puts back whatever a dose took from stock (its deletion, or a correction to another lot); returns the doses put back. */
export async function returnDoseToStock(trx: Db, submitter: Submitter, doseId: string, reason: string, at: Date): Promise<number> {
  let back = 0;
  for (const t of await repo.stockTakenForDose(trx, doseId)) {
    if (t.taken <= 0) continue;
    await moveStock(trx, {
      organizationId: t.organization_id,
      lotId: t.lot_id,
      storageUnitId: t.storage_unit_id,
      kind: 'administration_reversed',
      quantity: t.taken,
      doseId,
      reason,
      recordedBy: submitter.userId,
      at,
    });
    back += t.taken;
  }
  return back;
}

/** The lot and unit a dose currently holds stock from, if any. */
export async function stockOfDose(trx: Db, doseId: string): Promise<{ lotId: string; storageUnitId: string } | null> {
  const held = (await repo.stockTakenForDose(trx, doseId)).find((t) => t.taken > 0);
  return held ? { lotId: held.lot_id, storageUnitId: held.storage_unit_id } : null;
}
