-- Schools (modules/schools): student rosters per school and school year, roster uploads, the candidates of
-- uncertain matches, exemptions, and the school-entry requirements a jurisdiction sets per school year.
-- Schools themselves are organizations (kind 'school'); students are registry patients linked by a roster entry.

-- A school year is named by the calendar year it starts in (2026 = the 2026–27 school year).
CREATE TABLE school_roster_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES organizations(id),
  school_year integer NOT NULL CHECK (school_year BETWEEN 2000 AND 2200),
  -- The school's own student id: the key of a row in the school's files (re-uploads update by it).
  student_id text NOT NULL CHECK (length(student_id) BETWEEN 1 AND 40),
  grade text NOT NULL CHECK (grade IN ('PK', 'K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12')),
  last_name text NOT NULL,
  first_name text NOT NULL,
  middle_name text,
  dob date NOT NULL,
  sex text NOT NULL CHECK (sex IN ('F', 'M', 'U')),
  guardian text,
  address text,
  -- The registry record this student is (set when matched automatically or by the nurse); never created here.
  patient_id uuid REFERENCES patients(id),
  match_status text NOT NULL CHECK (match_status IN ('linked', 'review', 'unmatched')),
  match_reason text NOT NULL,
  match_score integer,
  -- linked by the matcher ('auto'), or by a person ('nurse'); a nurse's choice survives identical re-uploads.
  matched_by text CHECK (matched_by IN ('auto', 'nurse')),
  -- What the school sent, hashed: an identical row in a later upload changes nothing.
  row_hash text NOT NULL,
  removed_at timestamptz,
  removed_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (school_id, school_year, student_id),
  CHECK ((match_status = 'linked') = (patient_id IS NOT NULL))
);
CREATE INDEX school_roster_entries_patient ON school_roster_entries (patient_id, school_id) WHERE patient_id IS NOT NULL AND removed_at IS NULL;

-- Registry records that may be the student of a roster entry in review (the review screen shows them side by side).
CREATE TABLE school_match_candidates (
  entry_id uuid NOT NULL REFERENCES school_roster_entries(id) ON DELETE CASCADE,
  patient_id uuid NOT NULL REFERENCES patients(id),
  score integer NOT NULL,
  reasons text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (entry_id, patient_id)
);

-- One upload of a roster file: its counts and the rows refused (line, field, message), kept for the nurse.
CREATE TABLE school_roster_uploads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES organizations(id),
  school_year integer NOT NULL,
  file_name text NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  rows_total integer NOT NULL DEFAULT 0,
  linked integer NOT NULL DEFAULT 0,
  review integer NOT NULL DEFAULT 0,
  unmatched integer NOT NULL DEFAULT 0,
  unchanged integer NOT NULL DEFAULT 0,
  errors jsonb NOT NULL DEFAULT '[]'
);

-- A medical (with an expiry, or none for a permanent condition) or religious exemption from the school-entry
-- requirements, recorded by the nurse from the document the family gave; per student of a school, across years.
CREATE TABLE school_exemptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES organizations(id),
  student_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('medical', 'religious')),
  document_date date NOT NULL,
  expires_on date,
  note text,
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  cleared_at timestamptz,
  cleared_reason text,
  CHECK (kind = 'medical' OR expires_on IS NULL),
  CHECK (expires_on IS NULL OR expires_on >= document_date)
);
-- One exemption of each kind in force per student.
CREATE UNIQUE INDEX school_exemptions_in_force ON school_exemptions (school_id, student_id, kind) WHERE cleared_at IS NULL;

-- School-entry requirements as data: per jurisdiction, school year (the first year they apply from) and grade, how
-- many valid doses of an antigen (CDSi evaluation) a student needs, and the age rules. Ages are written
-- '<n> years|months|weeks|days'.
CREATE TABLE school_entry_requirements (
  jurisdiction_id text NOT NULL,
  from_school_year integer NOT NULL,
  grade text NOT NULL CHECK (grade IN ('PK', 'K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12')),
  label text NOT NULL,
  -- The CDSi vaccine group whose forecast says when a missing dose is due, and the antigen whose valid doses count.
  vaccine_group text NOT NULL,
  antigen text NOT NULL,
  doses integer NOT NULL CHECK (doses > 0),
  -- Only doses given at or after this age count (e.g. MMR on or after the 1st birthday).
  counted_from_age text CHECK (counted_from_age ~ '^[0-9]+ (years|months|weeks|days)$'),
  -- The last counted dose must be at or after this age (e.g. DTaP on or after the 4th birthday).
  last_dose_min_age text CHECK (last_dose_min_age ~ '^[0-9]+ (years|months|weeks|days)$'),
  -- First and last counted doses at least this far apart (e.g. HepA six months).
  min_span text CHECK (min_span ~ '^[0-9]+ (years|months|weeks|days)$'),
  -- Required only of students younger than this on the day compliance is run (e.g. Hib under 5 years).
  required_below_age text CHECK (required_below_age ~ '^[0-9]+ (years|months|weeks|days)$'),
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (jurisdiction_id, from_school_year, grade, label)
);

