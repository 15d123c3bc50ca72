-- Look-ups of patients by identifier (IIS id, MRN, a phone number alone), counted per user per hour: past a
-- threshold DPH is alerted (alerted_at, and an audit entry), past the limit the user is refused.
CREATE TABLE patient_lookup_counts (
  user_id uuid NOT NULL REFERENCES users(id),
  window_start timestamptz NOT NULL,
  lookups integer NOT NULL DEFAULT 0,
  alerted_at timestamptz,
  PRIMARY KEY (user_id, window_start)
);
CREATE INDEX patient_lookup_counts_alerted ON patient_lookup_counts (alerted_at) WHERE alerted_at IS NOT NULL;
