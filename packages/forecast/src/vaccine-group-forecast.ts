/**
 * Chapter 9 Identify And Evaluate Vaccine Group: 9.1 general rules (FORECASTVG-1 … -9,
 * FORECASTDN-2), 9.2 single antigen groups (SINGLEANTVG-1, -2), 9.3 multiple antigen groups
 * (Table 9-4, MULTIANTVG-1, FORECASTPRIORITY-1).
 *
 * A contraindicated antigen of a multiple antigen group whose antigens need not be given together
 * (administer full vaccine group flag 'N', e.g. DTaP/Tdap/Td) is left out of the group forecast, which is
 * made from the other antigens (7.3: an antigen contraindication stops that antigen's series only; the
 * vaccine contraindications that come with it remove the vaccines containing it). With the flag 'Y' (MMR)
 * the antigens only come together, so Table 9-4 makes the group Contraindicated.
 */
import { formatIsoDate, type DayNumber } from './date-arithmetic.ts';
import type { PatientContext } from './context.ts';
import { indicationApplies } from './select-relevant-patient-series.ts';
import type { SeriesType, VaccineGroup } from './supporting-data/model.ts';
import type { AntigenResult, PatientSeriesResult, RecommendedVaccine, SeriesStatus, Undetermined, VaccineGroupForecast } from './types.ts';

const fmt = (d: DayNumber | undefined): string | undefined => (d === undefined ? undefined : formatIsoDate(d));

/** Table 9-4 */
export function multipleAntigenStatus(statuses: readonly SeriesStatus[]): SeriesStatus {
  if (statuses.includes('Contraindicated')) return 'Contraindicated';
  if (statuses.includes('Aged Out')) return 'Aged Out';
  if (statuses.includes('Not Recommended')) return 'Not Recommended';
  if (statuses.includes('Not Complete')) return 'Not Complete';
  if (statuses.length > 0 && statuses.every((s) => s === 'Immune')) return 'Immune';
  return 'Complete';
}

/** FORECASTPRIORITY-1 */
export function isPriorityForecast(r: PatientSeriesResult): boolean {
  const iv = r.forecast.targetDose?.intervals ?? [];
  return iv.length > 0 && iv.every((i) => i.priority);
}

function blendType(t: SeriesType): SeriesType {
  return t === 'Evaluation Only' ? 'Standard' : t;
}

export function vaccineGroupForecasts(
  ctx: PatientContext,
  group: VaccineGroup,
  antigens: ReadonlyMap<string, AntigenResult>,
): VaccineGroupForecast[] {
  const out = assemble(ctx, group, antigens);
  // Table 5-4: risk indications recorded for the patient that did not apply (rule 4) or could not be decided
  // (rule 3, observation recorded as unknown) are left to the clinician
  if (ctx.observations.size > 0 || ctx.unknownObservations) {
    const notes: string[] = [];
    const undetermined: Undetermined[] = [];
    for (const a of group.antigens) {
      const ar = antigens.get(a);
      for (const u of ar?.unresolvedIndications ?? []) pushUnique(notes, u);
      for (const u of ar?.undeterminedIndications ?? []) pushUndetermined(undetermined, u);
    }
    if (notes.length > 0 || undetermined.length > 0) {
      return out.map((f) => {
        const judgement = [...f.clinicalJudgement];
        for (const n of notes) pushUnique(judgement, n);
        const und = [...f.undetermined];
        for (const u of undetermined) pushUndetermined(und, u);
        return { ...f, clinicalJudgement: judgement, undetermined: und };
      });
    }
  }
  return out;
}

/** Adds an undetermined row once per text, listing every antigen it concerns. */
function pushUndetermined(list: Undetermined[], u: Undetermined): void {
  const i = list.findIndex((x) => x.code === u.code && x.kind === u.kind && x.text === u.text && x.detail === u.detail);
  const same = list[i];
  if (!same) list.push(u);
  else list[i] = { ...same, antigens: [...same.antigens, ...u.antigens.filter((a) => !same.antigens.includes(a))] };
}

