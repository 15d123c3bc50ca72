// SQL for the per-user count of look-ups by identifier (patient_lookup_counts).
import { sql } from 'kysely';
import type { Db } from './patient.repo.ts';

/** Counts one more look-up in the user's window, atomically (parallel requests each get their own number). */
export async function incrementLookups(db: Db, userId: string, windowStart: Date): Promise<number> {
  const row = await db
    .insertInto('patient_lookup_counts')
    .values({ user_id: userId, window_start: windowStart, lookups: 1 })
    .onConflict((oc) => oc.columns(['user_id', 'window_start']).doUpdateSet({ lookups: sql`patient_lookup_counts.lookups + 1` }))
    .returning('lookups')
    .executeTakeFirstOrThrow();
  return row.lookups;
}

/** Marks the window alerted; true for exactly one caller, however many cross the threshold at once. */
export async function markAlerted(db: Db, userId: string, windowStart: Date, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('patient_lookup_counts')
    .set({ alerted_at: now })
    .where('user_id', '=', userId)
    .where('window_start', '=', windowStart)
    .where('alerted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function alertedWindowsSince(db: Db, since: Date) {
  return db
    .selectFrom('patient_lookup_counts')
    .select(['user_id', 'window_start', 'lookups', 'alerted_at'])
    .where('alerted_at', '>=', since)
    .orderBy('alerted_at', 'desc')
    .limit(500)
    .execute();
}
