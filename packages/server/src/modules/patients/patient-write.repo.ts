// Writes that must hold under concurrency: row locks taken in a fixed order, and the optimistic version check
// done in the UPDATE itself. SQL only; the rules that use them are in the services.

import { sql } from 'kysely';
import type { Db, masterColumns } from './patient.repo.ts';

/**
 * Locks master rows for the rest of the transaction, in id order so that two transactions locking the same
 * pair never deadlock. Every write that reads a patient's state to decide (dose dedup, merge) takes it first.
 */
export async function lockPatients(db: Db, ids: readonly string[]): Promise<void> {
  await sql`SELECT id FROM patients WHERE id = ANY(${[...ids]}::uuid[]) ORDER BY id FOR UPDATE`.execute(db);
}

/**
 * Writes the master's columns only if it is still at `version` (one atomic statement: of two edits of one
 * version, the second finds the row changed and writes nothing). Returns the new version, or undefined.
 */
export async function updateMasterAtVersion(
  db: Db,
  id: string,
  version: number,
  cols: ReturnType<typeof masterColumns>,
  now: Date,
): Promise<number | undefined> {
  const row = await db
    .updateTable('patients')
    .set((eb) => ({ ...cols, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

/** A change that is not a demographic edit (merge, unmerge) still moves the version, so open edit forms go stale. */
export async function bumpVersion(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('patients')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .execute();
}

export async function currentVersion(db: Db, id: string): Promise<number> {
  const row = await db.selectFrom('patients').select('version').where('id', '=', id).executeTakeFirstOrThrow();
  return row.version;
}
