-- Foundation: jurisdiction, organizations (clinics, schools, health departments, DPH), users,
-- memberships (the seed's access model), account requests, sessions, mail outbox, audit log, jobs.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE jurisdictions (
  id text PRIMARY KEY,
  name text NOT NULL,
  state_code text NOT NULL,
  agency_name text NOT NULL,
  program_name text NOT NULL
);

CREATE TABLE towns (
  id serial PRIMARY KEY,
  jurisdiction_id text NOT NULL REFERENCES jurisdictions(id),
  name text NOT NULL,
  county text,
  zip_codes text[] NOT NULL DEFAULT '{}',
  UNIQUE (jurisdiction_id, name)
);

CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction_id text NOT NULL REFERENCES jurisdictions(id),
  kind text NOT NULL CHECK (kind IN ('clinic', 'school', 'health_department', 'dph')),
  -- PIN identifies a clinic in the state program (CT WiZ "clinic PIN"); schools and LHDs have codes too.
  pin text UNIQUE,
  name text NOT NULL,
  clinic_type text CHECK (clinic_type IN ('private_practice', 'fqhc', 'rhc', 'hospital', 'pharmacy',
    'sbhc', 'local_health_department', 'urgent_care', 'other')),
  medical_home boolean NOT NULL DEFAULT false,
  town text,
  address jsonb NOT NULL DEFAULT '{}',
  phone text,
  -- Towns a local health department serves: its directors see residents of these towns.
  served_towns text[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The clinic's staff list, kept by the coordinator; Clinic Access requests are checked against it.
CREATE TABLE clinic_staff (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  first_name text NOT NULL,
  last_name text NOT NULL,
  email citext NOT NULL,
  job_title text,
  role text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz
);
CREATE INDEX clinic_staff_org_email ON clinic_staff (organization_id, email);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username citext NOT NULL UNIQUE,
  email citext NOT NULL,
  first_name text NOT NULL,
  last_name text NOT NULL,
  phone text,
  job_title text,
  password_hash text NOT NULL,
  password_temporary boolean NOT NULL DEFAULT true,
  password_changed_at timestamptz,
  mfa_secret text,
  mfa_enrolled_at timestamptz,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  -- DPH (State Only) users carry state roles; empty for everyone else.
  dph_roles text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  deactivated_at timestamptz,
  last_login_at timestamptz
);

-- user x organization x access type: the unit of authorization.
CREATE TABLE memberships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  access_type text NOT NULL CHECK (access_type IN ('primary_coordinator', 'backup_coordinator',
    'clinic_access', 'school_readonly', 'cmo_signing', 'ceo_signing', 'dph', 'health_dept_readonly')),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz
);
CREATE UNIQUE INDEX memberships_active_unique ON memberships (user_id, organization_id, access_type) WHERE active;

CREATE TABLE agreement_versions (
  kind text NOT NULL CHECK (kind IN ('user', 'confidentiality')),
  version text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  effective_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, version)
);

CREATE TABLE account_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  access_type text NOT NULL,
  organization_ids uuid[] NOT NULL DEFAULT '{}',
  first_name text NOT NULL,
  last_name text NOT NULL,
  email citext NOT NULL,
  phone text NOT NULL,
  job_title text NOT NULL,
  -- [{ kind, version, acceptedAt }]
  agreements jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'denied')),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  decision_reason text,
  user_id uuid REFERENCES users(id),
  request_ip text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_requests_status ON account_requests (status, created_at);

CREATE TABLE sessions (
  -- sha256 of the cookie token: a leaked table does not leak live sessions.
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  stage text NOT NULL CHECK (stage IN ('password_change', 'mfa_enroll', 'active')),
  active_membership_id uuid REFERENCES memberships(id),
  csrf_token text NOT NULL,
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  absolute_expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE password_resets (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  to_address text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  transport text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  error text
);

-- Append-only and hash-chained: hash = sha256(prev_hash || canonical row), so editing or deleting a row breaks the chain.
CREATE TABLE audit_log (
  seq bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_username text,
  organization_id uuid,
  action text NOT NULL,
  outcome text NOT NULL DEFAULT 'success',
  entity_type text,
  entity_id text,
  patient_id uuid,
  ip text,
  detail jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor_user_id, seq);
CREATE INDEX audit_log_patient ON audit_log (patient_id, seq) WHERE patient_id IS NOT NULL;
CREATE INDEX audit_log_action ON audit_log (action, seq);
CREATE RULE audit_log_no_update AS ON UPDATE TO audit_log DO INSTEAD NOTHING;
CREATE RULE audit_log_no_delete AS ON DELETE TO audit_log DO INSTEAD NOTHING;

-- Background jobs live in the database so any app process can run them (SKIP LOCKED claims).
CREATE TABLE jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  run_at timestamptz NOT NULL DEFAULT now(),
  locked_by text,
  locked_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_ready ON jobs (status, run_at);
