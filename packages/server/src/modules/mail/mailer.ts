import nodemailer from 'nodemailer';
import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import * as outbox from './outbox.repo.ts';

export interface MailMessage {
  to: string;
  subject: string;
  body: string;
}

/** Where notifications go: SMTP in production, the development outbox without it. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /**
   * Resolves when every message handed to send() so far is recorded and delivered (or failed).
   * Some routes send after answering, so that their time tells nothing; shutdown waits here.
   */
  idle(): Promise<void>;
}

/**
 * Every message is recorded in mail_outbox. With SMTP configured only its metadata is kept (to,
 * subject, time, delivery result): a body may carry an activation or reset link, which nobody but
 * its owner may see. Without SMTP (development) there is no delivery, so the body is kept for the
 * outbox page, where only an administrator can read it and every read is audited.
 */
export function createMailer(db: Kysely<Database>, opts: { smtpUrl?: string | undefined; from: string }): Mailer {
  const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : undefined;
  const pending = new Set<Promise<void>>();
  async function deliver(message: MailMessage): Promise<void> {
    const id = await outbox.insertMessage(db, {
      to: message.to,
      subject: message.subject,
      body: transport ? null : message.body,
      transport: transport ? 'smtp' : 'outbox',
    });
    if (!transport) return;
    try {
      await transport.sendMail({ from: opts.from, to: message.to, subject: message.subject, text: message.body });
      await outbox.recordDelivery(db, id, { sentAt: new Date() });
    } catch (err) {
      await outbox.recordDelivery(db, id, { error: (err as Error).message });
    }
  }
  return {
    send(message) {
      const p = deliver(message).finally(() => pending.delete(p));
      pending.add(p);
      return p;
    },
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}
