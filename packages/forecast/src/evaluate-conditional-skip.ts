/**
 * 6.2 / 7.1 / 7.6.1 Evaluate Conditional Skip (Tables 6-5 … 6-11).
 * Used for evaluation (reference date = date administered), forecasting (assessment date) and
 * validating a recommendation (earliest date) — CONDSKIP-2.
 */
import { addDuration, MAX_DATE, MIN_DATE, type DayNumber } from './date-arithmetic.ts';
import { isInForce, type SeriesRun } from './context.ts';
import type { SeriesDose, SkipCondition, SkipSet } from './supporting-data/model.ts';

export type SkipMode = 'Evaluation' | 'Forecast';

export interface SkipOutcome {
  readonly skipped: boolean;
  /** description of the met set(s) */
  readonly because: readonly string[];
}

/**
 * @param beforeIndex number of antigen doses considered part of the history (evaluation: the
 *   doses before the one being evaluated; forecast: all doses).
 */
export function evaluateConditionalSkip(
  run: SeriesRun,
  seriesDose: SeriesDose,
  mode: SkipMode,
  referenceDate: DayNumber,
  beforeIndex: number,
): SkipOutcome {
  if (seriesDose.conditionalSkips.length === 0) return NOT_SKIPPED;
  for (const skip of seriesDose.conditionalSkips) {
    // only instances with the right context (3.3, 6.2, 7.1)
    if (skip.context !== 'Both' && skip.context !== mode) continue;
    // Table 6-11 CAN THE TARGET DOSE BE SKIPPED? (sets in force: RELEVANT-1 date administered /
    // RELEVANT-2 assessment date, also when validating a recommendation at the earliest date)
    const anchor = mode === 'Evaluation' ? referenceDate : run.ctx.assessmentDate;
    let considered = 0;
    let metCount = 0;
    const because: string[] = [];
    for (const s of skip.sets) {
      if (!isInForce(s, anchor)) continue;
      considered++;
      if (isSetMet(run, s, referenceDate, beforeIndex)) {
        metCount++;
        because.push(s.description || `set ${s.id}`);
        if (skip.setLogic === 'OR') break;
      } else if (skip.setLogic === 'AND') break;
    }
    if (considered > 0 && (skip.setLogic === 'AND' ? metCount === considered : metCount > 0)) return { skipped: true, because };
  }
  return NOT_SKIPPED;
}

const NOT_SKIPPED: SkipOutcome = { skipped: false, because: [] };

/** Table 6-10 IS THE CONDITIONAL SKIP SET MET? (AND: all conditions, OR: at least one) */
export function isSetMet(run: SeriesRun, set: SkipSet, ref: DayNumber, beforeIndex: number): boolean {
  if (set.conditions.length === 0) return false;
  const and = set.conditionLogic === 'AND';
  for (const c of set.conditions) {
    const met = isConditionMet(run, c, ref, beforeIndex);
    if (and && !met) return false;
    if (!and && met) return true;
  }
  return and;
}

export function isConditionMet(run: SeriesRun, c: SkipCondition, ref: DayNumber, beforeIndex: number): boolean {
  const dob = run.ctx.dob;
  switch (c.type) {
    case 'Age': {
      // Table 6-6; CALCDTSKIP-3 / CALCDTSKIP-4
      const begin = c.beginAge ? addDuration(dob, c.beginAge) : MIN_DATE;
      const end = c.endAge ? addDuration(dob, c.endAge) : MAX_DATE;
      return end > ref && ref >= begin;
    }
    case 'Completed Series':
      // Table 6-7
      return c.seriesGroups.some((g) => run.isSeriesGroupComplete(g));
    case 'Interval': {
      // Table 6-8; CALCDTSKIP-5: from the immediate previous vaccine dose administered
      const prev = run.doses[beforeIndex - 1];
      if (!prev || !c.interval) return false;
      return ref >= addDuration(prev.date, c.interval);
    }
    case 'Vaccine Count by Age':
    case 'Vaccine Count by Date':
    case 'Vaccine Count by Date and Age': {
      // Table 6-9; CONDSKIP-1
      const n = countConditionalDoses(run, c, beforeIndex);
      const target = c.doseCount ?? 0;
      if (c.doseCountLogic === 'greater than') return n > target;
      if (c.doseCountLogic === 'less than') return n < target;
      return n === target;
    }
  }
}

/** CONDSKIP-1 Number of Conditional Doses Administered. */
export function countConditionalDoses(run: SeriesRun, c: SkipCondition, beforeIndex: number): number {
  const dob = run.ctx.dob;
  const beginAge = c.beginAge ? addDuration(dob, c.beginAge) : MIN_DATE;
  const endAge = c.endAge ? addDuration(dob, c.endAge) : MAX_DATE;
  const start = c.startDate ?? MIN_DATE;
  const end = c.endDate ?? MAX_DATE;
  let n = 0;
  for (let i = 0; i < beforeIndex && i < run.doses.length; i++) {
    const d = run.doses[i];
    if (!d) continue;
    if (c.vaccineTypes.size > 0 && !c.vaccineTypes.has(d.cvx)) continue;
    if (d.date < beginAge || d.date >= endAge) continue;
    if (d.date < start || d.date >= end) continue;
    if (c.doseType === 'Valid' && run.evals[i]?.status !== 'Valid') continue;
    n++;
  }
  return n;
}
