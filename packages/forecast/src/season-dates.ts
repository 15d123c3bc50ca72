/**
 * Season dates given with the input (ForecastInput.seasons), for a season the supporting data does not
 * describe. A CDC release encodes "the current season" twice in a seasonal series dose: as its seasonal
 * recommendation, and as the date windows of its conditional skips ("2 or more doses during the current
 * season", "2 or more doses before July 1, 2025"). Moving a season moves both: in the seasonal series doses
 * of the vaccine group, every date equal to the release's season start or end becomes the new start or end.
 * Pure: the release is not changed; the copy shares every other antigen, series and dose with it.
 */
import { parseIsoDate, type DayNumber } from './date-arithmetic.ts';
import type { Antigen, AntigenSeries, ConditionalSkip, SeriesDose, SupportingData } from './supporting-data/model.ts';
import type { SeasonDates } from './types.ts';

interface Season {
  readonly startDate: DayNumber;
  readonly endDate: DayNumber;
}

const COPIES = new WeakMap<SupportingData, Map<string, SupportingData>>();
/** Copies per release kept for reuse (the seasons in force change a few times a year). */
const MAX_COPIES = 8;

/** The supporting data with the given seasons in place of the release's, for their vaccine groups. */
export function withSeasons(data: SupportingData, seasons: readonly SeasonDates[]): SupportingData {
  if (seasons.length === 0) return data;
  const key = JSON.stringify([...seasons].sort((a, b) => a.vaccineGroup.localeCompare(b.vaccineGroup)));
  let copies = COPIES.get(data);
  if (!copies) COPIES.set(data, (copies = new Map()));
  let copy = copies.get(key);
  if (!copy) {
    if (copies.size >= MAX_COPIES) copies.clear();
    copy = moveSeasons(data, seasons);
    copies.set(key, copy);
  }
  return copy;
}

function moveSeasons(data: SupportingData, seasons: readonly SeasonDates[]): SupportingData {
  const byGroup = new Map<string, Season>(
    seasons.map((s) => [s.vaccineGroup, { startDate: parseIsoDate(s.startDate), endDate: parseIsoDate(s.endDate) }]),
  );
  const antigens = new Map<string, Antigen>();
  for (const [name, antigen] of data.antigens) {
    const season = byGroup.get(data.antigenToVaccineGroup.get(name) ?? '');
    antigens.set(name, season ? { ...antigen, series: antigen.series.map((s) => moveSeries(s, season)) } : antigen);
  }
  return { ...data, antigens };
}

function moveSeries(series: AntigenSeries, season: Season): AntigenSeries {
  return { ...series, doses: series.doses.map((d) => (d.seasonal ? moveDose(d, d.seasonal, season) : d)) };
}

function moveDose(dose: SeriesDose, release: NonNullable<SeriesDose['seasonal']>, season: Season): SeriesDose {
  const move = (date: DayNumber | undefined): DayNumber | undefined =>
    date === undefined ? undefined : date === release.startDate ? season.startDate : date === release.endDate ? season.endDate : date;
  const conditionalSkips: ConditionalSkip[] = dose.conditionalSkips.map((skip) => ({
    ...skip,
    sets: skip.sets.map((set) => ({
      ...set,
      conditions: set.conditions.map((c) => ({ ...c, startDate: move(c.startDate), endDate: move(c.endDate) })),
    })),
  }));
  return { ...dose, seasonal: season, conditionalSkips };
}
