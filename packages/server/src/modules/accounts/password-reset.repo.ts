// SQL for password and activation links (password_resets): only the sha256 of each token is stored.
import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';

export async function insertPasswordReset(
  db: Kysely<Database>,
  r: { tokenHash: string; userId: string; purpose: 'reset' | 'activation'; now: Date; expiresAt: Date },
) {
  await db
    .insertInto('password_resets')
    .values({ token_hash: r.tokenHash, user_id: r.userId, purpose: r.purpose, created_at: r.now, expires_at: r.expiresAt })
    .execute();
}

export async function findPasswordReset(db: Kysely<Database>, tokenHash: string) {
  return db.selectFrom('password_resets').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Marks the token used; false when it already was (a concurrent completion). */
export async function spendPasswordReset(db: Kysely<Database>, tokenHash: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A reset or a new password makes every other outstanding link of the user useless. */
export async function spendAllPasswordResets(db: Kysely<Database>, userId: string, now: Date) {
  await db.updateTable('password_resets').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}
