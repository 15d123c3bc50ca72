import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns.ts';

// Owned by modules/access: users, their memberships, sessions and the sign-in throttle.

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

/** Failed sign-ins from one client address in the current window (see LOGIN_FAILURES_PER_ADDRESS). */
export interface LoginThrottleTable {
  address: string;
  failures: number;
  window_started_at: ColumnType<Date, Date | string, Date | string>;
}

export interface AccessTables {
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  login_throttle: LoginThrottleTable;
}
