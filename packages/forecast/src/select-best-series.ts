/**
 * Chapter 8 Select Best Patient Series: 8.1 pre-filter, 8.2 one prioritized series, 8.3 classify,
 * 8.4–8.6 scoring, 8.7 select prioritized series, 8.8 determine best series (equivalent series groups).
 */
import { addDuration, type DayNumber } from './date-arithmetic.ts';
import type { PatientSeriesResult } from './types.ts';

export interface ScoringFacts {
  readonly result: PatientSeriesResult;
  readonly complete: boolean;
  readonly inProcess: boolean;
  readonly validDoses: number;
  readonly notSatisfiedTargetDoses: number;
  readonly completable: boolean;
  readonly finishDate?: DayNumber;
  readonly startDate?: DayNumber;
}

/** SELECTB-12 forecast finish date; SELECTB-3 completable. */
export function scoringFacts(r: PatientSeriesResult, dob: DayNumber): ScoringFacts {
  const f = r.forecast;
  const remaining = r.targetDoses.filter((t) => t.status === 'Not Satisfied');
  let finish: DayNumber | undefined = f.earliestDate;
  if (finish !== undefined) {
    // add the minimum intervals of the target doses after the forecast one
    const idx = r.targetDoses.findIndex((t) => t.status === 'Not Satisfied');
    for (let i = idx + 1; i < r.targetDoses.length && i > 0; i++) {
      const td = r.targetDoses[i];
      const iv = td?.seriesDose.intervals.find((x) => x.fromPrevious && x.minInt);
      if (iv?.minInt) finish = addDuration(finish, iv.minInt);
    }
  }
  const last = r.series.doses[r.series.doses.length - 1];
  const lastMax = last?.ages[0]?.maxAge ? addDuration(dob, last.ages[0].maxAge) : undefined;
  const completable = f.status === 'Complete' || (finish !== undefined && (lastMax === undefined || finish < lastMax));
  return {
    result: r,
    complete: f.status === 'Complete', // SELECTB-6
    inProcess: r.validDoseCount > 0 && f.status === 'Not Complete', // SELECTB-16
    validDoses: r.validDoseCount, // SELECTB-21
    notSatisfiedTargetDoses: remaining.length,
    completable,
    finishDate: finish,
    startDate: f.earliestDate,
  };
}

const priorityRank = (p: string): number => {
  const c = p.trim().toUpperCase().charCodeAt(0);
  return Number.isNaN(c) ? 0 : c; // 'A' is the highest priority
};

/**
 * Minimum / maximum age to start (Appendix A: "the earliest / latest age an antigen series may be
 * started"): a series that the patient has not started can only be chosen inside that age window;
 * a started series must have its first valid dose before the maximum age to start (SELECTSCORE-2).
 * The default series of a group is the exception past its maximum age to start: Table 8-3 makes it the
 * prioritized series when nothing is scorable, whatever the patient's age (as the CDC cases confirm).
 */
export function canStart(r: PatientSeriesResult, dob: DayNumber, assessmentDate: DayNumber): boolean {
  const s = r.series;
  if (r.validDoseCount > 0 && r.firstValidDoseDate !== undefined) {
    return !s.maxAgeToStart || r.firstValidDoseDate < addDuration(dob, s.maxAgeToStart);
  }
  if (s.minAgeToStart && assessmentDate < addDuration(dob, s.minAgeToStart)) return false;
  // e.g. a risk series for children 6 months – 4 years is not started for a 7-year-old whose indication lasts longer
  if (!s.defaultSeries && s.maxAgeToStart && assessmentDate >= addDuration(dob, s.maxAgeToStart)) return false;
  return true;
}

