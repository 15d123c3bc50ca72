-- Clinic tools' staff list: what each person does at the clinic, prescribers' licenses and NPI, and a version for
-- edits made over the row read (two coordinators saving the same entry: the second is refused).
ALTER TABLE clinic_staff
  ADD COLUMN staff_role text NOT NULL DEFAULT 'other'
    CHECK (staff_role IN ('prescriber', 'nurse', 'medical_assistant', 'coordinator', 'other')),
  ADD COLUMN license_type text,
  ADD COLUMN license_number text,
  ADD COLUMN license_state text,
  ADD COLUMN license_expires date,
  ADD COLUMN npi text CHECK (npi IS NULL OR npi ~ '^[0-9]{10}$'),
  ADD COLUMN version integer NOT NULL DEFAULT 1,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- The seed and earlier requests kept the person's access type in `role`: coordinators are coordinators.
UPDATE clinic_staff SET staff_role = 'coordinator' WHERE role IN ('primary_coordinator', 'backup_coordinator');

-- A prescriber is listed with a license (the agreement names prescribers with their licenses).
ALTER TABLE clinic_staff ADD CONSTRAINT clinic_staff_prescriber_license CHECK (
  staff_role <> 'prescriber'
  OR (license_type IS NOT NULL AND license_number IS NOT NULL AND license_state IS NOT NULL AND license_expires IS NOT NULL)
);
CREATE INDEX clinic_staff_org_active ON clinic_staff (organization_id) WHERE active;
