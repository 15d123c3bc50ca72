-- Clinic tools (owned by modules/clinics): the parts of a clinic's profile that are not organization facts
-- (those - legal name, type, medical home, physical address, phone - stay on organizations), and every
-- version of the profile as edited, with what changed, for DPH to review.

CREATE TABLE clinic_profiles (
  organization_id uuid PRIMARY KEY REFERENCES organizations(id),
  dba_name text,
  -- NULL: vaccine is shipped to the physical address.
  shipping_address jsonb,
  fax text,
  email text,
  -- { "mon": [{ "from": "08:00", "to": "12:00" }], … }: when the clinic can receive vaccine deliveries.
  delivery_hours jsonb NOT NULL DEFAULT '{}',
  -- { "primaryCoordinator": { "name", "email", "phone", "title" }, "backupCoordinator", "medicalDirector", "chiefExecutive" }
  contacts jsonb NOT NULL DEFAULT '{}',
  -- Connecticut Vaccine Program (VFC) enrolment, set by DPH.
  enrolment_status text NOT NULL DEFAULT 'not_enrolled'
    CHECK (enrolment_status IN ('not_enrolled', 'pending', 'enrolled', 'suspended', 'terminated')),
  enrolled_on date,
  enrolment_ended_on date,
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- The profile's version (organization facts included): an edit names the version it read.
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE clinic_profile_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  version integer NOT NULL,
  changed_by uuid REFERENCES users(id),
  -- As the audit log does: the name shown without reading the access module's tables.
  changed_by_username text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  -- [{ "field": "contacts.primaryCoordinator.email", "before": …, "after": … }]
  changes jsonb NOT NULL,
  UNIQUE (organization_id, version)
);
