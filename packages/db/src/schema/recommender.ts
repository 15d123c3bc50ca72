import type { ColumnType, Generated } from 'kysely';
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
  stored_forecasts: StoredForecastTable;
  stored_forecast_runs: StoredForecastRunTable;
}

/** A patient's stored forecast for one vaccine group (recommender's forecast store). */
export interface StoredForecastTable {
  patient_id: string;
  vaccine_group: string;
  series_type: string;
  status: string;
  forecast_dose_number: number | null;
  earliest_date: DateString | null;
  recommended_date: DateString | null;
  past_due_date: DateString | null;
  latest_date: DateString | null;
  /** Dates of the group's valid doses (CDSi evaluation), 'YYYY-MM-DD', ascending. */
  valid_dose_dates: Generated<string[]>;
  /** Per antigen of the group, the dates of its valid doses ('YYYY-MM-DD', ascending): school-entry compliance. */
  valid_antigen_dates: ColumnType<Record<string, string[]>, string | undefined, string>;
}

/** When and with which release a patient's stored forecast was computed, and when it must be again. */
export interface StoredForecastRunTable {
  patient_id: string;
  cdsi_release: string;
  computed_for: DateString;
  computed_at: Generated<Date>;
  refresh_on: DateString;
  stale: Generated<boolean>;
}
