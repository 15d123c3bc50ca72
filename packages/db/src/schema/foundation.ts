import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** timestamptz: read as Date, written as Date or ISO string, defaulted by the database. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** DATE is parsed as a 'YYYY-MM-DD' string (see create-db.ts). */
export type DateString = string;

export interface JurisdictionTable {
  id: string;
  name: string;
  state_code: string;
  agency_name: string;
  program_name: string;
}

export interface TownTable {
  id: Generated<number>;
  jurisdiction_id: string;
  name: string;
  county: string | null;
  zip_codes: ColumnType<string[], string[] | undefined, string[]>;
}

export interface OrganizationTable {
  id: Generated<string>;
  jurisdiction_id: string;
  kind: 'clinic' | 'school' | 'health_department' | 'dph';
  pin: string | null;
  name: string;
  clinic_type: string | null;
  medical_home: Generated<boolean>;
  town: string | null;
  address: JSONColumnType<Record<string, string>, string | undefined, string>;
  phone: string | null;
  served_towns: ColumnType<string[], string[] | undefined, string[]>;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface ClinicStaffTable {
  id: Generated<string>;
  organization_id: string;
  first_name: string;
  last_name: string;
  email: string;
  job_title: string | null;
  role: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  removed_at: NullableTimestamp;
}

export interface UserTable {
  id: Generated<string>;
  username: string;
  email: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  job_title: string | null;
  password_hash: string;
  password_temporary: Generated<boolean>;
  password_changed_at: NullableTimestamp;
  mfa_secret: string | null;
  mfa_enrolled_at: NullableTimestamp;
  /** The TOTP time step of the last code accepted: that code and older ones are refused (single use). */
  mfa_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  status: Generated<'active' | 'inactive'>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  dph_roles: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
  deactivated_at: NullableTimestamp;
  last_login_at: NullableTimestamp;
}

export interface MembershipTable {
  id: Generated<string>;
  user_id: string;
  organization_id: string;
  access_type: string;
  active: Generated<boolean>;
  created_at: Timestamp;
  ended_at: NullableTimestamp;
}

export interface AgreementVersionTable {
  kind: 'user' | 'confidentiality';
  version: string;
  title: string;
  body: string;
  effective_at: Timestamp;
}

export interface AgreementAcceptance {
  kind: 'user' | 'confidentiality';
  version: string;
  acceptedAt: string;
}

export interface AccountRequestTable {
  id: Generated<string>;
  access_type: string;
  organization_ids: ColumnType<string[], string[] | undefined, string[]>;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  job_title: string;
  agreements: JSONColumnType<AgreementAcceptance[], string, string>;
  status: Generated<'pending' | 'approved' | 'denied'>;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_reason: string | null;
  user_id: string | null;
  request_ip: string | null;
  created_at: Timestamp;
}

export interface SessionTable {
  id: string;
  user_id: string;
  stage: 'password_change' | 'mfa_enroll' | 'active';
  active_membership_id: string | null;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  absolute_expires_at: ColumnType<Date, Date | string, Date | string>;
}

export interface PasswordResetTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  used_at: NullableTimestamp;
  /** 'reset': asked for by the user; 'activation': a new account, or a reset by DPH. */
  purpose: ColumnType<'reset' | 'activation', 'reset' | 'activation' | undefined, 'reset' | 'activation'>;
}

/** Failed sign-ins from one client address in the current window (see LOGIN_FAILURES_PER_ADDRESS). */
export interface LoginThrottleTable {
  address: string;
  failures: number;
  window_started_at: ColumnType<Date, Date | string, Date | string>;
}

export interface MailOutboxTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  /** Kept only without SMTP (development); with SMTP the outbox holds metadata only. */
  body: string | null;
  transport: string;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
  error: string | null;
  /** Write order (created_at ties within a transaction). */
  seq: Generated<number>;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: ColumnType<Date, Date | string, never>;
  actor_user_id: string | null;
  actor_username: string | null;
  organization_id: string | null;
  action: string;
  outcome: ColumnType<string, string | undefined, never>;
  entity_type: string | null;
  entity_id: string | null;
  patient_id: string | null;
  ip: string | null;
  detail: JSONColumnType<Record<string, unknown>, string | undefined, never>;
  prev_hash: string;
  hash: string;
}

export interface JobTable {
  id: Generated<string>;
  kind: string;
  payload: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  run_at: Timestamp;
  locked_by: string | null;
  locked_at: NullableTimestamp;
  attempts: Generated<number>;
  last_error: string | null;
  result: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface FoundationTables {
  jurisdictions: JurisdictionTable;
  towns: TownTable;
  organizations: OrganizationTable;
  clinic_staff: ClinicStaffTable;
  users: UserTable;
  memberships: MembershipTable;
  agreement_versions: AgreementVersionTable;
  account_requests: AccountRequestTable;
  sessions: SessionTable;
  password_resets: PasswordResetTable;
  login_throttle: LoginThrottleTable;
  mail_outbox: MailOutboxTable;
  audit_log: AuditLogTable;
  jobs: JobTable;
}
