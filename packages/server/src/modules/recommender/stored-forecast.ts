// What is kept of a forecast for reports (pure): one row per vaccine group and the day it must be computed again.
import type { ForecastResult, VaccineGroupForecast } from '@nutmeg/forecast';
import { addDays } from '../../dates.ts';
import type { StoredGroup, StoredPatientForecast } from './forecast-store.repo.ts';

/** A forecast is recomputed at least this often, so results that change with age alone (a series opening) follow. */
export const MAX_STORED_DAYS = 28;

/**
 * One forecast per group: a group with a standard and a risk series is stored by the one that asks for a dose
 * soonest (a reminder must not miss the risk series' dose), else the standard one.
 */
function pickForecast(forecasts: readonly VaccineGroupForecast[]): VaccineGroupForecast {
  const open = forecasts.filter((f) => f.status === 'Not Complete' && f.recommendedDate);
  if (open.length) return open.reduce((a, b) => ((b.recommendedDate ?? '') < (a.recommendedDate ?? '') ? b : a));
  return forecasts.find((f) => f.seriesType === 'Standard') ?? forecasts[0]!;
}

/**
 * The dates of each group's valid doses: a dose counts for a group when the evaluation found it valid for the
 * group's antigens (a DTaP dose invalid for pertussis does not count as a DTaP dose), once however many antigens.
 */
export function validDoseDatesByGroup(result: ForecastResult, antigenToGroup: ReadonlyMap<string, string>): Map<string, string[]> {
  const valid = new Map<string, Map<string, string>>();
  const invalid = new Set<string>();
  for (const e of result.evaluations) {
    const group = antigenToGroup.get(e.antigen);
    if (!group) continue;
    const key = `${group}\u0000${e.doseId}`;
    if (e.status !== 'Valid') invalid.add(key);
    else valid.set(group, (valid.get(group) ?? new Map()).set(e.doseId, e.date));
  }
  const out = new Map<string, string[]>();
  for (const [group, doses] of valid) {
    const dates = [...doses].filter(([id]) => !invalid.has(`${group}\u0000${id}`)).map(([, date]) => date);
    out.set(group, dates.sort());
  }
  return out;
}

/**
 * The dates of each antigen's valid doses, by the antigen's group (school-entry requirements count an antigen's
 * doses: a Td dose is a valid tetanus dose but no pertussis dose).
 */
export function validDatesByAntigen(
  result: ForecastResult,
  antigenToGroup: ReadonlyMap<string, string>,
): Map<string, Record<string, string[]>> {
  const out = new Map<string, Record<string, string[]>>();
  for (const e of result.evaluations) {
    const group = antigenToGroup.get(e.antigen);
    if (!group || e.status !== 'Valid') continue;
    const byAntigen = out.get(group) ?? {};
    (byAntigen[e.antigen] ??= []).push(e.date);
    out.set(group, byAntigen);
  }
  for (const byAntigen of out.values()) for (const dates of Object.values(byAntigen)) dates.sort();
  return out;
}

/**
 * The stored form of a forecast computed for `computedFor`. Its refresh day is the first day its result can
 * change with time alone: the day after a latest date (the series ages out), capped at MAX_STORED_DAYS.
 * Due and overdue need no refresh: reports compare the stored dates with the day they run.
 */
export function toStoredForecast(
  patientId: string,
  result: ForecastResult,
  antigenToGroup: ReadonlyMap<string, string>,
): StoredPatientForecast {
  const validDates = validDoseDatesByGroup(result, antigenToGroup);
  const antigenDates = validDatesByAntigen(result, antigenToGroup);
  const byGroup = new Map<string, VaccineGroupForecast[]>();
  for (const g of result.vaccineGroups) byGroup.set(g.vaccineGroup, [...(byGroup.get(g.vaccineGroup) ?? []), g]);
  const groups: StoredGroup[] = [];
  let refreshOn = addDays(result.assessmentDate, MAX_STORED_DAYS);
  for (const [vaccineGroup, list] of byGroup) {
    const f = pickForecast(list);
    groups.push({
      vaccineGroup,
      seriesType: f.seriesType,
      status: f.status,
      forecastDoseNumber: f.forecastDoseNumber ?? null,
      earliestDate: f.earliestDate ?? null,
      recommendedDate: f.recommendedDate ?? null,
      pastDueDate: f.pastDueDate ?? null,
      latestDate: f.latestDate ?? null,
      validDoseDates: validDates.get(vaccineGroup) ?? [],
      validAntigenDates: antigenDates.get(vaccineGroup) ?? {},
    });
    for (const g of list) {
      if (g.latestDate && g.latestDate >= result.assessmentDate) {
        const after = addDays(g.latestDate, 1);
        if (after < refreshOn) refreshOn = after;
      }
    }
  }
  return { patientId, release: result.supportingDataVersion, computedFor: result.assessmentDate, refreshOn, groups };
}