-- Connecticut's requirements (DPH, "Immunization requirements for enrolled students in Connecticut schools").
INSERT INTO school_entry_requirements
  (jurisdiction_id, from_school_year, grade, label, vaccine_group, antigen, doses, counted_from_age, last_dose_min_age, min_span, required_below_age, position)
VALUES
  ('CT', 2024, 'PK', 'DTaP', 'DTaP/Tdap/Td', 'Diphtheria', 4, NULL, NULL, NULL, NULL, 1),
  ('CT', 2024, 'PK', 'Polio', 'Polio', 'Polio', 3, NULL, NULL, NULL, NULL, 2),
  ('CT', 2024, 'PK', 'MMR', 'MMR', 'Measles', 1, '1 years', NULL, NULL, NULL, 3),
  ('CT', 2024, 'PK', 'Hepatitis B', 'HepB', 'HepB', 3, NULL, '24 weeks', NULL, NULL, 4),
  ('CT', 2024, 'PK', 'Varicella', 'Varicella', 'Varicella', 1, '1 years', NULL, NULL, NULL, 5),
  ('CT', 2024, 'PK', 'Hib', 'Hib', 'Hib', 1, '1 years', NULL, NULL, '5 years', 6),
  ('CT', 2024, 'PK', 'Pneumococcal', 'Pneumococcal', 'Pneumococcal', 1, '1 years', NULL, NULL, '5 years', 7),
  ('CT', 2024, 'PK', 'Hepatitis A', 'HepA', 'HepA', 2, '1 years', NULL, '6 months', NULL, 8),
  ('CT', 2024, 'K', 'DTaP', 'DTaP/Tdap/Td', 'Diphtheria', 4, NULL, '4 years', NULL, NULL, 1),
  ('CT', 2024, 'K', 'Polio', 'Polio', 'Polio', 3, NULL, '4 years', NULL, NULL, 2),
  ('CT', 2024, 'K', 'MMR', 'MMR', 'Measles', 2, '1 years', NULL, NULL, NULL, 3),
  ('CT', 2024, 'K', 'Hepatitis B', 'HepB', 'HepB', 3, NULL, '24 weeks', NULL, NULL, 4),
  ('CT', 2024, 'K', 'Varicella', 'Varicella', 'Varicella', 2, '1 years', NULL, NULL, NULL, 5),
  ('CT', 2024, 'K', 'Hib', 'Hib', 'Hib', 1, '1 years', NULL, NULL, '5 years', 6),
  ('CT', 2024, 'K', 'Pneumococcal', 'Pneumococcal', 'Pneumococcal', 1, '1 years', NULL, NULL, '5 years', 7),
  ('CT', 2024, 'K', 'Hepatitis A', 'HepA', 'HepA', 2, '1 years', NULL, '6 months', NULL, 8),
  ('CT', 2024, '7', 'Tdap', 'DTaP/Tdap/Td', 'Pertussis', 1, '7 years', NULL, NULL, NULL, 1),
  ('CT', 2024, '7', 'Meningococcal (MenACWY)', 'Meningococcal', 'Meningococcal', 1, '10 years', NULL, NULL, NULL, 2),
  ('CT', 2024, '7', 'Polio', 'Polio', 'Polio', 3, NULL, '4 years', NULL, NULL, 3),
  ('CT', 2024, '7', 'MMR', 'MMR', 'Measles', 2, '1 years', NULL, NULL, NULL, 4),
  ('CT', 2024, '7', 'Hepatitis B', 'HepB', 'HepB', 3, NULL, '24 weeks', NULL, NULL, 5),
  ('CT', 2024, '7', 'Varicella', 'Varicella', 'Varicella', 2, '1 years', NULL, NULL, NULL, 6),
  ('CT', 2024, '7', 'Hepatitis A', 'HepA', 'HepA', 2, '1 years', NULL, '6 months', NULL, 7);
