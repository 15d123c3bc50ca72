// Transactions that compose: a service runs in its caller's transaction when it is given one (`ctx.db` or a
// `trx` that is already a transaction), so a whole HL7 message, an import row or a merge commits or rolls
// back as one; called on its own it opens its own, as before.
import { sql, type Kysely } from 'kysely';

/** Runs `fn` in `db` when it is already a transaction, otherwise in a new one. */
export function inTransaction<D, T>(db: Kysely<D>, fn: (trx: Kysely<D>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/**
 * Runs `fn` inside a savepoint of the transaction `trx`: when it throws, only its own writes are undone and the
 * transaction stays usable (a caller that refuses one item of a message and keeps the others needs this; a
 * failed statement would otherwise abort the whole transaction).
 */
export async function withSavepoint<D, T>(trx: Kysely<D>, fn: () => Promise<T>): Promise<T> {
  if (!trx.isTransaction) return fn(); // each service call is then its own transaction already
  // One name for every level: PostgreSQL resolves RELEASE / ROLLBACK TO to the newest savepoint of that name,
  // which is this call's one since they nest strictly.
  await sql`SAVEPOINT nutmeg_item`.execute(trx);
  try {
    const out = await fn();
    await sql`RELEASE SAVEPOINT nutmeg_item`.execute(trx);
    return out;
  } catch (e) {
    // ROLLBACK TO keeps the savepoint: release it too, so that the enclosing level's name is the newest again.
    await sql`ROLLBACK TO SAVEPOINT nutmeg_item`.execute(trx);
    await sql`RELEASE SAVEPOINT nutmeg_item`.execute(trx);
    throw e;
  }
}
