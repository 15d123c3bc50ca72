/**
 * Chapter 9 Identify And Evaluate Vaccine Group: 9.1 general rules (FORECASTVG-1 … -9,
 * FORECASTDN-2), 9.2 single antigen groups (SINGLEANTVG-1, -2), 9.3 multiple antigen groups
 * (Table 9-4, MULTIANTVG-1, FORECASTPRIORITY-1).
 */
import { formatIsoDate, type DayNumber } from './date-arithmetic.ts';
import type { PatientContext } from './context.ts';
import { indicationApplies } from './select-relevant-patient-series.ts';
import type { SeriesType, VaccineGroup } from './supporting-data/model.ts';
import type { AntigenResult, PatientSeriesResult, RecommendedVaccine, SeriesStatus, VaccineGroupForecast } from './types.ts';

const fmt = (d: DayNumber | undefined): string | undefined => (d === undefined ? undefined : formatIsoDate(d));
const minOf = (xs: (DayNumber | undefined)[]): DayNumber | undefined => {
  const v = xs.filter((x): x is DayNumber => x !== undefined);
  return v.length ? Math.min(...v) : undefined;
};
const maxOf = (xs: (DayNumber | undefined)[]): DayNumber | undefined => {
  const v = xs.filter((x): x is DayNumber => x !== undefined);
  return v.length ? Math.max(...v) : undefined;
};

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

export function vaccineGroupForecasts(ctx: PatientContext, group: VaccineGroup, antigens: ReadonlyMap<string, AntigenResult>): VaccineGroupForecast[] {
  // FORECASTVG-1: best series of the antigens of the group, blended by series type
  const byType = new Map<SeriesType, PatientSeriesResult[]>();
  for (const a of group.antigens) {
    const ar = antigens.get(a);
    if (!ar) continue;
    for (const b of ar.bestSeries) {
      const t = blendType(b.series.type);
      const list = byType.get(t);
      if (list) list.push(b);
      else byType.set(t, [b]);
    }
  }
  const out: VaccineGroupForecast[] = [];
  if (group.antigens.length === 1) {
    // 9.2: all best patient series of the antigen are contained in the vaccine group forecast
    const all = [...byType.values()].flat();
    if (all.length > 0) out.push(blend(ctx, group, all.some((s) => s.series.type === 'Risk') ? 'Risk' : 'Standard', all));
    return out;
  }
  for (const [type, series] of byType) out.push(blend(ctx, group, type, series));
  // most actionable first: the primary forecast of the vaccine group
  return out.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.seriesType === 'Risk' ? -1 : 0) - (b.seriesType === 'Risk' ? -1 : 0));
}

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

function blend(ctx: PatientContext, group: VaccineGroup, type: SeriesType, series: readonly PatientSeriesResult[]): VaccineGroupForecast {
  const single = group.antigens.length === 1; // VACCINEGROUP-1 / VACCINEGROUP-2
  const statuses = series.map((s) => s.forecast.status);
  // SINGLEANTVG-1 (several best series of one antigen: the most actionable status) / Table 9-4
  const status: SeriesStatus = single ? mostActionable(statuses) : multipleAntigenStatus(statuses);
  const forecasting = series.filter((s) => s.forecast.status === 'Not Complete' && s.forecast.earliestDate !== undefined);
  let earliest: DayNumber | undefined;
  if (single) {
    earliest = minOf(forecasting.map((s) => s.forecast.earliestDate)); // SINGLEANTVG-2
  } else if (forecasting.some(isPriorityForecast)) {
    // MULTIANTVG-1 with a priority patient series forecast
    let lastDose: DayNumber | undefined;
    for (const d of ctx.doses) {
      const entry = ctx.data.cvxMap.get(d.cvx);
      if (entry?.associations.some((a) => group.antigens.includes(a.antigen))) lastDose = maxOf([lastDose, d.date]);
    }
    earliest = maxOf([minOf(forecasting.map((s) => s.forecast.earliestDate)), lastDose]);
  } else {
    earliest = maxOf(forecasting.map((s) => s.forecast.earliestDate)); // MULTIANTVG-1
  }
  const recommended = status === 'Not Complete' ? maxOf([minOf(forecasting.map((s) => s.forecast.recommendedDate)), earliest]) : undefined; // FORECASTVG-2
  const pdCandidates = forecasting.map((s) => s.forecast.pastDueDate);
  const pastDue = status === 'Not Complete' && pdCandidates.some((x) => x !== undefined) ? maxOf([minOf(pdCandidates), earliest]) : undefined; // FORECASTVG-3
  const latest = status === 'Not Complete' ? minOf(forecasting.map((s) => s.forecast.latestDate)) : undefined; // FORECASTVG-4
  const numbers = (single ? series : forecasting).map((s) => s.forecast.forecastDoseNumber).filter((n): n is number => n !== undefined);
  const doseNumber = status !== 'Not Complete' || numbers.length === 0 ? undefined : group.administerFullVaccineGroup ? Math.min(...numbers) : Math.max(...numbers); // FORECASTDN-2
  const vaccines: RecommendedVaccine[] = [];
  const seen = new Set<string>();
  for (const s of forecasting) {
    for (const v of s.forecast.recommendedVaccines) {
      if (seen.has(v.cvx)) continue;
      seen.add(v.cvx);
      vaccines.push(v); // FORECASTVG-9
    }
  }
  // FORECASTGUIDANCE-1
  const guidance = new Set<string>();
  const judgement = new Set<string>();
  for (const s of series) {
    if (s.forecast.status === 'Not Complete') for (const g of s.series.adminGuidance) guidance.add(g);
    for (const ind of s.series.indications) if (ind.guidance && indicationApplies(ctx, ind)) guidance.add(ind.guidance);
    if (s.forecast.status === 'Contraindicated') for (const r of s.forecast.reasons.slice(1)) judgement.add(r);
  }
  return {
    vaccineGroup: group.name,
    seriesType: type,
    status,
    forecastDoseNumber: doseNumber,
    earliestDate: status === 'Not Complete' ? fmt(earliest) : undefined,
    recommendedDate: fmt(recommended),
    pastDueDate: fmt(pastDue),
    latestDate: fmt(latest),
    unadjustedRecommendedDate: fmt(minOf(forecasting.map((s) => s.forecast.unadjustedRecommendedDate))), // FORECASTVG-5
    unadjustedPastDueDate: fmt(minOf(forecasting.map((s) => s.forecast.unadjustedPastDueDate))), // FORECASTVG-6
    recommendedVaccines: vaccines,
    recommendedAntigens: series.filter((s) => s.forecast.status === 'Not Complete').map((s) => s.antigen), // FORECASTVG-8
    reasons: [...new Set(series.flatMap((s) => s.forecast.reasons))], // FORECASTVG-7
    administrativeGuidance: [...guidance],
    clinicalJudgement: [...judgement],
    bestSeries: series.map((s) => ({ antigen: s.antigen, series: s.series.name, status: s.forecast.status })),
  };
}
