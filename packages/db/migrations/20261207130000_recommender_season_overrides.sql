-- Season dates a DPH administrator sets for a seasonal vaccine group (e.g. influenza) when the installed CDSi
-- release describes a past season. The recommender uses them only for dates the release does not cover.
-- One row per vaccine group: an install serves one jurisdiction. Owned by the recommender module.
CREATE TABLE recommender_season_overrides (
  vaccine_group text PRIMARY KEY,
  start_date date NOT NULL,
  end_date date NOT NULL,
  reason text NOT NULL,
  set_by uuid NOT NULL REFERENCES users(id),
  -- As the audit log does: the name shown without reading the access module's tables.
  set_by_username text NOT NULL,
  set_at timestamptz NOT NULL DEFAULT now(),
  CHECK (start_date <= end_date)
);
