-- Each printed Certificate of Immunization: its verification code (HMAC of the printed content with a key from
-- the per-install secret), so the public "verify a certificate" page can find what was printed, when and by whom.
CREATE TABLE certificate_issues (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL,
  patient_id uuid NOT NULL REFERENCES patients(id),
  kind text NOT NULL CHECK (kind IN ('full', 'covid')),
  printed_on date NOT NULL,
  -- The organization (or person) named as printer on the certificate.
  printed_by text NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  issued_by uuid REFERENCES users(id)
);
CREATE INDEX certificate_issues_code ON certificate_issues (code, issued_at DESC);
CREATE INDEX certificate_issues_patient ON certificate_issues (patient_id);