/**
 * The patient series forecasts a multiple antigen vaccine group forecast is made from: without the
 * contraindicated antigens when the group's antigens need not be given together and not all are
 * contraindicated (see the file comment).
 */
function containedForecasts(
  group: VaccineGroup,
  series: readonly PatientSeriesResult[],
): { contained: readonly PatientSeriesResult[]; removed: readonly string[] } {
  if (group.antigens.length === 1 || group.administerFullVaccineGroup) return { contained: series, removed: NONE };
  const removed = new Set<string>();
  for (const s of series) if (s.forecast.status === 'Contraindicated') removed.add(s.antigen);
  const contained = series.filter((s) => !removed.has(s.antigen));
  if (removed.size === 0 || contained.length === 0) return { contained: series, removed: NONE };
  return { contained, removed: [...removed] };
}

/** Does the vaccine (CVX) contain one of the antigens? (CVX to antigen map) */
function containsAntigen(ctx: PatientContext, cvx: string, antigens: readonly string[]): boolean {
  return ctx.data.cvxMap.get(cvx)?.associations.some((a) => antigens.includes(a.antigen)) ?? false;
}

function assemble(ctx: PatientContext, group: VaccineGroup, antigens: ReadonlyMap<string, AntigenResult>): VaccineGroupForecast[] {
  // FORECASTVG-1: best series of the antigens of the group, blended by series type
  const all: PatientSeriesResult[] = [];
  const standard: PatientSeriesResult[] = [];
  const risk: PatientSeriesResult[] = [];
  for (const a of group.antigens) {
    const ar = antigens.get(a);
    if (!ar) continue;
    for (const b of ar.bestSeries) {
      all.push(b);
      if (blendType(b.series.type) === 'Risk') risk.push(b);
      else standard.push(b);
    }
  }
  if (all.length === 0) {
    // no relevant patient series (e.g. risk-only vaccines without an applying indication): nothing to recommend
    return [
      {
        vaccineGroup: group.name,
        seriesType: 'Standard',
        status: 'Not Recommended',
        recommendedVaccines: NONE,
        recommendedAntigens: NONE,
        reasons: NO_SERIES_REASONS,
        administrativeGuidance: NONE,
        clinicalJudgement: NONE,
        undetermined: NONE,
        bestSeries: NONE,
      },
    ];
  }
  if (group.antigens.length === 1) {
    // 9.2: one vaccine group forecast; with a risk best series (non-equivalent series group) the
    // forecast is made from the risk series, the standard ones still count for the dose number
    let useRisk = false;
    for (const r of risk) if (LIVE.has(r.forecast.status)) useRisk = true;
    return [blend(ctx, group, useRisk ? 'Risk' : 'Standard', useRisk ? risk : all, all)];
  }
  const out: VaccineGroupForecast[] = [];
  if (standard.length) out.push(blend(ctx, group, 'Standard', standard, standard));
  if (risk.length) out.push(blend(ctx, group, 'Risk', risk, risk));
  if (out.length < 2) return out;
  // the primary forecast of the vaccine group: risk before standard, then the most actionable
  // (a risk forecast that is Aged Out / Not Recommended does not hide a standard one)
  return out.sort(primaryFirst);
}

function primaryRank(f: VaccineGroupForecast): number {
  return f.seriesType === 'Risk' && LIVE.has(f.status) ? 0 : 1;
}

function primaryFirst(a: VaccineGroupForecast, b: VaccineGroupForecast): number {
  return primaryRank(a) - primaryRank(b) || STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
}

const NONE: readonly never[] = Object.freeze([]);
const NO_SERIES_REASONS: readonly string[] = Object.freeze([
  'No relevant patient series: no standard series and no indication that applies to the patient (5.1)',
]);

/** Statuses of a risk path that is still in force for the patient. */
const LIVE = new Set<SeriesStatus>(['Not Complete', 'Complete', 'Immune', 'Contraindicated']);

