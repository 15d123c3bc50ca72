/**
 * 6.5 Evaluate Preferable Interval (Table 6-18) and 6.6 Evaluate Allowable Interval (Table 6-21),
 * with the reference-date rules CALCDTINT-1, -2, -8, -9 shared with forecasting (7.5).
 */
import { addDuration, formatIsoDate, type DayNumber } from './date-arithmetic.ts';
import { isInForce, type SeriesRun } from './context.ts';
import type { IntervalSpec, SeriesDose } from './supporting-data/model.ts';

export interface ReferenceDate {
  readonly date: DayNumber;
  /** what the reference is, e.g. "the previous dose" (the date is appended by describeReference) */
  readonly what: string;
  readonly rule: string;
}

export function describeReference(r: ReferenceDate): string {
  return `${r.what} (${formatIsoDate(r.date)})`;
}

/**
 * Reference dose date of an interval.
 * @param beforeIndex antigen doses with an index < beforeIndex are "previous" doses
 * @param beforeDate patient doses strictly before this date count for "from most recent"
 *   (forecast: assessment date + 1)
 */
export function intervalReferenceDate(
  run: SeriesRun,
  interval: IntervalSpec,
  beforeIndex: number,
  beforeDate: DayNumber,
): ReferenceDate | undefined {
  if (interval.fromPrevious) {
    // CALCDTINT-1: most immediate previous dose with status Valid or Not Valid, not inadvertent
    for (let i = beforeIndex - 1; i >= 0; i--) {
      const e = run.evals[i];
      const d = run.doses[i];
      if (!e || !d) continue;
      if ((e.status === 'Valid' || e.status === 'Not Valid') && !e.inadvertent) {
        return { date: d.date, what: `dose ${i + 1}`, rule: 'CALCDTINT-1' };
      }
    }
    return undefined;
  }
  if (interval.fromTargetDose !== undefined) {
    // CALCDTINT-2: the dose that satisfied target dose N
    const td = run.targetDoses.find((t) => t.seriesDose.doseNumber === interval.fromTargetDose && t.status === 'Satisfied');
    if (td?.satisfiedBy === undefined || td.satisfiedBy >= beforeIndex) return undefined;
    const d = run.doses[td.satisfiedBy];
    if (!d) return undefined;
    return { date: d.date, what: `dose ${interval.fromTargetDose}`, rule: 'CALCDTINT-2' };
  }
  if (interval.fromMostRecent && interval.fromMostRecent.length > 0) {
    // CALCDTINT-8: most recent dose of one of the vaccine types, not an inadvertent administration
    const types = interval.fromMostRecent;
    let best: DayNumber | undefined;
    for (const d of run.ctx.doses) {
      if (d.date >= beforeDate) break;
      if (!types.includes(d.cvx)) continue;
      const ai = run.doses.findIndex((x) => x.doseId === d.id);
      if (ai >= 0 && run.evals[ai]?.inadvertent) continue;
      best = d.date;
    }
    if (best === undefined) return undefined;
    return { date: best, what: `the most recent dose of CVX ${types.join('/')}`, rule: 'CALCDTINT-8' };
  }
  if (interval.fromRelevantObs) {
    // CALCDTINT-9: observation date of the most recent active patient observation
    const obsDate = run.ctx.observations.get(interval.fromRelevantObs.code);
    if (obsDate === undefined) return undefined;
    return { date: obsDate, what: `observation ${interval.fromRelevantObs.code}`, rule: 'CALCDTINT-9' };
  }
  return undefined;
}

export const days = (n: number): string => (n === 1 ? '1 day' : `${n} days`);

export type IntervalOutcome = 'Too Soon' | 'Grace Period' | 'Valid';

export interface IntervalCheck {
  readonly outcome: IntervalOutcome;
  readonly reference?: ReferenceDate;
  readonly absoluteMinimumIntervalDate?: DayNumber;
  readonly minimumIntervalDate?: DayNumber;
  readonly interval: IntervalSpec;
  readonly explanation: string;
}

function checkOne(run: SeriesRun, interval: IntervalSpec, date: DayNumber, beforeIndex: number, allowable: boolean): IntervalCheck {
  const ref = intervalReferenceDate(run, interval, beforeIndex, date);
  if (!ref) return { outcome: 'Valid', interval, explanation: 'no reference dose for the interval' };
  const absMin = interval.absMinInt ? addDuration(ref.date, interval.absMinInt) : undefined; // CALCDTINT-3
  const min = allowable ? undefined : interval.minInt ? addDuration(ref.date, interval.minInt) : undefined; // CALCDTINT-4
  const label = allowable ? 'allowable' : 'absolute minimum';
  if (absMin !== undefined && date < absMin) {
    return {
      outcome: 'Too Soon',
      reference: ref,
      absoluteMinimumIntervalDate: absMin,
      minimumIntervalDate: min,
      interval,
      explanation: `given ${days(absMin - date)} before the ${label} interval of ${interval.absMinInt?.text} after ${describeReference(ref)}`,
    };
  }
  if (min !== undefined && date < min) {
    return {
      outcome: 'Grace Period',
      reference: ref,
      absoluteMinimumIntervalDate: absMin,
      minimumIntervalDate: min,
      interval,
      // Table 6-18 rule 2: between the absolute minimum and the minimum interval (usually the 4-day grace period)
      explanation: `given ${days(min - date)} before the minimum interval of ${interval.minInt?.text} after ${describeReference(ref)}, on or after the absolute minimum interval${interval.absMinInt ? ` of ${interval.absMinInt.text}` : ''} (grace period)`,
    };
  }
  return {
    outcome: 'Valid',
    reference: ref,
    absoluteMinimumIntervalDate: absMin,
    minimumIntervalDate: min,
    interval,
    explanation: 'interval met',
  };
}

export interface IntervalsResult {
  readonly satisfied: boolean;
  readonly grace: boolean;
  readonly checks: readonly IntervalCheck[];
}

/** Table 6-18: all preferable intervals must be satisfied. No intervals → valid. */
export function evaluatePreferableIntervals(run: SeriesRun, seriesDose: SeriesDose, date: DayNumber, beforeIndex: number): IntervalsResult {
  const checks = seriesDose.intervals.filter((i) => isInForce(i, date)).map((i) => checkOne(run, i, date, beforeIndex, false));
  return {
    satisfied: checks.every((c) => c.outcome !== 'Too Soon'),
    grace: checks.some((c) => c.outcome === 'Grace Period'),
    checks,
  };
}

/** Table 6-21: no allowable intervals → not satisfied (to avoid a false validation). */
export function evaluateAllowableIntervals(run: SeriesRun, seriesDose: SeriesDose, date: DayNumber, beforeIndex: number): IntervalsResult {
  const applicable = seriesDose.allowableIntervals.filter((i) => isInForce(i, date));
  if (applicable.length === 0) return { satisfied: false, grace: false, checks: [] };
  const checks = applicable.map((i) => checkOne(run, i, date, beforeIndex, true));
  return { satisfied: checks.every((c) => c.outcome !== 'Too Soon'), grace: false, checks };
}
