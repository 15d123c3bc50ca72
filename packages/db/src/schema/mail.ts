import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns.ts';

// Owned by modules/mail: the outbox.

export interface MailOutboxTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  /** Kept without SMTP (development); with SMTP only until delivered or failed for good, then cleared. */
  body: string | null;
  transport: string;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
  /** The last delivery attempt's error. */
  error: string | null;
  /** Delivery attempts made (SMTP). */
  attempts: Generated<number>;
  /** Set when the last attempt failed: the message will not be delivered. */
  failed_at: NullableTimestamp;
  /** Write order (created_at ties within a transaction). */
  seq: Generated<number>;
}

export interface MailTables {
  mail_outbox: MailOutboxTable;
}