function mostActionable(statuses: readonly SeriesStatus[]): SeriesStatus {
  let best: SeriesStatus = statuses[0] ?? 'Not Recommended';
  for (const s of statuses) if (STATUS_ORDER[s] < STATUS_ORDER[best]) best = s;
  return best;
}

const STATUS_ORDER: Record<SeriesStatus, number> = {
  'Not Complete': 0,
  Contraindicated: 1,
  Immune: 2,
  Complete: 3,
  'Not Recommended': 4,
  'Aged Out': 5,
};

/**
 * @param everything the best series of this blend (a contraindicated antigen may be left out of the forecast)
 * @param allBest every best series of the group (dose number of a single antigen group)
 */
function blend(
  ctx: PatientContext,
  group: VaccineGroup,
  type: SeriesType,
  everything: readonly PatientSeriesResult[],
  allBest: readonly PatientSeriesResult[],
): VaccineGroupForecast {
  const single = group.antigens.length === 1; // VACCINEGROUP-1 / VACCINEGROUP-2
  const { contained: series, removed } = containedForecasts(group, everything);
  const statuses = series.map((s) => s.forecast.status);
  // SINGLEANTVG-1 (several best series of one antigen: the most actionable status) / Table 9-4
  const status: SeriesStatus = single ? mostActionable(statuses) : multipleAntigenStatus(statuses);
  const notComplete = status === 'Not Complete';
  // forecasts contained in the vaccine group forecast that carry dates
  let minEarliest: DayNumber | undefined;
  let maxEarliest: DayNumber | undefined;
  let minRecommended: DayNumber | undefined;
  let minPastDue: DayNumber | undefined;
  let minLatest: DayNumber | undefined;
  let minUnadjRec: DayNumber | undefined;
  let minUnadjPastDue: DayNumber | undefined;
  let anyPriority = false;
  let minNumber: number | undefined;
  let maxNumber: number | undefined;
  const vaccines: RecommendedVaccine[] = [];
  const recommendedAntigens: string[] = [];
  for (const s of series) {
    const f = s.forecast;
    const forecasting = f.status === 'Not Complete' && f.earliestDate !== undefined;
    if (forecasting) {
      const n = f.forecastDoseNumber;
      if (n !== undefined) {
        if (minNumber === undefined || n < minNumber) minNumber = n;
        if (maxNumber === undefined || n > maxNumber) maxNumber = n;
      }
    }
    if (!forecasting) continue;
    recommendedAntigens.push(s.antigen); // FORECASTVG-8
    minEarliest = minOf2(minEarliest, f.earliestDate);
    maxEarliest = maxOf2(maxEarliest, f.earliestDate);
    minRecommended = minOf2(minRecommended, f.recommendedDate);
    minPastDue = minOf2(minPastDue, f.pastDueDate);
    minLatest = minOf2(minLatest, f.latestDate);
    minUnadjRec = minOf2(minUnadjRec, f.unadjustedRecommendedDate);
    minUnadjPastDue = minOf2(minUnadjPastDue, f.unadjustedPastDueDate);
    if (!anyPriority && isPriorityForecast(s)) anyPriority = true;
    for (const v of f.recommendedVaccines) {
      // FORECASTVG-9, without vaccines that contain a contraindicated antigen (7.3 antigen contraindication)
      if (removed.length > 0 && containsAntigen(ctx, v.cvx, removed)) continue;
      if (!vaccines.some((x) => x.cvx === v.cvx)) vaccines.push(v);
    }
  }
  let earliest: DayNumber | undefined;
  if (single) {
    earliest = minEarliest; // SINGLEANTVG-2
  } else if (anyPriority) {
    // MULTIANTVG-1 with a priority patient series forecast: not before the latest dose of the group
    let lastDose: DayNumber | undefined;
    for (const d of ctx.doses) {
      const entry = ctx.data.cvxMap.get(d.cvx);
      if (entry && entry.associations.some((a) => group.antigens.includes(a.antigen))) lastDose = maxOf2(lastDose, d.date);
    }
    earliest = maxOf2(minEarliest, lastDose);
  } else {
    earliest = maxEarliest; // MULTIANTVG-1
  }
  const recommended = notComplete ? maxOf2(minRecommended, earliest) : undefined; // FORECASTVG-2
  const pastDue = notComplete && minPastDue !== undefined ? maxOf2(minPastDue, earliest) : undefined; // FORECASTVG-3
  let doseNumber = !notComplete || minNumber === undefined ? undefined : group.administerFullVaccineGroup ? minNumber : maxNumber; // FORECASTDN-2
  if (notComplete && single && allBest.length > 1) {
    // several best series of one antigen: the next dose follows every dose that is valid in one of them
    const valid = new Set<string>();
    for (const b of allBest)
      for (const td of b.targetDoses) if (td.status === 'Satisfied' && td.satisfiedBy !== undefined) valid.add(String(td.satisfiedBy));
    doseNumber = valid.size + 1;
  }
  // FORECASTGUIDANCE-1
  const guidance: string[] = [];
  const judgement: string[] = [];
  const reasons: string[] = [];
  const undetermined: Undetermined[] = [];
  for (const s of series) {
    if (s.forecast.status === 'Not Complete') for (const g of s.series.adminGuidance) pushUnique(guidance, g);
    if (ctx.observations.size > 0)
      for (const ind of s.series.indications) if (ind.guidance && indicationApplies(ctx, ind)) pushUnique(guidance, ind.guidance);
    for (const r of s.forecast.reasons) pushUnique(reasons, r); // FORECASTVG-7
  }
  for (const a of removed) pushUnique(reasons, `${a}: Patient has a contraindication; forecast from the other antigens of the group`);
  for (const s of everything) {
    for (const c of s.forecast.contraindications ?? []) pushUnique(judgement, c);
    for (const u of s.forecast.undetermined ?? []) pushUndetermined(undetermined, u);
  }
  if (ctx.observations.size > 0) {
    // FORECASTGUIDANCE-1: guidance of contraindications for which the patient has an active observation
    for (const a of group.antigens) {
      const antigen = ctx.data.antigens.get(a);
      if (!antigen) continue;
      for (const c of antigen.antigenContraindications) if (c.guidance && ctx.observations.has(c.code)) pushUnique(guidance, c.guidance);
      for (const c of antigen.vaccineContraindications) if (c.guidance && ctx.observations.has(c.code)) pushUnique(guidance, c.guidance);
    }
  }
  return {
    vaccineGroup: group.name,
    seriesType: type,
    status,
    forecastDoseNumber: doseNumber,
    earliestDate: notComplete ? fmt(earliest) : undefined,
    recommendedDate: fmt(recommended),
    pastDueDate: fmt(pastDue),
    latestDate: notComplete ? fmt(minLatest) : undefined, // FORECASTVG-4
    unadjustedRecommendedDate: fmt(minUnadjRec), // FORECASTVG-5
    unadjustedPastDueDate: fmt(minUnadjPastDue), // FORECASTVG-6
    recommendedVaccines: vaccines,
    recommendedAntigens,
    reasons,
    administrativeGuidance: guidance,
    clinicalJudgement: judgement,
    undetermined,
    bestSeries: allBest.map((s) => ({ antigen: s.antigen, series: s.series.name, status: s.forecast.status })),
  };
}

function pushUnique(list: string[], v: string): void {
  if (!list.includes(v)) list.push(v);
}
function minOf2(a: DayNumber | undefined, b: DayNumber | undefined): DayNumber | undefined {
  return a === undefined ? b : b === undefined || a <= b ? a : b;
}
function maxOf2(a: DayNumber | undefined, b: DayNumber | undefined): DayNumber | undefined {
  return a === undefined ? b : b === undefined || a >= b ? a : b;
}
