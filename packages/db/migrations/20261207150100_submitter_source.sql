-- Source-neutral services (issue 10): a dose, a patient report, a refusal and an observation record the
-- channel they came through (source_kind: ui, hl7, fhir, import, cli…) and, for an interface (an HL7 sender,
-- a FHIR client, an import batch), which one (source_interface), besides the organization it reported for.
ALTER TABLE patient_reports ADD COLUMN source_interface text;
ALTER TABLE patient_reports DROP CONSTRAINT patient_reports_source_kind_check;
ALTER TABLE patient_reports ADD CONSTRAINT patient_reports_source_kind_check
  CHECK (source_kind IN ('ui', 'hl7', 'fhir', 'import', 'cli', 'generator', 'merge'));

ALTER TABLE doses ADD COLUMN source_interface text;

ALTER TABLE patient_refusals ADD COLUMN source_kind text NOT NULL DEFAULT 'ui'
  CHECK (source_kind IN ('ui', 'hl7', 'fhir', 'import', 'cli', 'generator'));
ALTER TABLE patient_refusals ADD COLUMN source_interface text;
ALTER TABLE patient_observations ADD COLUMN source_kind text NOT NULL DEFAULT 'ui'
  CHECK (source_kind IN ('ui', 'hl7', 'fhir', 'import', 'cli', 'generator'));
ALTER TABLE patient_observations ADD COLUMN source_interface text;
-- Rows entered through the UI name who entered them; the synthetic population's do not.
UPDATE patient_refusals SET source_kind = 'generator' WHERE entered_by IS NULL;
UPDATE patient_observations SET source_kind = 'generator' WHERE entered_by IS NULL;
