-- Patients and doses. What each source REPORTED is kept apart from the consolidated MASTER record, so merge
-- and unmerge are reversible and provenance is never lost (AIRA IIS Sandbox / MIROW consolidation).
-- Search keys (*_norm, *_soundex) are computed by the application (patients/name-normalize.ts) with the same
-- folding on every engine; fuzzystrmatch soundex() of the folded text gives the same key in SQL.

CREATE SEQUENCE patient_iis_seq START 1000001;

-- The master (consolidated) patient record.
CREATE TABLE patients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Registry id printed on records and used in HL7 PID-3 (type SR).
  iis_id text NOT NULL UNIQUE DEFAULT ('CT' || lpad(nextval('patient_iis_seq')::text, 10, '0')),
  jurisdiction_id text NOT NULL REFERENCES jurisdictions(id),
  first_name text NOT NULL,
  middle_name text,
  last_name text NOT NULL,
  suffix text,
  dob date NOT NULL,
  sex text NOT NULL CHECK (sex IN ('F', 'M', 'X', 'U')),
  multiple_birth boolean NOT NULL DEFAULT false,
  birth_order smallint CHECK (birth_order BETWEEN 1 AND 9),
  mothers_maiden_name text,
  race text,
  ethnicity text,
  language text,
  emails text[] NOT NULL DEFAULT '{}',
  birth_state text,
  birth_country text,
  notes text,
  first_norm text NOT NULL,
  last_norm text NOT NULL,
  first_soundex text NOT NULL,
  last_soundex text NOT NULL,
  mmn_norm text,
  -- Town of the current home address, denormalised for local health directors' scope and reports.
  town text,
  -- Jurisdiction-level status (AIRA): active, moved out of jurisdiction, deceased.
  jurisdiction_status text NOT NULL DEFAULT 'active' CHECK (jurisdiction_status IN ('active', 'moved', 'deceased')),
  deceased_date date,
  -- Medical home: drives coverage and reminder/recall.
  owner_org_id uuid REFERENCES organizations(id),
  opted_out boolean NOT NULL DEFAULT false,
  -- Set when this master was merged into another; it then disappears from search until unmerged.
  merged_into uuid REFERENCES patients(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users(id),
  created_org_id uuid REFERENCES organizations(id),
  CHECK (deceased_date IS NULL OR jurisdiction_status = 'deceased')
);
CREATE INDEX patients_dob_last ON patients (dob, last_norm);
CREATE INDEX patients_last_first ON patients (last_norm, first_norm);
CREATE INDEX patients_soundex ON patients (last_soundex, first_soundex, dob);
CREATE INDEX patients_last_trgm ON patients USING gin (last_norm gin_trgm_ops);
CREATE INDEX patients_first_trgm ON patients USING gin (first_norm gin_trgm_ops);
CREATE INDEX patients_mmn_trgm ON patients USING gin (mmn_norm gin_trgm_ops);
CREATE INDEX patients_owner ON patients (owner_org_id) WHERE owner_org_id IS NOT NULL;
CREATE INDEX patients_town ON patients (town);
CREATE INDEX patients_merged_into ON patients (merged_into) WHERE merged_into IS NOT NULL;

-- Other names: aliases, maiden and previous names (matched by search like the current name).
CREATE TABLE patient_names (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  type text NOT NULL CHECK (type IN ('A', 'M', 'B', 'L')),
  first_name text NOT NULL,
  middle_name text,
  last_name text NOT NULL,
  first_norm text NOT NULL,
  last_norm text NOT NULL,
  last_soundex text NOT NULL
);
CREATE INDEX patient_names_patient ON patient_names (patient_id);
CREATE INDEX patient_names_last ON patient_names (last_norm, first_norm);
CREATE INDEX patient_names_last_trgm ON patient_names USING gin (last_norm gin_trgm_ops);

