// The forecast as the API and the Recommender panel show it: each vaccine group with the status word its dates
// call for, the season it was forecast in, and every dose evaluation explained.
import type { PresentedForecast, PresentedSeason, PresentedVaccineGroup, Urgency } from '@nutmeg/api-types';
import { canonicalCvx } from '@nutmeg/codes';
import type { ForecastResult, SeasonDates, VaccineGroupForecast } from '@nutmeg/forecast';
import type { Recommender } from './recommender.ts';
import { oneYearAfter } from './season.ts';

/** The engine's reason when the assessment date is past the season a seasonal series dose describes (Table 7-10). */
const PAST_SEASON = 'Past seasonal recommendation end date';

/** The status word a vaccine group's dates call for on `asOf`. */
export function urgencyOf(f: Pick<VaccineGroupForecast, 'status' | 'recommendedDate' | 'pastDueDate'>, asOf: string): Urgency {
  switch (f.status) {
    case 'Complete':
      return 'complete';
    case 'Immune':
      return 'immune';
    case 'Contraindicated':
      return 'contraindicated';
    case 'Aged Out':
      return 'aged_out';
    case 'Not Recommended':
      return 'not_recommended';
    case 'Not Complete':
      if (f.pastDueDate && asOf >= f.pastDueDate) return 'overdue';
      if (f.recommendedDate && asOf >= f.recommendedDate) return 'due_now';
      return 'not_yet_due';
  }
}

const ORDER: Record<Urgency, number> = {
  overdue: 0,
  due_now: 1,
  not_yet_due: 2,
  no_season_data: 3,
  contraindicated: 4,
  complete: 5,
  immune: 6,
  not_recommended: 7,
  aged_out: 8,
};

function seasonOf(r: Recommender, group: string, dph: readonly SeasonDates[]): PresentedSeason | undefined {
  const release = r.seasons.get(group);
  if (!release) return undefined;
  const set = dph.find((s) => s.vaccineGroup === group);
  return set
    ? { startDate: set.startDate, endDate: set.endDate, setBy: 'dph' }
    : { startDate: release.startDate, endDate: release.endDate, setBy: 'release' };
}

function presentGroup(r: Recommender, g: VaccineGroupForecast, asOf: string, dph: readonly SeasonDates[]): PresentedVaccineGroup {
  const season = seasonOf(r, g.vaccineGroup, dph);
  // Past the season in force, the engine's "not recommended" (past the season's end) and "complete" (enough
  // doses in that season) speak of a season that is over: neither is a clinical answer for today.
  const end = season?.endDate;
  const seasonOver = typeof end === 'string' && asOf > end;
  const noSeason = (g.status === 'Not Recommended' && g.reasons.includes(PAST_SEASON)) || (seasonOver && g.status === 'Complete');
  const urgency = noSeason ? 'no_season_data' : urgencyOf(g, asOf);
  return {
    vaccineGroup: g.vaccineGroup,
    seriesType: g.seriesType,
    status: g.status,
    urgency,
    ...(g.forecastDoseNumber !== undefined ? { forecastDoseNumber: g.forecastDoseNumber } : {}),
    ...(g.earliestDate ? { earliestDate: g.earliestDate } : {}),
    ...(g.recommendedDate ? { recommendedDate: g.recommendedDate } : {}),
    ...(g.pastDueDate ? { pastDueDate: g.pastDueDate } : {}),
    ...(g.latestDate ? { latestDate: g.latestDate } : {}),
    recommendedVaccineNames: g.recommendedVaccines.map((v) => `${r.vaccineName(v.cvx)} (CVX ${canonicalCvx(v.cvx) ?? v.cvx})`),
    reasons: g.reasons,
    administrativeGuidance: g.administrativeGuidance,
    clinicalJudgement: g.clinicalJudgement,
    undetermined: g.undetermined,
    laterInLife: urgency === 'not_yet_due' && g.forecastDoseNumber === 1 && (g.earliestDate ?? '') > oneYearAfter(asOf),
    ...(season ? { season } : {}),
    ...(noSeason ? { notice: noSeasonNotice(r, g.vaccineGroup, asOf, season) } : {}),
  };
}

function noSeasonNotice(r: Recommender, group: string, asOf: string, season: PresentedSeason | undefined): string {
  const base = `The installed CDSi release (${r.version}) has no ${group} season for ${asOf}: update the supporting data.`;
  return season?.setBy === 'dph'
    ? `${base} The season dates DPH set (${season.startDate} to ${season.endDate}) do not cover ${asOf} either.`
    : `${base} Until then, a DPH administrator can set this season's dates.`;
}

/**
 * The presented forecast: groups in the order that matters today (overdue first), every dose explained.
 * `dphSeasons` are the DPH season dates the forecast was run with (seasonsInForce), so the panel can say so.
 */
export function presentForecast(r: Recommender, result: ForecastResult, dphSeasons: readonly SeasonDates[] = []): PresentedForecast {
  const asOf = result.assessmentDate;
  const groups = result.vaccineGroups
    .map((g) => presentGroup(r, g, asOf, dphSeasons))
    .sort((a, b) => ORDER[a.urgency] - ORDER[b.urgency] || a.vaccineGroup.localeCompare(b.vaccineGroup));
  return {
    assessmentDate: asOf,
    supportingDataVersion: result.supportingDataVersion,
    vaccineGroups: groups,
    evaluations: result.evaluations.map((e) => ({
      doseId: e.doseId,
      date: e.date,
      cvx: e.cvx,
      vaccine: r.vaccineName(e.cvx),
      antigen: e.antigen,
      vaccineGroup: r.data.antigenToVaccineGroup.get(e.antigen) ?? e.antigen,
      status: e.status,
      reasons: e.reasons,
      explanation: e.explanation,
      targetDose: e.targetDose,
      series: e.seriesName,
      rulePath: e.rulePath,
    })),
    unmappedDoses: result.unmappedDoses,
  };
}
