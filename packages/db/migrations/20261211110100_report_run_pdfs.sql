-- Large reminder/recall PDFs (letters, mailing labels, the call list) as background report runs: above
-- REPORT_PDF_INLINE_MAX patients the job renders the file and keeps it here for the user who asked for it.
ALTER TABLE report_runs DROP CONSTRAINT report_runs_kind_check;
ALTER TABLE report_runs ADD CONSTRAINT report_runs_kind_check
  CHECK (kind IN ('coverage', 'doses_administered', 'letters', 'labels', 'call_list'));
ALTER TABLE report_runs ADD COLUMN result_file bytea;
