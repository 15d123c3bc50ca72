export { createRecommender, sharedRecommender, supportingDataDirOf, type Recommender, type VaccineInfo } from './recommender.ts';
export { presentForecast, urgencyOf } from './forecast.present.ts';
export { seasonsInForceOn } from './season.service.ts';
export type { PresentedForecast, Urgency } from '@nutmeg/api-types';
export { registerRecommenderRoutes } from './recommender.routes.ts';
export {
  FORECAST_BACKFILL_JOB,
  FORECAST_NIGHTLY_JOB,
  FORECAST_REFRESH_JOB,
  REFRESH_BATCH,
  forecastJobHandlers,
  refreshDueForecasts,
  refreshStoredForecasts,
  requestForecastBackfill,
  requestForecastRefresh,
  batchForecastRefresh,
  scheduleNightlyForecastRefresh,
  storeComputedForecasts,
  type ForecastInputLoader,
  type ForecastSource,
  type PatientForecastInput,
} from './forecast-store.service.ts';
export { toStoredForecast } from './stored-forecast.ts';
export { coverageMetOf, storedForecastsDueIn, type CoverageRule } from './forecast-report.repo.ts';
export { BENCH_FORECAST_TABLES, BENCH_SCHEDULE, insertBenchForecasts } from './forecast-bench.repo.ts';
export {
  complianceFactsOf,
  type ComplianceFacts,
  countDueForRefresh,
  coverageFactsOf,
  type CoverageFacts,
  idsDueForRefresh,
  idsNeedingRefresh,
  idsWithRun,
  markAllStale,
  replaceStoredForecasts,
  storedForecastsOf,
  type StoredForecastRow,
  type StoredPatientForecast,
} from './forecast-store.repo.ts';
