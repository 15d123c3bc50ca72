import type { DateString, Timestamp } from './columns.ts';

/** Season dates a DPH administrator set for a seasonal vaccine group (recommender module). */
export interface RecommenderSeasonOverrideTable {
  vaccine_group: string;
  start_date: DateString;
  end_date: DateString;
  reason: string;
  set_by: string;
  set_by_username: string;
  set_at: Timestamp;
}

export interface RecommenderTables {
  recommender_season_overrides: RecommenderSeasonOverrideTable;
}
