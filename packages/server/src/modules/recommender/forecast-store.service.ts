// The forecast store: refreshes a patient's stored forecasts when their data changes (a job queued in the
// transaction of the change) and, nightly, those whose result changes with time. Reports read it.
import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import type { ForecastInput } from '@nutmeg/forecast';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { enqueueJob, ensureJobScheduled, nextDailyRun, type JobHandler } from '../jobs/index.ts';
import * as repo from './forecast-store.repo.ts';
import type { StoredPatientForecast } from './forecast-store.repo.ts';
import { seasonsInForceOn } from './season.service.ts';
import { toStoredForecast } from './stored-forecast.ts';

type Db = Kysely<Database>;

export const FORECAST_REFRESH_JOB = 'forecast.refresh';
export const FORECAST_NIGHTLY_JOB = 'forecast.nightly';
export const FORECAST_BACKFILL_JOB = 'forecast.backfill';
/** Patients per transaction of a refresh (the nightly job and the backfill work in batches of this size). */
export const REFRESH_BATCH = 200;

/** What the engine needs of a patient, without the date: read by the module that owns doses and observations. */
export type PatientForecastInput = Omit<ForecastInput, 'assessmentDate' | 'seasons' | 'vaccineGroups'>;
/**
 * Reads the forecast inputs of patients (the live ones; merged-away records are left out), in the caller's
 * transaction. Injected by the composition root: the recommender cannot import the modules that hold the data.
 */
export type ForecastInputLoader = (db: Db, patientIds: readonly string[]) => Promise<Map<string, PatientForecastInput>>;
/** Where the refresh jobs read patients from (the composition root wires the owners' functions). */
export interface ForecastSource {
  load: ForecastInputLoader;
  /** Live patient ids after `afterId`, in id order (a backfill's pages). */
  idsAfter: (db: Db, afterId: string | null, limit: number) => Promise<string[]>;
}

/** Queues a refresh of these patients' stored forecasts, due at `at`; call it in the transaction of the change. */
export async function requestForecastRefresh(trx: Db, patientIds: readonly string[], at: Date): Promise<void> {
  const batch = refreshBatches.get(trx);
  if (batch) {
    for (const id of patientIds) batch.ids.add(id);
    if (at < batch.at) batch.at = at;
    return;
  }
  const ids = [...new Set(patientIds)];
  if (ids.length === 0) return;
  await repo.markStale(trx, ids);
  await enqueueJob(trx, FORECAST_REFRESH_JOB, { patientIds: ids }, at);
}

// Refresh requests held by batchForecastRefresh, per transaction.
const refreshBatches = new WeakMap<Db, { ids: Set<string>; at: Date }>();

/**
 * Runs `fn` with the refresh requests made on `trx` gathered into one (a message that records several doses of
 * a patient queues one refresh, not one per dose). A request from a part later undone by a savepoint is still
 * queued: a refresh too many recomputes the same forecast, one too few would leave it stale.
 */
export async function batchForecastRefresh<T>(trx: Db, at: Date, fn: () => Promise<T>): Promise<T> {
  if (!trx.isTransaction) throw new Error('batchForecastRefresh needs a transaction');
  if (refreshBatches.has(trx)) return fn();
  const batch = { ids: new Set<string>(), at };
  refreshBatches.set(trx, batch);
  try {
    const out = await fn();
    refreshBatches.delete(trx);
    await requestForecastRefresh(trx, [...batch.ids], batch.at);
    return out;
  } finally {
    refreshBatches.delete(trx);
  }
}

/** Computes and stores the forecasts of these patients for today, in one transaction; returns how many were stored. */
export async function refreshStoredForecasts(ctx: AppContext, load: ForecastInputLoader, patientIds: readonly string[]): Promise<number> {
  const ids = [...new Set(patientIds)].sort();
  if (ids.length === 0) return 0;
  const today = jurisdictionToday(ctx.clock);
  const seasons = await seasonsInForceOn(ctx, today);
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockForRefresh(trx, ids);
    const inputs = await load(trx, ids);
    const stored = [...inputs].map(([id, input]) =>
      toStoredForecast(
        id,
        ctx.recommender.forecast({ ...input, assessmentDate: today, seasons }),
        ctx.recommender.data.antigenToVaccineGroup,
      ),
    );
    await repo.replaceStoredForecasts(trx, ids, stored);
    return stored.length;
  });
}

