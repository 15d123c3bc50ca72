import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';

/** The only file that touches mail_outbox. */

export async function insertMessage(
  db: Kysely<Database>,
  m: { to: string; subject: string; body: string | null; transport: 'smtp' | 'outbox' },
): Promise<string> {
  const row = await db
    .insertInto('mail_outbox')
    .values({ to_address: m.to, subject: m.subject, body: m.body, transport: m.transport })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function recordDelivery(db: Kysely<Database>, id: string, result: { sentAt: Date } | { error: string }) {
  await db
    .updateTable('mail_outbox')
    .set('sentAt' in result ? { sent_at: result.sentAt } : { error: result.error })
    .where('id', '=', id)
    .execute();
}

const METADATA = ['id', 'to_address', 'subject', 'created_at', 'transport', 'sent_at', 'error'] as const;

/** Newest first, without bodies (whether one is kept is all the list says). */
export async function listMessages(db: Kysely<Database>, f: { limit: number; to?: string | undefined }) {
  let q = db
    .selectFrom('mail_outbox')
    .select([...METADATA, (eb) => eb('body', 'is not', null).as('has_body')])
    .orderBy('seq', 'desc')
    .limit(f.limit);
  if (f.to) q = q.where('to_address', '=', f.to);
  return q.execute();
}
export type OutboxRow = Awaited<ReturnType<typeof listMessages>>[number];

export async function findMessage(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('mail_outbox')
    .select([...METADATA, 'body'])
    .where('id', '=', id)
    .executeTakeFirst();
}
