import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';

/** The only file that touches mail_outbox. */

type Db = Kysely<Database>;

export async function insertMessage(
  db: Db,
  m: { to: string; subject: string; body: string; transport: 'smtp' | 'outbox' },
): Promise<string> {
  const row = await db
    .insertInto('mail_outbox')
    .values({ to_address: m.to, subject: m.subject, body: m.body, transport: m.transport })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A message still waiting for delivery (with its body), or undefined once delivered or failed. */
export function findUndelivered(db: Db, id: string) {
  return db
    .selectFrom('mail_outbox')
    .select(['id', 'to_address', 'subject', 'body'])
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .executeTakeFirst();
}

/** Delivered: the body goes (it may hold a single-use link); only the metadata stays. */
export async function recordSent(db: Db, id: string, attempts: number, at: Date): Promise<void> {
  await db.updateTable('mail_outbox').set({ sent_at: at, attempts, error: null, body: null }).where('id', '=', id).execute();
}

/** A failed attempt; the last one also clears the body and marks the message failed. */
export async function recordFailedAttempt(db: Db, id: string, f: { attempts: number; error: string; final: boolean; at: Date }) {
  await db
    .updateTable('mail_outbox')
    .set({ attempts: f.attempts, error: f.error, ...(f.final ? { failed_at: f.at, body: null } : {}) })
    .where('id', '=', id)
    .execute();
}

const METADATA = ['id', 'to_address', 'subject', 'created_at', 'transport', 'sent_at', 'error', 'attempts', 'failed_at'] as const;

/** Newest first, without bodies (whether one is readable is all the list says). */
export async function listMessages(db: Db, f: { limit: number; to?: string | undefined }) {
  let q = db
    .selectFrom('mail_outbox')
    .select([...METADATA, (eb) => eb('body', 'is not', null).as('has_body')])
    .orderBy('seq', 'desc')
    .limit(f.limit);
  if (f.to) q = q.where('to_address', '=', f.to);
  return q.execute();
}
export type OutboxRow = Awaited<ReturnType<typeof listMessages>>[number];

export async function findMessage(db: Db, id: string) {
  return db
    .selectFrom('mail_outbox')
    .select([...METADATA, 'body'])
    .where('id', '=', id)
    .executeTakeFirst();
}
