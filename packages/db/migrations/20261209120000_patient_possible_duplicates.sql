-- The possible-duplicate queue (owned by patients): two live records a matcher (an incoming HL7 message, a scan,
-- a clinic's add) found likely to be the same person, waiting for a DPH data steward. One row per unordered
-- pair (patient_low < patient_high), so a pair is queued once however often and from whichever side it is found;
-- a pair resolved "not a duplicate" keeps its row, which is what stops it from being queued again.
CREATE TABLE patient_possible_duplicates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_low uuid NOT NULL REFERENCES patients(id),
  patient_high uuid NOT NULL REFERENCES patients(id),
  score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
  reasons text[] NOT NULL DEFAULT '{}',
  source text NOT NULL CHECK (source IN ('ui', 'hl7', 'fhir', 'import', 'cli', 'scan')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'merged', 'not_duplicate')),
  queued_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_by uuid REFERENCES users(id),
  resolution_note text,
  CHECK (patient_low < patient_high),
  CHECK ((status = 'open') = (resolved_at IS NULL)),
  UNIQUE (patient_low, patient_high)
);
-- The steward's queue (open pairs, best first) and the look-up of a patient's open pairs (data quality).
CREATE INDEX patient_possible_duplicates_open ON patient_possible_duplicates (score DESC, queued_at) WHERE status = 'open';
CREATE INDEX patient_possible_duplicates_high ON patient_possible_duplicates (patient_high) WHERE status = 'open';