/** 8.1 SELECTB-24 and SELECTSCORE-2 */
export function preFilter(group: readonly PatientSeriesResult[], dob: DayNumber, assessmentDate: DayNumber): PatientSeriesResult[] {
  let allCi = true;
  let noValidInGroup = true;
  let hasDefault = false;
  // SELECTSCORE-2 series priority: compared with the relevant series that can still be given (a series that
  // is Aged Out cannot out-rank one that can be completed)
  let bestLive = Number.POSITIVE_INFINITY;
  let bestAll = Number.POSITIVE_INFINITY;
  for (const r of group) {
    const st = r.forecast.status;
    if (st !== 'Contraindicated') allCi = false;
    if (r.validDoseCount > 0) noValidInGroup = false;
    if (r.series.defaultSeries) hasDefault = true;
    const p = priorityRank(r.series.seriesPriority);
    if (p < bestAll) bestAll = p;
    if (st !== 'Aged Out' && p < bestLive) bestLive = p;
  }
  const bestPriority = bestLive === Number.POSITIVE_INFINITY ? bestAll : bestLive;
  const out: PatientSeriesResult[] = [];
  for (const r of group) {
    if (r.forecast.status === 'Contraindicated' && !allCi) continue; // SELECTB-24
    const s = r.series;
    let ok: boolean;
    if (s.type === 'Risk') ok = priorityRank(s.seriesPriority) <= bestPriority && canStart(r, dob, assessmentDate);
    else if (s.type === 'Standard') ok = (r.validDoseCount > 0 || (noValidInGroup && !hasDefault)) && canStart(r, dob, assessmentDate);
    else ok = r.forecast.status === 'Complete'; // Evaluation Only
    if (ok) out.push(r);
  }
  return out;
}

/** Award points for one condition (Tables 8-7, 8-9, 8-11): yes when true for one series only, tie when true for several, no otherwise. */
function award(flags: readonly boolean[], yes: number, tie: number, no: number, scores: number[], notes: string[][], label: string): void {
  let winners = 0;
  for (const f of flags) if (f) winners++;
  for (let i = 0; i < flags.length; i++) {
    const pts = flags[i] ? (winners > 1 ? tie : yes) : no;
    scores[i] = (scores[i] ?? 0) + pts;
    notes[i]?.push(label + (pts >= 0 ? ': +' : ': ') + pts);
  }
}

/** 8.2 – 8.7: the prioritized patient series of one series group. */
export function selectPrioritizedSeries(
  group: readonly PatientSeriesResult[],
  dob: DayNumber,
  assessmentDate: DayNumber,
): PatientSeriesResult | undefined {
  const candidates = preFilter(group, dob, assessmentDate);
  // Table 8-3
  if (candidates.length === 1) return candidates[0];
  let defaultSeries: PatientSeriesResult | undefined;
  let defaults = 0;
  for (const r of group) {
    if (r.series.defaultSeries && canStart(r, dob, assessmentDate)) {
      defaults++;
      defaultSeries = r;
    }
  }
  if (candidates.length === 0) return defaults === 1 ? defaultSeries : undefined;
  const scorable = candidates.map((r) => scoringFacts(r, dob));
  const complete = scorable.filter((f) => f.complete);
  const inProcess = scorable.filter((f) => f.inProcess);
  if (complete.length === 1) return complete[0]?.result;
  if (complete.length === 0 && inProcess.length === 1) return inProcess[0]?.result;
  if (complete.length === 0 && inProcess.length === 0 && defaults === 1) return defaultSeries;

  // 8.3 classify (Table 8-5)
  let toScore: ScoringFacts[];
  let kind: 'complete' | 'in-process' | 'no-valid';
  if (complete.length >= 2) {
    toScore = complete;
    kind = 'complete';
  } else if (inProcess.length >= 2) {
    toScore = inProcess;
    kind = 'in-process';
  } else if (scorable.every((f) => f.validDoses === 0)) {
    toScore = scorable;
    kind = 'no-valid';
  } else {
    toScore = scorable;
    kind = 'in-process';
  }
  const scores: number[] = toScore.map(() => 0);
  const notes: string[][] = toScore.map(() => []);
  let mostValid = 0;
  for (const f of toScore) if (f.validDoses > mostValid) mostValid = f.validDoses;
  if (kind === 'complete') {
    award(
      toScore.map((f) => f.validDoses === mostValid),
      1,
      0,
      -1,
      scores,
      notes,
      'most valid doses (SELECTB-19)',
    ); // Table 8-7
  } else if (kind === 'in-process') {
    // Table 8-9
    award(
      toScore.map((f) => f.result.series.productPath && f.result.allDosesValid),
      2,
      2,
      -2,
      scores,
      notes,
      'product series with all valid doses (SELECTB-2, SELECTB-23)',
    );
    award(
      toScore.map((f) => f.completable),
      3,
      3,
      -3,
      scores,
      notes,
      'completable (SELECTB-3)',
    );
    award(
      toScore.map((f) => f.validDoses === mostValid),
      2,
      0,
      -2,
      scores,
      notes,
      'most valid doses (SELECTB-19)',
    );
    let fewest = Number.POSITIVE_INFINITY;
    for (const f of toScore) if (f.notSatisfiedTargetDoses < fewest) fewest = f.notSatisfiedTargetDoses;
    award(
      toScore.map((f) => f.notSatisfiedTargetDoses === fewest),
      2,
      0,
      -2,
      scores,
      notes,
      'closest to completion (SELECTB-5)',
    );
    let earliestFinish = Number.POSITIVE_INFINITY;
    for (const f of toScore)
      if (f.completable && f.finishDate !== undefined && f.finishDate < earliestFinish) earliestFinish = f.finishDate;
    award(
      toScore.map((f) => f.completable && f.finishDate === earliestFinish),
      1,
      0,
      -1,
      scores,
      notes,
      'can finish earliest (SELECTB-11)',
    );
  } else {
    // Table 8-11
    let earliestStart = Number.POSITIVE_INFINITY;
    for (const f of toScore) if (f.startDate !== undefined && f.startDate < earliestStart) earliestStart = f.startDate;
    award(
      toScore.map((f) => f.startDate === earliestStart),
      1,
      0,
      -1,
      scores,
      notes,
      'can start earliest (SELECTB-14)',
    );
    award(
      toScore.map((f) => f.completable),
      1,
      1,
      -1,
      scores,
      notes,
      'completable (SELECTB-3)',
    );
    award(
      toScore.map((f) => f.result.series.productPath),
      -1,
      -1,
      1,
      scores,
      notes,
      'product series (SELECTB-23)',
    );
  }
  // 8.7 SELECTBEST-1 / SELECTBEST-2
  let best = -1;
  for (let i = 0; i < toScore.length; i++) {
    const f = toScore[i] as ScoringFacts;
    f.result.score = scores[i];
    f.result.scoreNotes = notes[i];
    if (best < 0) {
      best = i;
      continue;
    }
    const a = scores[i] as number;
    const b = scores[best] as number;
    if (a > b || (a === b && f.result.series.seriesPreference < (toScore[best] as ScoringFacts).result.series.seriesPreference)) best = i;
  }
  return toScore[best]?.result;
}

