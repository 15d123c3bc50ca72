-- The possible-duplicate scans DPH starts from /admin/duplicates: who asked and when, the job's progress (the page
-- polls it) and the outcome (birth years scanned, candidate pairs, pairs queued). At most one scan is queued or
-- running at a time: the partial unique index makes a second request fail atomically, whatever the timing.
CREATE TABLE patient_duplicate_scans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  requested_by uuid NOT NULL REFERENCES users (id),
  requested_at timestamptz NOT NULL,
  job_id uuid,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  progress_note text,
  progress_at timestamptz,
  started_at timestamptz,
  finished_at timestamptz,
  birth_years integer,
  candidate_pairs integer,
  pairs_queued integer,
  error text
);

CREATE UNIQUE INDEX patient_duplicate_scans_one_active ON patient_duplicate_scans ((true)) WHERE status IN ('queued', 'running');
CREATE INDEX patient_duplicate_scans_latest ON patient_duplicate_scans (requested_at DESC);
