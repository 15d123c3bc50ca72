-- Provider agreement renewal mails: one row per clinic, program, program year and kind of notice, so the
-- nightly job mails each notice once (a second worker's insert does nothing).
CREATE TABLE agreement_renewal_notices (
  organization_id uuid NOT NULL REFERENCES organizations(id),
  program text NOT NULL CHECK (program IN ('cvp', 'covid19')),
  program_year integer NOT NULL,
  -- reminder: the year is ending without an approved agreement for the next; lapsed: the year began without one.
  kind text NOT NULL CHECK (kind IN ('reminder', 'lapsed')),
  sent_at timestamptz NOT NULL,
  recipients integer NOT NULL,
  PRIMARY KEY (organization_id, program, program_year, kind)
);
