/**
 * @nutmeg/forecast — CDSi immunization evaluation and forecasting engine (pure; no I/O, no clock).
 */
export { evaluateAndForecast, evaluateAntigen, runPatientSeries, buildPatientContext } from './evaluate-and-forecast.ts';
export { parseSupportingData, normalizeCvx, SupportingDataError } from './supporting-data/parse.ts';
export type * from './supporting-data/model.ts';
export type * from './types.ts';
export {
  addDuration,
  addDurationText,
  daysFromCivil,
  civilFromDays,
  formatIsoDate,
  parseDuration,
  parseIsoDate,
  type DayNumber,
  type Duration,
} from './date-arithmetic.ts';
export {
  parseCaseLine,
  runCase,
  compareCase,
  checkCaseLine,
  combineEvaluations,
  fold,
  type CdsiCase,
  type CaseOutcome,
} from './cdsi-cases.ts';
export { tallyCases, formatTally, type TalliedCase, type CaseTally } from './cdsi-tally.ts';
