/** One outgoing message as the outbox lists it: metadata only, never the body. */
export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  createdAt: string;
  /** 'smtp' (delivered through the configured server) or 'outbox' (development: kept here, not delivered). */
  transport: string;
  sentAt: string | null;
  error: string | null;
  /** A body is kept only without SMTP (development), and only an administrator may read it (audited). */
  hasBody: boolean;
}

export interface OutboxList {
  smtpConfigured: boolean;
  messages: OutboxMessage[];
}

export interface OutboxMessageWithBody extends OutboxMessage {
  body: string;
}
