-- School-entry compliance counts valid doses per antigen (a Td dose is a valid tetanus dose of the DTaP/Tdap/Td
-- group but not a pertussis dose, so the 7th-grade Tdap requirement cannot use the group's dates): the dates of
-- each antigen's valid doses (CDSi evaluation) are stored with the group's forecast, {"Pertussis": ["YYYY-MM-DD"]}.
-- Stored forecasts from before this column are marked due so that the nightly refresh (or `nutmeg forecast
-- refresh`) fills it.
ALTER TABLE stored_forecasts ADD COLUMN valid_antigen_dates jsonb NOT NULL DEFAULT '{}';
UPDATE stored_forecast_runs SET stale = true;