/** 8.8 Table 8-14 across the prioritized series of all series groups of an antigen. */
export function determineBestSeries(prioritized: ReadonlyMap<string, PatientSeriesResult>): PatientSeriesResult[] {
  const out: PatientSeriesResult[] = [];
  for (const [group, p] of prioritized) {
    if (p.forecast.status === 'Complete') {
      out.push(p);
      continue;
    }
    // the equivalent series groups are those named by the prioritized series' own antigen series
    let equivalentComplete = false;
    let equivalentRisk = false;
    for (const g of p.series.equivalentSeriesGroups) {
      if (g === group) continue;
      const q = prioritized.get(g);
      if (!q) continue;
      if (q.forecast.status === 'Complete') equivalentComplete = true;
      if (q.series.type === 'Risk') equivalentRisk = true;
    }
    if (equivalentComplete) continue;
    if (p.series.type === 'Evaluation Only') continue;
    if (p.series.type === 'Risk') {
      out.push(p);
      continue;
    }
    if (equivalentRisk) continue;
    out.push(p);
  }
  return out;
}

export function selectBestSeries(
  results: readonly PatientSeriesResult[],
  dob: DayNumber,
  assessmentDate: DayNumber,
): PatientSeriesResult[] {
  if (results.length === 1) {
    const only = results[0] as PatientSeriesResult;
    const p = selectPrioritizedSeries(results, dob, assessmentDate);
    return p ? determineBestSeries(new Map([[only.series.seriesGroup, p]])) : [];
  }
  const groups = new Map<string, PatientSeriesResult[]>();
  for (const r of results) {
    const g = groups.get(r.series.seriesGroup);
    if (g) g.push(r);
    else groups.set(r.series.seriesGroup, [r]);
  }
  const prioritized = new Map<string, PatientSeriesResult>();
  for (const [g, list] of groups) {
    const p = selectPrioritizedSeries(list, dob, assessmentDate);
    if (p) prioritized.set(g, p);
  }
  return determineBestSeries(prioritized);
}
