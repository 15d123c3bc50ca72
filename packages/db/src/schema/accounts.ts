import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns.ts';

// Owned by modules/accounts: account requests, the agreements they accept, password and activation links.

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

export interface PasswordResetTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  used_at: NullableTimestamp;
  /** 'reset': asked for by the user; 'activation': a new account, or a reset by DPH. */
  purpose: ColumnType<'reset' | 'activation', 'reset' | 'activation' | undefined, 'reset' | 'activation'>;
}

export interface AccountTables {
  agreement_versions: AgreementVersionTable;
  account_requests: AccountRequestTable;
  password_resets: PasswordResetTable;
}
