// Reads for the exchange channels (HL7, FHIR): the same record a clinic's user would see, for a Submitter
// instead of a signed-in actor. The record must be within the submitter's write visibility (a clinic never gets
// an opted-out record: not_found, exactly as the UI). Auditing the disclosure is the caller's: it knows the query.
import type { ForecastResult } from '@nutmeg/forecast';
import type { AppContext } from '../../context.ts';
import type { Submitter } from '../access/index.ts';
import { seasonsInForceOn } from '../recommender/index.ts';
import { loadWritable, loadWritableRow, loadWritableSummary } from '../patients/index.ts';
import { liveDoses, type DoseRow } from './dose.repo.ts';
import { forecastFor } from './immunization.service.ts';
import { liveObservations, liveRefusals } from './note.repo.ts';

export type { DoseRow };

/** The record's live doses (masters and reports), refusals and observations, for a submitter that may write it. */
export async function exchangeHistory(ctx: AppContext, submitter: Submitter, patientId: string) {
  const rows = await loadWritable(ctx, submitter, patientId);
  const [doses, refusals, observations] = await Promise.all([
    liveDoses(ctx.db, patientId),
    liveRefusals(ctx.db, patientId),
    liveObservations(ctx.db, patientId),
  ]);
  return { rows, doses, refusals, observations };
}

/**
 * What an HL7 query (Z34, Z44) answers with: the record's row and addresses (its PID), live doses and
 * observations (the forecast's inputs), with exchangeHistory's visibility check. Names, phones, guardians,
 * identifiers and refusals are not in the answer: five round trips fewer than exchangeHistory.
 */
export async function exchangeQueryRecord(ctx: AppContext, submitter: Submitter, patientId: string) {
  const rows = await loadWritableSummary(ctx, submitter, patientId);
  const [doses, observations] = await Promise.all([liveDoses(ctx.db, patientId), liveObservations(ctx.db, patientId)]);
  return { rows, doses, observations };
}

/**
 * The record's live doses only, with exchangeHistory's visibility check on the record's own row: what a VXU for
 * a known patient compares its doses with (the names, addresses, refusals and observations were seven round
 * trips it never read).
 */
export async function exchangeDoses(ctx: AppContext, submitter: Submitter, patientId: string): Promise<DoseRow[]> {
  await loadWritableRow(ctx, submitter, patientId);
  return liveDoses(ctx.db, patientId);
}

/** The forecast the REST API gives for the record on a date (same engine, same season dates). */
export async function exchangeForecast(
  ctx: AppContext,
  h: Pick<Awaited<ReturnType<typeof exchangeQueryRecord>>, 'rows' | 'doses' | 'observations'>,
  asOf: string,
): Promise<ForecastResult> {
  const seasons = await seasonsInForceOn(ctx, asOf);
  return forecastFor(ctx.recommender, h.rows.row, h.doses, h.observations, asOf, seasons);
}
