-- DPH edits the school-entry requirements per jurisdiction and school year (modules/schools): each year's edits are
-- versioned (an edit names the version it was made on: two administrators never overwrite each other unseen) and
-- every change is kept with what it was before and after.

-- Seasonal requirements (influenza): only doses given on or after this day of the school year count ('MM-DD'; a
-- month from July belongs to the year the school year starts in, January to June to the next), and a missing dose
-- is still in process until `season_due`.
ALTER TABLE school_entry_requirements
  ADD COLUMN season_from text CHECK (season_from ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
  ADD COLUMN season_due text CHECK (season_due ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$');

-- The version of a jurisdiction's requirements for a school year (bumped by every change of that year).
CREATE TABLE school_requirement_years (
  jurisdiction_id text NOT NULL,
  school_year integer NOT NULL CHECK (school_year BETWEEN 2000 AND 2200),
  version integer NOT NULL DEFAULT 0,
  updated_at timestamptz,
  updated_by uuid REFERENCES users(id),
  PRIMARY KEY (jurisdiction_id, school_year)
);

-- Each change: add, edit, remove a requirement, or copy a year's requirements to the next.
CREATE TABLE school_requirement_changes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_id text NOT NULL,
  school_year integer NOT NULL,
  version integer NOT NULL,
  action text NOT NULL CHECK (action IN ('add', 'edit', 'remove', 'copy')),
  grade text,
  label text,
  before jsonb,
  after jsonb,
  changed_by uuid NOT NULL REFERENCES users(id),
  changed_by_username text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX school_requirement_changes_year ON school_requirement_changes (jurisdiction_id, school_year, changed_at);

-- Connecticut requires a dose of influenza vaccine each season for pre-K (children under 5): given from August 1,
-- by December 31 of the school year.
INSERT INTO school_entry_requirements
  (jurisdiction_id, from_school_year, grade, label, vaccine_group, antigen, doses, counted_from_age, last_dose_min_age, min_span,
   required_below_age, position, season_from, season_due)
VALUES ('CT', 2024, 'PK', 'Influenza', 'Influenza', 'Influenza', 1, '6 months', NULL, NULL, '5 years', 9, '08-01', '12-31')
ON CONFLICT DO NOTHING;

INSERT INTO school_requirement_years (jurisdiction_id, school_year, version)
SELECT DISTINCT jurisdiction_id, from_school_year, 1 FROM school_entry_requirements
ON CONFLICT DO NOTHING;
