// The forecast store's SQL (stored_forecasts, stored_forecast_runs): written by the refresh jobs, read by reports.
import { sql, type Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';

type Db = Kysely<Database>;

export interface StoredGroup {
  vaccineGroup: string;
  seriesType: string;
  status: string;
  forecastDoseNumber: number | null;
  earliestDate: string | null;
  recommendedDate: string | null;
  pastDueDate: string | null;
  latestDate: string | null;
  validDoseDates: string[];
  /** Per antigen of the group, the dates of its valid doses. */
  validAntigenDates: Record<string, string[]>;
}

export interface StoredPatientForecast {
  patientId: string;
  release: string;
  computedFor: string;
  refreshOn: string;
  groups: StoredGroup[];
}

/**
 * Serialises refreshes of the same patients (a job that read an older history must not write after one that read
 * the newer): transaction-scoped advisory locks, in a fixed order, so no row of another module is locked.
 */
export async function lockForRefresh(trx: Db, patientIds: readonly string[]): Promise<void> {
  if (patientIds.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock(hashtextextended('forecast:' || id::text, 0))
            FROM unnest(${[...patientIds]}::uuid[]) AS t(id) ORDER BY id`.execute(trx);
}

/** Replaces the stored forecasts of these patients (deleted when `forecasts` has none for one: merged away). */
export async function replaceStoredForecasts(
  trx: Db,
  patientIds: readonly string[],
  forecasts: readonly StoredPatientForecast[],
): Promise<void> {
  if (patientIds.length === 0) return;
  await trx
    .deleteFrom('stored_forecasts')
    .where('patient_id', 'in', [...patientIds])
    .execute();
  // Runs are upserted, not deleted and inserted again: a change marking one stale waits for this row and then
  // marks the new one (a deleted row would let it mark nothing).
  const kept = new Set(forecasts.map((f) => f.patientId));
  const gone = patientIds.filter((id) => !kept.has(id));
  if (gone.length) await trx.deleteFrom('stored_forecast_runs').where('patient_id', 'in', gone).execute();
  const groups = forecasts.flatMap((f) =>
    f.groups.map((g) => ({
      patient_id: f.patientId,
      vaccine_group: g.vaccineGroup,
      series_type: g.seriesType,
      status: g.status,
      forecast_dose_number: g.forecastDoseNumber,
      earliest_date: g.earliestDate,
      recommended_date: g.recommendedDate,
      past_due_date: g.pastDueDate,
      latest_date: g.latestDate,
      valid_dose_dates: g.validDoseDates,
      valid_antigen_dates: JSON.stringify(g.validAntigenDates),
    })),
  );
  // Parameters are limited to 65535 per statement: 11 columns a row.
  for (let i = 0; i < groups.length; i += 5000)
    await trx
      .insertInto('stored_forecasts')
      .values(groups.slice(i, i + 5000))
      .execute();
  const runs = forecasts.map((f) => ({
    patient_id: f.patientId,
    cdsi_release: f.release,
    computed_for: f.computedFor,
    refresh_on: f.refreshOn,
    stale: false,
  }));
  for (let i = 0; i < runs.length; i += 10000) {
    await trx
      .insertInto('stored_forecast_runs')
      .values(runs.slice(i, i + 10000))
      .onConflict((oc) =>
        oc.column('patient_id').doUpdateSet((eb) => ({
          cdsi_release: eb.ref('excluded.cdsi_release'),
          computed_for: eb.ref('excluded.computed_for'),
          computed_at: eb.fn<Date>('now'),
          refresh_on: eb.ref('excluded.refresh_on'),
          stale: false,
        })),
      )
      .execute();
  }
}

/** Marks stored forecasts out of date (their refresh job is queued in the same transaction). */
export async function markStale(db: Db, patientIds: readonly string[]): Promise<void> {
  if (patientIds.length === 0) return;
  await db
    .updateTable('stored_forecast_runs')
    .set({ stale: true })
    .where('patient_id', 'in', [...patientIds])
    .execute();
}

/** Marks every stored forecast out of date (`forecast refresh --all`). */
export async function markAllStale(db: Db): Promise<number> {
  const r = await db.updateTable('stored_forecast_runs').set({ stale: true }).where('stale', '=', false).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Patients whose stored forecast is due again: changed, a date crossed, or computed with another release. */
export async function idsDueForRefresh(db: Db, today: string, release: string, afterId: string | null, limit: number): Promise<string[]> {
  let q = db
    .selectFrom('stored_forecast_runs')
    .select('patient_id')
    .where((eb) => eb.or([eb('stale', '=', true), eb('refresh_on', '<=', today), eb('cdsi_release', '<>', release)]));
  if (afterId) q = q.where('patient_id', '>', afterId);
  const rows = await q.orderBy('patient_id').limit(limit).execute();
  return rows.map((r) => r.patient_id);
}

export async function countDueForRefresh(db: Db, today: string, release: string): Promise<number> {
  const r = await db
    .selectFrom('stored_forecast_runs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('stale', '=', true), eb('refresh_on', '<=', today), eb('cdsi_release', '<>', release)]))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Which of these patients have a stored forecast at all. */
export async function idsWithRun(db: Db, patientIds: readonly string[]): Promise<Set<string>> {
  if (patientIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('stored_forecast_runs')
    .select('patient_id')
    .where('patient_id', 'in', [...patientIds])
    .execute();
  return new Set(rows.map((r) => r.patient_id));
}

export interface StoredForecastRow {
  patientId: string;
  vaccineGroup: string;
  seriesType: string;
  status: string;
  forecastDoseNumber: number | null;
  earliestDate: string | null;
  recommendedDate: string | null;
  pastDueDate: string | null;
  latestDate: string | null;
  release: string;
  computedFor: string;
}

/** A stored forecast row as read (stored_forecasts joined to its run), in the module's words. */
export interface StoredForecastDbRow {
  patient_id: string;
  vaccine_group: string;
  series_type: string;
  status: string;
  forecast_dose_number: number | null;
  earliest_date: string | null;
  recommended_date: string | null;
  past_due_date: string | null;
  latest_date: string | null;
  cdsi_release: string;
  computed_for: string;
}

export function storedForecastRow(r: StoredForecastDbRow): StoredForecastRow {
  return {
    patientId: r.patient_id,
    vaccineGroup: r.vaccine_group,
    seriesType: r.series_type,
    status: r.status,
    forecastDoseNumber: r.forecast_dose_number,
    earliestDate: r.earliest_date,
    recommendedDate: r.recommended_date,
    pastDueDate: r.past_due_date,
    latestDate: r.latest_date,
    release: r.cdsi_release,
    computedFor: r.computed_for,
  };
}

/** The stored forecasts of these patients (optionally only some vaccine groups). */
export async function storedForecastsOf(db: Db, patientIds: readonly string[], groups?: readonly string[]): Promise<StoredForecastRow[]> {
  if (patientIds.length === 0) return [];
  let q = db
    .selectFrom('stored_forecasts as f')
    .innerJoin('stored_forecast_runs as r', 'r.patient_id', 'f.patient_id')
    .select([
      'f.patient_id',
      'f.vaccine_group',
      'f.series_type',
      'f.status',
      'f.forecast_dose_number',
      'f.earliest_date',
      'f.recommended_date',
      'f.past_due_date',
      'f.latest_date',
      'r.cdsi_release',
      'r.computed_for',
    ])
    .where('f.patient_id', '=', sql<string>`ANY(${[...patientIds]}::uuid[])`);
  if (groups && groups.length) q = q.where('f.vaccine_group', 'in', [...groups]);
  const rows = await q.orderBy('f.patient_id').orderBy('f.vaccine_group').execute();
  return rows.map(storedForecastRow);
}

/** Of these patients, those without a stored forecast or whose stored one is due (the backfill's work). */
export async function idsNeedingRefresh(db: Db, patientIds: readonly string[], today: string, release: string): Promise<string[]> {
  if (patientIds.length === 0) return [];
  const fresh = await db
    .selectFrom('stored_forecast_runs')
    .select('patient_id')
    .where('patient_id', '=', sql<string>`ANY(${[...patientIds]}::uuid[])`)
    .where('stale', '=', false)
    .where('refresh_on', '>', today)
    .where('cdsi_release', '=', release)
    .execute();
  const skip = new Set(fresh.map((r) => r.patient_id));
  return patientIds.filter((id) => !skip.has(id));
}

/** Of these patients, those whose stored forecast a job wrote after `since` (a backfill must not overwrite it). */
export async function idsComputedSince(db: Db, patientIds: readonly string[], since: Date): Promise<Set<string>> {
  if (patientIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('stored_forecast_runs')
    .select('patient_id')
    .where('patient_id', '=', sql<string>`ANY(${[...patientIds]}::uuid[])`)
    .where('computed_at', '>', since)
    .execute();
  return new Set(rows.map((r) => r.patient_id));
}

export interface CoverageFacts {
  patientId: string;
  vaccineGroup: string;
  status: string;
  validDoseDates: string[];
}

/** Per patient and group: the stored status and the dates of valid doses (coverage counts them). */
export async function coverageFactsOf(db: Db, patientIds: readonly string[], groups: readonly string[]): Promise<CoverageFacts[]> {
  if (patientIds.length === 0 || groups.length === 0) return [];
  const rows = await db
    .selectFrom('stored_forecasts')
    .select(['patient_id', 'vaccine_group', 'status', 'valid_dose_dates'])
    .where('patient_id', '=', sql<string>`ANY(${[...patientIds]}::uuid[])`)
    .where('vaccine_group', 'in', [...groups])
    .execute();
  return rows.map((r) => ({
    patientId: r.patient_id,
    vaccineGroup: r.vaccine_group,
    status: r.status,
    validDoseDates: r.valid_dose_dates,
  }));
}

export interface ComplianceFacts {
  patientId: string;
  vaccineGroup: string;
  status: string;
  recommendedDate: string | null;
  pastDueDate: string | null;
  /** Per antigen of the group, the dates of its valid doses. */
  validAntigenDates: Record<string, string[]>;
  computedFor: string;
  stale: boolean;
}

/**
 * Per patient and group: what school-entry compliance needs of the stored forecast (status, due dates, each
 * antigen's valid dose dates) and whether it is out of date (changed since, or its refresh day passed).
 */
export async function complianceFactsOf(
  db: Db,
  patientIds: readonly string[],
  groups: readonly string[],
  today: string,
): Promise<ComplianceFacts[]> {
  if (patientIds.length === 0 || groups.length === 0) return [];
  const rows = await db
    .selectFrom('stored_forecasts as f')
    .innerJoin('stored_forecast_runs as r', 'r.patient_id', 'f.patient_id')
    .select([
      'f.patient_id',
      'f.vaccine_group',
      'f.status',
      'f.recommended_date',
      'f.past_due_date',
      'f.valid_antigen_dates',
      'r.computed_for',
      'r.stale',
      'r.refresh_on',
    ])
    .where('f.patient_id', '=', sql<string>`ANY(${[...patientIds]}::uuid[])`)
    .where('f.vaccine_group', 'in', [...groups])
    .execute();
  return rows.map((r) => ({
    patientId: r.patient_id,
    vaccineGroup: r.vaccine_group,
    status: r.status,
    recommendedDate: r.recommended_date,
    pastDueDate: r.past_due_date,
    validAntigenDates: r.valid_antigen_dates,
    computedFor: r.computed_for,
    stale: r.stale || r.refresh_on <= today,
  }));
}