/** Refreshes every stored forecast that is due (changed, a date crossed, another release); returns how many. */
export async function refreshDueForecasts(ctx: AppContext, load: ForecastInputLoader): Promise<number> {
  const today = jurisdictionToday(ctx.clock);
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const ids = await repo.idsDueForRefresh(ctx.db, today, ctx.recommender.version, after, REFRESH_BATCH);
    if (ids.length === 0) return done;
    done += await refreshStoredForecasts(ctx, load, ids);
    after = ids[ids.length - 1]!;
  }
}

/** The nightly refresh runs at this time on Connecticut's clocks, once the day whose dates passed has begun. */
const NIGHTLY_RUN_TIME = '02:00';

/** Patients per backfill job: each stores one page and queues the next (resumable, never one long job). */
const BACKFILL_PAGE = 2000;

/** Queues a backfill of every patient without a stored forecast (after a bulk load, e.g. the demo population). */
export async function requestForecastBackfill(db: Db, at: Date): Promise<void> {
  await enqueueJob(db, FORECAST_BACKFILL_JOB, { after: null }, at);
}

export function forecastJobHandlers(ctx: AppContext, source: ForecastSource): Record<string, JobHandler> {
  const load = source.load;
  return {
    [FORECAST_BACKFILL_JOB]: async (payload) => {
      const after = typeof payload.after === 'string' ? payload.after : null;
      const ids = await source.idsAfter(ctx.db, after, BACKFILL_PAGE);
      const have = await repo.idsWithRun(ctx.db, ids);
      const missing = ids.filter((id) => !have.has(id));
      let stored = 0;
      for (let i = 0; i < missing.length; i += REFRESH_BATCH)
        stored += await refreshStoredForecasts(ctx, load, missing.slice(i, i + REFRESH_BATCH));
      if (ids.length === BACKFILL_PAGE) await enqueueJob(ctx.db, FORECAST_BACKFILL_JOB, { after: ids[ids.length - 1] }, ctx.clock.now());
      return { stored };
    },
    [FORECAST_REFRESH_JOB]: async (payload) => {
      const ids = Array.isArray(payload.patientIds) ? payload.patientIds.filter((x): x is string => typeof x === 'string') : [];
      return { refreshed: await refreshStoredForecasts(ctx, load, ids) };
    },
    [FORECAST_NIGHTLY_JOB]: async () => {
      const refreshed = await refreshDueForecasts(ctx, load);
      await enqueueJob(ctx.db, FORECAST_NIGHTLY_JOB, {}, nextDailyRun(ctx.clock.now(), NIGHTLY_RUN_TIME));
      return { refreshed };
    },
  };
}

/** Makes sure the nightly refresh is scheduled (once, whichever process starts first). */
export async function scheduleNightlyForecastRefresh(ctx: AppContext): Promise<void> {
  await ensureJobScheduled(ctx.db, FORECAST_NIGHTLY_JOB, nextDailyRun(ctx.clock.now(), NIGHTLY_RUN_TIME));
}

/**
 * Stores forecasts computed outside a refresh transaction (the backfill command's worker threads) from inputs read
 * at `loadedAt`: a patient a refresh job stored since then keeps that newer result.
 */
export async function storeComputedForecasts(db: Db, forecasts: readonly StoredPatientForecast[], loadedAt: Date): Promise<number> {
  if (forecasts.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    const ids = forecasts.map((f) => f.patientId).sort();
    await repo.lockForRefresh(trx, ids);
    const newer = await repo.idsComputedSince(trx, ids, loadedAt);
    const keep = forecasts.filter((f) => !newer.has(f.patientId));
    await repo.replaceStoredForecasts(
      trx,
      keep.map((f) => f.patientId),
      keep,
    );
    return keep.length;
  });
}
