-- Stored forecasts (recommender module): the CDSi forecast of every patient, one row per vaccine group, so that
-- reports read dates instead of running the engine per patient per request. Jobs refresh a patient's rows when
-- the history, observations, DOB or sex change; a nightly job refreshes those whose result changes with time.
CREATE TABLE stored_forecasts (
  patient_id uuid NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  vaccine_group text NOT NULL,
  series_type text NOT NULL,
  status text NOT NULL,
  forecast_dose_number integer,
  earliest_date date,
  recommended_date date,
  past_due_date date,
  latest_date date,
  PRIMARY KEY (patient_id, vaccine_group)
);
-- Reminder/recall reads "due in a window" per vaccine group.
CREATE INDEX stored_forecasts_group_recommended ON stored_forecasts (vaccine_group, recommended_date);

-- One row per patient whose forecast is stored: which release and day it was computed for, and the day it must
-- be computed again (an age reached, a latest date crossed; at most a month later as a safety net).
CREATE TABLE stored_forecast_runs (
  patient_id uuid PRIMARY KEY REFERENCES patients(id) ON DELETE CASCADE,
  cdsi_release text NOT NULL,
  computed_for date NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  refresh_on date NOT NULL,
  -- Set when a change was written but its refresh job has not run yet (and by `forecast refresh --all`).
  stale boolean NOT NULL DEFAULT false
);
CREATE INDEX stored_forecast_runs_refresh ON stored_forecast_runs (refresh_on);
CREATE INDEX stored_forecast_runs_stale ON stored_forecast_runs (patient_id) WHERE stale;
