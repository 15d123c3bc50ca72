/**
 * 7.5 Generate Forecast Dates And Recommended Vaccines (Table 7-13) and the candidate earliest
 * date (FORECASTDTCAN-1).
 */
import { addDuration, MAX_DATE, type DayNumber } from './date-arithmetic.ts';
import { isInForce, type SeriesRun } from './context.ts';
import { selectAge } from './evaluate-age.ts';
import { intervalReferenceDate } from './evaluate-interval.ts';
import type { LiveVirusConflict, SeriesDose, SupportingData } from './supporting-data/model.ts';
import type { RecommendedVaccine } from './types.ts';

export interface ForecastDates {
  readonly earliestDate: DayNumber;
  readonly unadjustedRecommendedDate: DayNumber;
  readonly recommendedDate: DayNumber;
  readonly unadjustedPastDueDate?: DayNumber;
  readonly pastDueDate?: DayNumber;
  readonly latestDate?: DayNumber;
  readonly maximumAgeDate?: DayNumber;
  readonly seasonEndDate?: DayNumber;
}

const max = (a: DayNumber | undefined, b: DayNumber | undefined): DayNumber | undefined =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);

const CONFLICTS = new WeakMap<SeriesDose, Map<string, LiveVirusConflict[]>>();

/** Conflicts whose impacted (current) vaccine type is a preferable vaccine of the series dose, by conflicting CVX. */
function impactingConflicts(data: SupportingData, seriesDose: SeriesDose): Map<string, LiveVirusConflict[]> {
  let m = CONFLICTS.get(seriesDose);
  if (!m) {
    m = new Map();
    for (const pv of seriesDose.preferableVaccines) {
      for (const c of data.conflictsByCurrentCvx.get(pv.cvx) ?? []) {
        const list = m.get(c.previousCvx);
        if (list) list.push(c);
        else m.set(c.previousCvx, [c]);
      }
    }
    CONFLICTS.set(seriesDose, m);
  }
  return m;
}

export function generateForecastDates(run: SeriesRun, seriesDose: SeriesDose): ForecastDates {
  const ctx = run.ctx;
  const assess = ctx.assessmentDate;
  const age = selectAge(seriesDose, assess); // RELEVANT-2
  const minAgeDate = age?.minAge ? addDuration(ctx.dob, age.minAge) : undefined; // CALCDTAGE-4
  const earliestRecAgeDate = age?.earliestRecAge ? addDuration(ctx.dob, age.earliestRecAge) : undefined; // CALCDTAGE-3
  const latestRecAgeDate = age?.latestRecAge ? addDuration(ctx.dob, age.latestRecAge) : undefined; // CALCDTAGE-2
  const maxAgeDate = age?.maxAge ? addDuration(ctx.dob, age.maxAge) : undefined; // CALCDTAGE-1

  let minInt: DayNumber | undefined;
  let earliestRecInt: DayNumber | undefined;
  let latestRecInt: DayNumber | undefined;
  for (const iv of seriesDose.intervals) {
    if (!isInForce(iv, assess)) continue;
    const ref = intervalReferenceDate(run, iv, run.doses.length, assess + 1);
    if (!ref) continue;
    if (iv.minInt) minInt = max(minInt, addDuration(ref.date, iv.minInt)); // CALCDTINT-4
    if (iv.earliestRecInt) earliestRecInt = max(earliestRecInt, addDuration(ref.date, iv.earliestRecInt)); // CALCDTINT-5
    if (iv.latestRecInt) latestRecInt = max(latestRecInt, addDuration(ref.date, iv.latestRecInt)); // CALCDTINT-6
  }

  // CALCDTCONFLICT-3: forecast conflict end dates
  let conflictEnd: DayNumber | undefined;
  if (ctx.doses.length > 0) {
    const byPrevious = impactingConflicts(ctx.data, seriesDose);
    if (byPrevious.size > 0) {
      for (const d of ctx.doses) {
        const list = byPrevious.get(d.cvx);
        if (!list) continue;
        for (const c of list) if (c.conflictEndInterval) conflictEnd = max(conflictEnd, addDuration(d.date, c.conflictEndInterval));
      }
    }
  }

  // FORECASTDTCAN-1 candidate earliest date
  let earliest: DayNumber | undefined = minAgeDate;
  earliest = max(earliest, minInt);
  earliest = max(earliest, conflictEnd);
  earliest = max(earliest, seriesDose.seasonal?.startDate);
  for (let i = 0; i < run.doses.length; i++) {
    const e = run.evals[i];
    const d = run.doses[i];
    if (!e || !d) continue;
    if (e.inadvertent || e.targetDose !== undefined) earliest = max(earliest, d.date);
  }
  // Table 7-9: a candidate earliest date with nothing to compute it from is assumed to be 12/31/2999
  const earliestDate = earliest ?? MAX_DATE;

  // FORECASTDT-2 / FORECASTDT-5
  const unadjustedRecommendedDate = earliestRecAgeDate ?? earliestRecInt ?? earliestDate;
  const recommendedDate = Math.max(earliestDate, unadjustedRecommendedDate);
  // FORECASTDT-3 / FORECASTDT-6
  const unadjustedPastDueDate =
    latestRecAgeDate !== undefined ? latestRecAgeDate - 1 : latestRecInt !== undefined ? latestRecInt - 1 : undefined;
  const pastDueDate = unadjustedPastDueDate !== undefined ? Math.max(earliestDate, unadjustedPastDueDate) : undefined;
  // FORECASTDT-4
  const latestDate = maxAgeDate !== undefined ? maxAgeDate - 1 : undefined;
  return {
    earliestDate,
    unadjustedRecommendedDate,
    recommendedDate,
    unadjustedPastDueDate,
    pastDueDate,
    latestDate,
    maximumAgeDate: maxAgeDate,
    seasonEndDate: seriesDose.seasonal?.endDate,
  };
}

/** FORECASTRECVAC-1 */
export function recommendedVaccines(
  run: SeriesRun,
  seriesDose: SeriesDose,
  dates: ForecastDates,
  contraindicatedCvx: ReadonlySet<string>,
): RecommendedVaccine[] {
  const out: RecommendedVaccine[] = [];
  for (const v of seriesDose.preferableVaccines) {
    if (!v.forecastVaccineType) continue;
    if (contraindicatedCvx.has(v.cvx)) continue;
    const begin = v.beginAge ? addDuration(run.ctx.dob, v.beginAge) : Number.NEGATIVE_INFINITY;
    const end = v.endAge ? addDuration(run.ctx.dob, v.endAge) : Number.POSITIVE_INFINITY;
    const e = dates.earliestDate;
    const r = dates.recommendedDate;
    if ((begin <= e && e < end) || (begin <= r && r < end)) out.push({ cvx: v.cvx, vaccineType: v.vaccineType });
  }
  return out;
}
