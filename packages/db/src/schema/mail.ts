import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns.ts';

// Owned by modules/mail: the outbox.

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

export interface MailTables {
  mail_outbox: MailOutboxTable;
}