CREATE TABLE patient_addresses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  street text NOT NULL,
  street2 text,
  city text NOT NULL,
  state text NOT NULL,
  zip text NOT NULL,
  county text,
  type text NOT NULL DEFAULT 'H' CHECK (type IN ('H', 'M', 'BA', 'BR')),
  current boolean NOT NULL DEFAULT true,
  street_norm text NOT NULL,
  position smallint NOT NULL DEFAULT 0
);
CREATE INDEX patient_addresses_patient ON patient_addresses (patient_id);
CREATE INDEX patient_addresses_zip ON patient_addresses (zip);

CREATE TABLE patient_phones (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  -- digits only
  number text NOT NULL,
  use text NOT NULL DEFAULT 'PRN' CHECK (use IN ('PRN', 'ORN', 'WPN', 'CP')),
  position smallint NOT NULL DEFAULT 0
);
CREATE INDEX patient_phones_patient ON patient_phones (patient_id);
CREATE INDEX patient_phones_number ON patient_phones (number);

CREATE TABLE patient_guardians (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  first_name text NOT NULL,
  last_name text NOT NULL,
  relationship text NOT NULL,
  phone text,
  first_norm text NOT NULL,
  last_norm text NOT NULL,
  position smallint NOT NULL DEFAULT 0
);
CREATE INDEX patient_guardians_patient ON patient_guardians (patient_id);
CREATE INDEX patient_guardians_last_trgm ON patient_guardians USING gin (last_norm gin_trgm_ops);

-- IIS id aliases after merges, clinic MRNs (assigner = clinic organization id), Medicaid ids.
CREATE TABLE patient_identifiers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  type text NOT NULL CHECK (type IN ('IIS', 'MR', 'MA')),
  value text NOT NULL,
  assigner text NOT NULL
);
CREATE INDEX patient_identifiers_patient ON patient_identifiers (patient_id);
CREATE INDEX patient_identifiers_value ON patient_identifiers (value, type);

-- Every source's version of the patient as it was reported (UI entry, HL7 VXU, FHIR, import, generator).
CREATE TABLE patient_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The master this report is consolidated into (changes on merge / unmerge).
  patient_id uuid NOT NULL REFERENCES patients(id),
  -- The master created for this report; unmerge moves the report back to it.
  origin_patient_id uuid NOT NULL REFERENCES patients(id),
  source_org_id uuid REFERENCES organizations(id),
  source_kind text NOT NULL CHECK (source_kind IN ('ui', 'hl7', 'fhir', 'import', 'generator', 'merge')),
  reported_by uuid REFERENCES users(id),
  received_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL
);
CREATE INDEX patient_reports_patient ON patient_reports (patient_id);

-- Demographic edit history: who changed what, when, why.
CREATE TABLE patient_changes (
  id bigserial PRIMARY KEY,
  patient_id uuid NOT NULL REFERENCES patients(id),
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid REFERENCES users(id),
  organization_id uuid REFERENCES organizations(id),
  action text NOT NULL,
  -- { field: { from, to } }
  changes jsonb NOT NULL DEFAULT '{}',
  reason text
);
CREATE INDEX patient_changes_patient ON patient_changes (patient_id, id);

-- Status per organization (AIRA "Patient Active/Inactive Status").
CREATE TABLE patient_org_status (
  patient_id uuid NOT NULL REFERENCES patients(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  status text NOT NULL CHECK (status IN ('active', 'inactive_moved', 'inactive_not_patient')),
  reason text,
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by uuid REFERENCES users(id),
  PRIMARY KEY (patient_id, organization_id)
);
CREATE INDEX patient_org_status_org ON patient_org_status (organization_id, status);

-- History of organization status, jurisdiction status, ownership and opt-out changes.
CREATE TABLE patient_status_history (
  id bigserial PRIMARY KEY,
  patient_id uuid NOT NULL REFERENCES patients(id),
  scope text NOT NULL CHECK (scope IN ('organization', 'jurisdiction', 'ownership', 'opt_out')),
  organization_id uuid REFERENCES organizations(id),
  status text NOT NULL,
  reason text,
  effective_date date,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid REFERENCES users(id)
);
CREATE INDEX patient_status_history_patient ON patient_status_history (patient_id, id);

-- Merge log; `moved` lists every row the merge touched so unmerge restores exactly.
CREATE TABLE patient_merges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survivor_id uuid NOT NULL REFERENCES patients(id),
  merged_id uuid NOT NULL REFERENCES patients(id),
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid REFERENCES users(id),
  reason text NOT NULL,
  survivor_before jsonb NOT NULL,
  moved jsonb NOT NULL,
  undone_at timestamptz,
  undone_by uuid REFERENCES users(id),
  undo_reason text
);
CREATE INDEX patient_merges_survivor ON patient_merges (survivor_id);
CREATE INDEX patient_merges_merged ON patient_merges (merged_id);

