// Giving a dose from stock, called by immunizations inside the dose's own transaction: the clinic's usable lots of
// a vaccine for the dose form, the decrement (same transaction as the dose row, so either both or neither), and
// its reversal when the dose is corrected to another lot or deleted. The ledger row keeps the dose's id: that is
// the dose record's link to its lot.

import type { StockLotOption } from '@nutmeg/api-types';
import { conflict, invalid } from '../../errors.ts';
import type { Submitter } from '../access/index.ts';
import { appendSubmitterAudit } from '../audit/index.ts';
import { doseFundingOf, fundingFitsEligibility, isExpired } from './ledger.ts';
import { moveStock } from './ledger.service.ts';
import * as pendingRepo from './pending.repo.ts';
import * as repo from './stock.repo.ts';
import type { Db } from './stock.repo.ts';

const stockField = (message: string) => invalid(message, [{ path: 'fromStock', message }]);

type LotFields = Pick<
  repo.StockLine,
  'lot_id' | 'storage_unit_id' | 'lot_number' | 'trade_name' | 'ndc' | 'mvx' | 'expiration_date' | 'funding_source' | 'on_hand'
>;

const lotOption = (l: LotFields, pendingDoseId: string | null): StockLotOption => ({
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
  pendingDoseId,
});

/**
 * The submitter's clinic's usable lots of a vaccine on a date, for the dose form; with a patient, the doses already
 * pulled for them ("added but not administered") come first, marked with the pull to give.
 */
export async function usableLotsForDose(
  db: Db,
  submitter: Submitter,
  cvx: string,
  onDate: string,
  patientId?: string,
): Promise<StockLotOption[]> {
  if (submitter.organizationKind !== 'clinic') return [];
  const pulls = patientId ? await pendingRepo.openPullsOfPatient(db, submitter.organizationId, patientId, cvx, onDate) : [];
  const lines = await repo.usableLotsOfVaccines(db, submitter.organizationId, [cvx], onDate);
  return [...pulls.map((p) => lotOption(p, p.id)), ...lines.map((l) => lotOption(l, null))];
}

/**
 * `usableLotsForDose` for each of several doses (an HL7 message's vaccinations) with one query; the lots of
 * each dose in the order given, as `usableLotsForDose` lists them (without pulls: a message reports given doses).
 */
export async function usableLotsForDoses(
  db: Db,
  submitter: Submitter,
  doses: ReadonlyArray<{ cvx: string; date: string }>,
): Promise<StockLotOption[][]> {
  if (submitter.organizationKind !== 'clinic' || doses.length === 0) return doses.map(() => []);
  const earliest = doses.reduce((min, d) => (d.date < min ? d.date : min), doses[0]!.date);
  const lines = await repo.usableLotsOfVaccines(db, submitter.organizationId, [...new Set(doses.map((d) => d.cvx))], earliest);
  return doses.map((d) => lines.filter((l) => l.cvx === d.cvx && l.expiration_date >= d.date).map((l) => lotOption(l, null)));
}

export interface DoseFromStock {
  lotId: string;
  storageUnitId: string;
  /** The dose pulled earlier for this patient that is now given (nothing more leaves the stock). */
  pendingDoseId?: string | undefined;
  patientId: string;
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
  if (opts.alreadyTaken) return factsOf(line);
  if (d.pendingDoseId) {
    await givePulledDose(trx, submitter, { ...d, pendingDoseId: d.pendingDoseId, organizationId: line.organization_id });
    return factsOf(line);
  }
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
  return factsOf(line);
}

function factsOf(line: repo.StockLine): LotFacts {
  return {
    lot: line.lot_number,
    lotExpiration: line.expiration_date,
    ndc: line.ndc,
    mvx: line.mvx,
    fundingSource: doseFundingOf(line.funding_source),
  };
}

/**
 * The pulled dose is the one given: the pull is marked given once (a second recording of it is a 409), and its
 * dose moves from the pull to the dose record (back in, then out with the dose's id) so the on-hand is unchanged
 * and deleting or correcting the dose later puts it back like any dose from stock.
 */
async function givePulledDose(
  trx: Db,
  submitter: Submitter,
  d: DoseFromStock & { pendingDoseId: string; organizationId: string },
): Promise<void> {
  const given = await pendingRepo.givePendingDose(trx, {
    id: d.pendingDoseId,
    organizationId: d.organizationId,
    patientId: d.patientId,
    lotId: d.lotId,
    unitId: d.storageUnitId,
    by: submitter.userId,
    at: d.at,
  });
  if (!given) throw conflict('This pulled dose is not waiting any more (already given, put back or wasted), or it is another patient’s');
  const move = { organizationId: d.organizationId, lotId: d.lotId, storageUnitId: d.storageUnitId, recordedBy: submitter.userId, at: d.at };
  await moveStock(trx, {
    ...move,
    kind: 'administration_reversed',
    quantity: 1,
    referenceKind: 'pending_dose',
    referenceId: d.pendingDoseId,
    reason: 'given: recorded on the patient record',
  });
  await moveStock(trx, {
    ...move,
    kind: 'administered',
    quantity: -1,
    doseId: d.doseId,
    referenceKind: 'pending_dose',
    referenceId: d.pendingDoseId,
  });
  await appendSubmitterAudit(
    trx,
    submitter,
    {
      action: 'inventory.pending.give',
      entityType: 'pending_dose',
      entityId: d.pendingDoseId,
      patientId: d.patientId,
      detail: { doseId: d.doseId },
    },
    d.at,
  );
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
