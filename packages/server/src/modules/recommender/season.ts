// Seasons of seasonal vaccine groups (influenza): the one the installed CDSi release describes, and the dates a
// DPH administrator sets when that season has ended. Pure: no database, no clock.
import { formatIsoDate, type SeasonDates, type SupportingData } from '@nutmeg/forecast';

/** The season a release describes for a vaccine group ('YYYY-MM-DD'; no end date: open-ended). */
export interface ReleaseSeason {
  vaccineGroup: string;
  startDate: string | null;
  endDate: string | null;
}

/** Season dates a DPH administrator set for a vaccine group. */
export interface SeasonOverride extends SeasonDates {
  reason: string;
  setBy: string;
  setAt: Date;
}

/** The seasons of a release, by vaccine group: the latest dates of its seasonal series doses. */
export function releaseSeasons(data: SupportingData): Map<string, ReleaseSeason> {
  const out = new Map<string, ReleaseSeason>();
  for (const antigen of data.antigens.values()) {
    for (const series of antigen.series) {
      for (const dose of series.doses) {
        const s = dose.seasonal;
        if (!s || (s.startDate === undefined && s.endDate === undefined)) continue;
        const group = data.antigenToVaccineGroup.get(antigen.name) ?? series.vaccineGroup;
        const start = s.startDate === undefined ? null : formatIsoDate(s.startDate);
        const end = s.endDate === undefined ? null : formatIsoDate(s.endDate);
        const prev = out.get(group);
        out.set(group, {
          vaccineGroup: group,
          startDate: latest(prev?.startDate ?? null, start),
          endDate: latest(prev?.endDate ?? null, end),
        });
      }
    }
  }
  return out;
}

function latest(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null ? a : a > b ? a : b;
}

/** The release's season still applies on `date` (a season without an end date always does). */
export function releaseCovers(season: ReleaseSeason, date: string): boolean {
  return season.endDate === null || date <= season.endDate;
}

/**
 * The DPH season dates the recommender uses on `date`: those of groups whose release season has ended by then.
 * Once an installed release covers the date, its own season is used again.
 */
export function seasonsInForce(
  release: ReadonlyMap<string, ReleaseSeason>,
  overrides: readonly SeasonOverride[],
  date: string,
): SeasonOverride[] {
  return overrides.filter((o) => {
    const season = release.get(o.vaccineGroup);
    return season !== undefined && !releaseCovers(season, date);
  });
}

/** 'YYYY-MM-DD' one year after `iso` (same month and day). */
export function oneYearAfter(iso: string): string {
  return `${String(Number(iso.slice(0, 4)) + 1).padStart(4, '0')}${iso.slice(4)}`;
}
