import nodemailer from 'nodemailer';
import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import { systemClock, type Clock } from '../../context.ts';
import { enqueueJob, type JobAttempt } from '../jobs/index.ts';
import * as outbox from './outbox.repo.ts';

export interface MailMessage {
  to: string;
  subject: string;
  body: string;
}

/** The job that delivers one queued message (payload: the outbox row's id, never the message). */
export const MAIL_DELIVERY_JOB = 'mail.deliver';

/** Where notifications go: SMTP in production, the development outbox without it. */
export interface Mailer {
  /**
   * Queues a message with the change that causes it: pass that change's transaction, so the message exists
   * exactly when the change does (a crash after the commit cannot lose it, a rollback cannot send it).
   * With SMTP the job worker delivers it, with retries; nothing waits for the SMTP server.
   */
  queue(db: Kysely<Database>, message: MailMessage): Promise<void>;
  /** Delivers one queued message (the mail job's handler); throws when the attempt failed, so the job is retried. */
  deliver(db: Kysely<Database>, outboxId: string, run: JobAttempt, now: Date): Promise<{ sent: boolean }>;
}

/**
 * Every message is recorded in mail_outbox. With SMTP configured its body is kept only until it is delivered
 * (or its last attempt failed), then only the metadata stays (to, subject, time, attempts, result): a body
 * may carry an activation or reset link, which nobody but its owner may see. Without SMTP (development)
 * there is no delivery, so the body is kept for the outbox page, where only an administrator can read it
 * and every read is audited.
 */
export function createMailer(opts: { smtpUrl?: string | undefined; from: string; clock?: Clock }): Mailer {
  const clock = opts.clock ?? systemClock;
  const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : undefined;
  return {
    async queue(db, message) {
      const write = async (trx: Kysely<Database>) => {
        const id = await outbox.insertMessage(trx, { ...message, transport: transport ? 'smtp' : 'outbox' });
        if (transport) await enqueueJob(trx, MAIL_DELIVERY_JOB, { outboxId: id }, clock.now());
      };
      await (db.isTransaction ? write(db) : db.transaction().execute(write));
    },
    async deliver(db, outboxId, run, now) {
      const m = await outbox.findUndelivered(db, outboxId);
      if (!transport || !m?.body) return { sent: false };
      try {
        await transport.sendMail({ from: opts.from, to: m.to_address, subject: m.subject, text: m.body });
      } catch (err) {
        const error = (err as Error).message;
        await outbox.recordFailedAttempt(db, m.id, { attempts: run.attempt, error, final: run.last, at: now });
        throw err;
      }
      await outbox.recordSent(db, m.id, run.attempt, now);
      return { sent: true };
    },
  };
}
