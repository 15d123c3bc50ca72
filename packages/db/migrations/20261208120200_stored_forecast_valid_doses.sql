-- Coverage counts valid doses (CDSi evaluation) given by an assessment date: the dates of a group's valid doses
-- are stored with its forecast ('YYYY-MM-DD' text, compared as text). Stored forecasts from before this column
-- are marked due so that the nightly refresh (or `nutmeg forecast refresh`) fills it.
ALTER TABLE stored_forecasts ADD COLUMN valid_dose_dates text[] NOT NULL DEFAULT '{}';
UPDATE stored_forecast_runs SET stale = true;