-- Doses. Each row is one source's report of one dose. Reports of the same dose (same vaccine group within a few
-- days from another source) share master_id; the row whose id = master_id is the master dose shown and forecast.
CREATE TABLE doses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  master_id uuid NOT NULL,
  patient_id uuid NOT NULL REFERENCES patients(id),
  -- Patient the dose was first recorded on (unmerge moves it back).
  origin_patient_id uuid NOT NULL REFERENCES patients(id),
  kind text NOT NULL CHECK (kind IN ('administered', 'historical')),
  cvx text NOT NULL,
  mvx text,
  ndc text,
  lot text,
  lot_expiration date,
  funding_source text CHECK (funding_source IN ('public', 'private')),
  date date NOT NULL,
  volume_ml real,
  site text,
  route text,
  administered_by text,
  ordering_provider text,
  vis jsonb NOT NULL DEFAULT '[]',
  vfc_eligibility text CHECK (vfc_eligibility IN ('V01', 'V02', 'V03', 'V04', 'V05', 'V07')),
  historical_source text,
  -- Organization that reported (and may edit) the dose.
  source_org_id uuid REFERENCES organizations(id),
  source_kind text NOT NULL DEFAULT 'ui',
  -- Added but not yet administered (pulled from inventory): a queue coordinators clear before reconciling.
  not_administered boolean NOT NULL DEFAULT false,
  entered_by uuid REFERENCES users(id),
  entered_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz,
  deleted_at timestamptz,
  deleted_by uuid REFERENCES users(id),
  delete_reason text
);
CREATE INDEX doses_patient ON doses (patient_id, date);
CREATE INDEX doses_master ON doses (master_id);
CREATE INDEX doses_source ON doses (source_org_id, date);

CREATE TABLE dose_changes (
  id bigserial PRIMARY KEY,
  dose_id uuid NOT NULL REFERENCES doses(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid REFERENCES users(id),
  action text NOT NULL,
  changes jsonb NOT NULL DEFAULT '{}',
  reason text
);
CREATE INDEX dose_changes_dose ON dose_changes (dose_id, id);

CREATE TABLE patient_refusals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  origin_patient_id uuid NOT NULL REFERENCES patients(id),
  vaccine_group text NOT NULL,
  date date NOT NULL,
  reason text NOT NULL,
  source_org_id uuid REFERENCES organizations(id),
  entered_by uuid REFERENCES users(id),
  entered_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  deleted_by uuid REFERENCES users(id),
  delete_reason text
);
CREATE INDEX patient_refusals_patient ON patient_refusals (patient_id);

-- Contraindications, precautions, evidence of immunity, indications: CDSi observation codes.
CREATE TABLE patient_observations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  origin_patient_id uuid NOT NULL REFERENCES patients(id),
  kind text NOT NULL CHECK (kind IN ('contraindication', 'precaution', 'immunity', 'indication')),
  code text NOT NULL,
  text text NOT NULL,
  date date NOT NULL,
  source_org_id uuid REFERENCES organizations(id),
  entered_by uuid REFERENCES users(id),
  entered_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  deleted_by uuid REFERENCES users(id),
  delete_reason text
);
CREATE INDEX patient_observations_patient ON patient_observations (patient_id);
