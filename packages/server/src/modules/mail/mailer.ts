import nodemailer from 'nodemailer';
import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';

export interface MailMessage {
  to: string;
  subject: string;
  body: string;
}

/** Where notifications go: SMTP in production; every message is also kept in the outbox table. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * Writes every message to mail_outbox (the DPH dev outbox page reads it) and, when SMTP is
 * configured, delivers it, recording the send time or the error on the row.
 */
export function createMailer(db: Kysely<Database>, opts: { smtpUrl?: string | undefined; from: string }): Mailer {
  const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : undefined;
  return {
    async send(message) {
      const row = await db
        .insertInto('mail_outbox')
        .values({ to_address: message.to, subject: message.subject, body: message.body, transport: transport ? 'smtp' : 'outbox' })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (!transport) return;
      try {
        await transport.sendMail({ from: opts.from, to: message.to, subject: message.subject, text: message.body });
        await db.updateTable('mail_outbox').set({ sent_at: new Date() }).where('id', '=', row.id).execute();
      } catch (err) {
        await db
          .updateTable('mail_outbox')
          .set({ error: (err as Error).message })
          .where('id', '=', row.id)
          .execute();
      }
    },
  };
}
