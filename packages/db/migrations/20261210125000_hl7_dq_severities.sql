-- DPH's severity for the data-quality rules of HL7 processing (an install serves one jurisdiction, so these are
-- its settings): a row only for a rule DPH changed from its default, versioned for concurrent edits, and every
-- change kept with who, when and why.
CREATE TABLE hl7_dq_severities (
  rule text PRIMARY KEY,
  severity text NOT NULL CHECK (severity IN ('E', 'W', 'I', 'ignore')),
  version integer NOT NULL DEFAULT 1,
  changed_by uuid REFERENCES users (id),
  changed_at timestamptz NOT NULL
);

CREATE TABLE hl7_dq_severity_changes (
  id bigserial PRIMARY KEY,
  rule text NOT NULL,
  from_severity text NOT NULL,
  to_severity text NOT NULL,
  version integer NOT NULL,
  reason text NOT NULL,
  changed_by uuid REFERENCES users (id),
  changed_at timestamptz NOT NULL
);
CREATE INDEX hl7_dq_severity_changes_rule ON hl7_dq_severity_changes (rule, id);
