import type { Generated, JSONColumnType } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns.ts';

// Owned by modules/hl7: interfaces (HL7 senders), the clinics each may send for, the message log.

export interface Hl7InterfaceTable {
  id: Generated<string>;
  name: string;
  sending_application: string;
  sending_facility: string;
  status: 'onboarding' | 'testing' | 'production' | 'inactive';
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  username: string;
  /** SHA-256 (hex) of the random secret; the secret itself is shown once and never stored. */
  secret_hash: string;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface Hl7InterfaceClinicTable {
  interface_id: string;
  organization_id: string;
  is_default: Generated<boolean>;
}

/** One warning or error of a processed message, as its ERR segment says it. */
export interface Hl7IssueRow {
  /** The data-quality rule or check that raised it (e.g. 'pid-3-missing'). */
  rule: string;
  severity: 'E' | 'W' | 'I';
  /** ERR-2 as text, e.g. 'PID-7' or 'RXA[2]-5'. */
  location: string | null;
  /** HL7 table 0357 (ERR-3). */
  hl7Code: string;
  /** CDC table 0533 (ERR-5). */
  applicationCode: string | null;
  /** ERR-8: a sentence a person understands. */
  message: string;
}

export type Hl7MessageStatus = 'received' | 'accepted' | 'warnings' | 'rejected' | 'failed';

export interface Hl7MessageTable {
  id: Generated<string>;
  seq: Generated<number>;
  interface_id: string | null;
  received_at: Timestamp;
  transport: 'http' | 'soap' | 'cli' | 'reprocess';
  raw: string;
  message_type: string | null;
  control_id: string | null;
  processing_id: string | null;
  sending_application: string | null;
  sending_facility: string | null;
  status: Generated<Hl7MessageStatus>;
  ack_code: string | null;
  ack: string | null;
  patient_id: string | null;
  organization_id: string | null;
  error_count: Generated<number>;
  warning_count: Generated<number>;
  /** The ERR entries of the answer. */
  issues: JSONColumnType<Hl7IssueRow[], string | undefined, string>;
  processed_at: NullableTimestamp;
  attempts: Generated<number>;
  reprocess_of: string | null;
}

/** DPH's severity of a data-quality rule, where it differs from the default (migrations/20261210125000). */
export interface Hl7DqSeverityTable {
  rule: string;
  severity: 'E' | 'W' | 'I' | 'ignore';
  version: Generated<number>;
  changed_by: string | null;
  changed_at: Timestamp;
}

/** Every change of a rule's severity. */
export interface Hl7DqSeverityChangeTable {
  id: Generated<number>;
  rule: string;
  from_severity: string;
  to_severity: string;
  version: number;
  reason: string;
  changed_by: string | null;
  changed_at: Timestamp;
}

export interface Hl7Tables {
  hl7_interfaces: Hl7InterfaceTable;
  hl7_interface_clinics: Hl7InterfaceClinicTable;
  hl7_messages: Hl7MessageTable;
  hl7_dq_severities: Hl7DqSeverityTable;
  hl7_dq_severity_changes: Hl7DqSeverityChangeTable;
}
