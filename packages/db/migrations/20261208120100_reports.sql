-- Reports module: saved reminder/recall cohorts, the notices sent to patients, and each clinic's letter templates.
CREATE TABLE report_cohorts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  name text NOT NULL,
  -- The reminder/recall criteria as the API takes them (validated by the service when run again).
  criteria jsonb NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, name)
);

-- A reminder or recall notice that went to a patient: how, when, by which clinic (shown on the patient record).
CREATE TABLE patient_notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patients(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  method text NOT NULL CHECK (method IN ('letter', 'phone', 'email', 'text')),
  notified_on date NOT NULL,
  vaccine_groups text[] NOT NULL DEFAULT '{}',
  cohort_id uuid REFERENCES report_cohorts(id) ON DELETE SET NULL,
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patient_notifications_patient ON patient_notifications (patient_id, notified_on DESC);

-- A clinic's reminder letter, per language; merge fields in {{double braces}}.
CREATE TABLE letter_templates (
  organization_id uuid NOT NULL REFERENCES organizations(id),
  language text NOT NULL CHECK (language IN ('en', 'es')),
  body text NOT NULL,
  updated_by uuid NOT NULL REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, language)
);
