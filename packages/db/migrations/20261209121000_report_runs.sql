-- Long reports (statewide coverage, doses administered) run as jobs: the request, its progress, and the result
-- kept for the user who asked, to read or download later. Owned by the reports module.
CREATE TABLE report_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('coverage', 'doses_administered')),
  -- The report's query as the API took it (validated again when the job runs it).
  params jsonb NOT NULL,
  requested_by uuid NOT NULL REFERENCES users(id),
  -- The membership the user acted for: the job rebuilds the same scope from it.
  membership_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  progress_note text,
  result jsonb,
  error text,
  queued_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX report_runs_requester ON report_runs (requested_by, queued_at DESC);
