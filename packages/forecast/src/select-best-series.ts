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
 */
export function canStart(r: PatientSeriesResult, dob: DayNumber, assessmentDate: DayNumber): boolean {
  const s = r.series;
  if (r.validDoseCount > 0 && r.firstValidDoseDate !== undefined) {
    return !s.maxAgeToStart || r.firstValidDoseDate < addDuration(dob, s.maxAgeToStart);
  }
  // a series not yet started is not a candidate before its minimum age to start; past the maximum
  // age to start the default series still applies (Table 8-3), as the CDC cases confirm
  if (s.minAgeToStart && assessmentDate < addDuration(dob, s.minAgeToStart)) return false;
  return true;
}

/** 8.1 SELECTB-24 and SELECTSCORE-2 */
export function preFilter(group: readonly PatientSeriesResult[], dob: DayNumber, assessmentDate: DayNumber): PatientSeriesResult[] {
  const allCi = group.every((r) => r.forecast.status === 'Contraindicated');
  const candidates = group.filter((r) => r.forecast.status !== 'Contraindicated' || allCi); // SELECTB-24
  // SELECTSCORE-2 series priority: compared with the relevant series that can still be given (a series that
  // is Aged Out cannot out-rank one that can be completed)
  const live = group.filter((r) => r.forecast.status !== 'Aged Out');
  const bestPriority = Math.min(...(live.length ? live : group).map((r) => priorityRank(r.series.seriesPriority)));
  const noValidInGroup = group.every((r) => r.validDoseCount === 0);
  const hasDefault = group.some((r) => r.series.defaultSeries);
  return candidates.filter((r) => {
    const s = r.series;
    if (s.type === 'Risk') return priorityRank(s.seriesPriority) <= bestPriority && canStart(r, dob, assessmentDate);
    if (s.type === 'Standard') {
      if (r.validDoseCount > 0) return canStart(r, dob, assessmentDate);
      return noValidInGroup && !hasDefault && canStart(r, dob, assessmentDate);
    }
    return r.forecast.status === 'Complete'; // Evaluation Only
  });
}

function award(facts: readonly ScoringFacts[], pred: (f: ScoringFacts) => boolean, yes: number, tie: number, no: number, scores: Map<ScoringFacts, number>, notes: Map<ScoringFacts, string[]>, label: string): void {
  const winners = facts.filter(pred);
  for (const f of facts) {
    const pts = pred(f) ? (winners.length > 1 ? tie : yes) : no;
    scores.set(f, (scores.get(f) ?? 0) + pts);
    notes.get(f)?.push(`${label}: ${pts >= 0 ? '+' : ''}${pts}`);
  }
}

/** 8.2 – 8.7: the prioritized patient series of one series group. */
export function selectPrioritizedSeries(group: readonly PatientSeriesResult[], dob: DayNumber, assessmentDate: DayNumber): PatientSeriesResult | undefined {
  const candidates = preFilter(group, dob, assessmentDate);
  // Table 8-3
  if (candidates.length === 1) return candidates[0];
  const defaults = group.filter((r) => r.series.defaultSeries && canStart(r, dob, assessmentDate));
  if (candidates.length === 0) return defaults.length === 1 ? defaults[0] : undefined;
  const scorable = candidates.map((r) => scoringFacts(r, dob));
  const complete = scorable.filter((f) => f.complete);
  const inProcess = scorable.filter((f) => f.inProcess);
  if (complete.length === 1) return complete[0]?.result;
  if (complete.length === 0 && inProcess.length === 1) return inProcess[0]?.result;
  if (complete.length === 0 && inProcess.length === 0 && defaults.length === 1) return defaults[0];

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
  const scores = new Map<ScoringFacts, number>();
  const notes = new Map<ScoringFacts, string[]>(toScore.map((f) => [f, [] as string[]]));
  const mostValid = Math.max(...toScore.map((f) => f.validDoses));
  if (kind === 'complete') {
    award(toScore, (f) => f.validDoses === mostValid, 1, 0, -1, scores, notes, 'most valid doses (SELECTB-19)'); // Table 8-7
  } else if (kind === 'in-process') {
    // Table 8-9
    award(toScore, (f) => f.result.series.productPath && f.result.allDosesValid, 2, 2, -2, scores, notes, 'product series with all valid doses (SELECTB-2, SELECTB-23)');
    award(toScore, (f) => f.completable, 3, 3, -3, scores, notes, 'completable (SELECTB-3)');
    award(toScore, (f) => f.validDoses === mostValid, 2, 0, -2, scores, notes, 'most valid doses (SELECTB-19)');
    const fewest = Math.min(...toScore.map((f) => f.notSatisfiedTargetDoses));
    award(toScore, (f) => f.notSatisfiedTargetDoses === fewest, 2, 0, -2, scores, notes, 'closest to completion (SELECTB-5)');
    const finishes = toScore.filter((f) => f.completable && f.finishDate !== undefined).map((f) => f.finishDate as number);
    const earliestFinish = finishes.length ? Math.min(...finishes) : undefined;
    award(toScore, (f) => f.completable && f.finishDate !== undefined && f.finishDate === earliestFinish, 1, 0, -1, scores, notes, 'can finish earliest (SELECTB-11)');
  } else {
    // Table 8-11
    const starts = toScore.filter((f) => f.startDate !== undefined).map((f) => f.startDate as number);
    const earliestStart = starts.length ? Math.min(...starts) : undefined;
    award(toScore, (f) => f.startDate !== undefined && f.startDate === earliestStart, 1, 0, -1, scores, notes, 'can start earliest (SELECTB-14)');
    award(toScore, (f) => f.completable, 1, 1, -1, scores, notes, 'completable (SELECTB-3)');
    award(toScore, (f) => f.result.series.productPath, -1, -1, 1, scores, notes, 'product series (SELECTB-23)');
  }
  // 8.7 SELECTBEST-1 / SELECTBEST-2
  let best: ScoringFacts | undefined;
  for (const f of toScore) {
    f.result.score = scores.get(f) ?? 0;
    f.result.scoreNotes = notes.get(f);
    if (!best) {
      best = f;
      continue;
    }
    const a = scores.get(f) ?? 0;
    const b = scores.get(best) ?? 0;
    if (a > b || (a === b && f.result.series.seriesPreference < best.result.series.seriesPreference)) best = f;
  }
  return best?.result;
}

/** 8.8 Table 8-14 across the prioritized series of all series groups of an antigen. */
export function determineBestSeries(prioritized: ReadonlyMap<string, PatientSeriesResult>): PatientSeriesResult[] {
  const out: PatientSeriesResult[] = [];
  for (const [group, p] of prioritized) {
    // the equivalent series groups are those named by the prioritized series' own antigen series
    const equivalents = [...prioritized.entries()].filter(([g]) => g !== group && p.series.equivalentSeriesGroups.includes(g));
    if (p.forecast.status === 'Complete') {
      out.push(p);
      continue;
    }
    if (equivalents.some(([, q]) => q.forecast.status === 'Complete')) continue;
    if (p.series.type === 'Evaluation Only') continue;
    if (p.series.type === 'Risk') {
      out.push(p);
      continue;
    }
    if (equivalents.some(([, q]) => q.series.type === 'Risk')) continue;
    out.push(p);
  }
  return out;
}

export function selectBestSeries(results: readonly PatientSeriesResult[], dob: DayNumber, assessmentDate: DayNumber): PatientSeriesResult[] {
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
