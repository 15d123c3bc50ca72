-- Clinic tools (owned by modules/clinics): the clinic's vaccine storage units, and the provider agreements a
-- clinic signs each program year. Inventory reads both through the clinics module (storageUnitsOf,
-- hasCurrentAgreement): ordering public vaccine needs an approved agreement for the current year.

CREATE TABLE storage_units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  kind text NOT NULL CHECK (kind IN ('refrigerator', 'freezer', 'ultra_cold')),
  make text,
  model text,
  -- The continuous temperature monitor's serial number (VFC requires a digital data logger in every unit).
  data_logger_id text,
  -- A unit is retired, never deleted: inventory and temperature records keep pointing at it.
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Optimistic concurrency: an edit names the version it read; a stale one changes nothing.
  version integer NOT NULL DEFAULT 1
);
-- Two active units of one clinic never share a name (the coordinator picks a unit by name when receiving stock).
CREATE UNIQUE INDEX storage_units_active_name ON storage_units (organization_id, lower(name)) WHERE active;

-- One row per revision of a clinic's agreement for a program year. A revision is drafted, signed (frozen: the
-- hash covers the exact text and data), then approved or returned by DPH; a change after signing is a new revision.
CREATE TABLE provider_agreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  program text NOT NULL CHECK (program IN ('cvp', 'covid19')),
  program_year integer NOT NULL CHECK (program_year BETWEEN 2000 AND 2100),
  revision integer NOT NULL CHECK (revision > 0),
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'signing', 'submitted', 'returned', 'approved', 'superseded')),
  conditions_version text NOT NULL,
  conditions_text text NOT NULL,
  -- The provider profile, prescribers, vaccines and storage units as drafted (frozen with the signature).
  data jsonb NOT NULL DEFAULT '{}',
  signed_hash text,
  -- The days an approved agreement covers (its program year).
  valid_from date,
  valid_until date,
  review_comment text,
  reviewed_by uuid REFERENCES users(id),
  reviewed_at timestamptz,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (organization_id, program, program_year, revision),
  CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until)
);
CREATE INDEX provider_agreements_current ON provider_agreements (organization_id, program, status);
