// RXA-15 and the sending clinic's stock (AIRA, "decrementing inventory via electronic data exchange"): when the
// lot number names a usable lot of the clinic's stock of that vaccine, the dose is recorded as given from it,
// exactly as the dose form records it (the inventory module's rules: VFC eligibility must fit the lot's funding;
// in the message's transaction). When it names none, or the lot cannot be used, the dose is stored as sent and
// the sender is told why the stock was not decremented.
import type { StockLotOption } from '@nutmeg/api-types';
import type { Hl7IssueRow } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { Submitter } from '../access/index.ts';
import type { DoseBody } from '../immunizations/index.ts';
import { usableLotsForDoses } from '../inventory/index.ts';
import { detect } from './dq-rules.ts';
import { LOT_NOT_REPORTED, type Administration } from './rxa-read.ts';

export interface StockRef {
  lotId: string;
  storageUnitId: string;
}

const sameLot = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/** Whether RXA-15 of this dose can name a lot of the clinic's stock (an administered dose with a lot number). */
const mayNameLot = (dose: DoseBody): dose is Extract<DoseBody, { kind: 'administered' }> =>
  dose.kind === 'administered' && dose.lot !== LOT_NOT_REPORTED;

/**
 * The clinic's usable lots for each vaccination of a message that names a lot, by RXA occurrence, read with one
 * query (not one per RXA).
 */
export async function stockLotsOfMessage(
  ctx: AppContext,
  submitter: Submitter,
  administrations: readonly Administration[],
): Promise<Map<number, StockLotOption[]>> {
  const doses = administrations.flatMap((a) =>
    a.kind === 'dose' && mayNameLot(a.dose) ? [{ rxa: a.rxa, cvx: a.dose.cvx, date: a.dose.date }] : [],
  );
  const lots = await usableLotsForDoses(ctx.db, submitter, doses);
  return new Map(doses.map((d, i) => [d.rxa, lots[i]!]));
}

/**
 * The lot of the clinic's stock RXA-15 names among `lots` (the clinic's usable lots of this dose's vaccine), if
 * any. A clinic that keeps no stock of this vaccine in the registry is not warned (it does not use the registry's
 * inventory); one that does is told the lot is not there.
 */
export function stockLotNamed(dose: DoseBody, lots: readonly StockLotOption[], rxa: number, issues: Hl7IssueRow[]): StockRef | undefined {
  if (!mayNameLot(dose) || lots.length === 0) return undefined;
  const hit = lots.find((l) => sameLot(l.lotNumber, dose.lot));
  if (hit) return { lotId: hit.lotId, storageUnitId: hit.storageUnitId };
  const i = detect(
    'VaccinationLotNotInInventory',
    `RXA[${rxa}]-15`,
    `Lot ${dose.lot} is not a usable lot of this vaccine in the clinic's stock: the dose is recorded, the stock was not decremented`,
  );
  if (i) issues.push(i);
  return undefined;
}

/**
 * Writes the dose as given from `stock` (inside `undo`, so that a refused decrement leaves nothing behind); when
 * the inventory's rules refuse the lot, writes it as sent and warns.
 */
export async function writeFromStock<T>(
  dose: DoseBody,
  stock: StockRef | undefined,
  rxa: number,
  issues: Hl7IssueRow[],
  undo: <R>(fn: () => Promise<R>) => Promise<R>,
  write: (body: DoseBody) => Promise<T>,
): Promise<T> {
  if (!stock || dose.kind !== 'administered') return write(dose);
  try {
    return await undo(() => write({ ...dose, fromStock: stock }));
  } catch (e) {
    if (!(e instanceof AppError) || e.kind === 'unavailable') throw e;
    const out = await write(dose);
    const i = detect(
      'VaccinationInventoryNotDecremented',
      `RXA[${rxa}]-15`,
      `The dose is recorded; lot ${dose.lot} was not taken from the clinic's stock: ${e.message}`,
    );
    if (i) issues.push(i);
    return out;
  }
}
