import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { DbHandle } from './create-db.ts';
import { describeDatabaseFailure } from './db-errors.ts';
import { createTestDb } from './testing.ts';

describe('the database pool', () => {
  let h: DbHandle | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('cancels a statement that runs past the statement timeout, with an error that says so', async () => {
    h = await createTestDb({ statementTimeoutMs: 300 });
    const t0 = Date.now();
    const err = await sql`SELECT pg_sleep(10)`.execute(h.db).catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(describeDatabaseFailure(err)).toMatch(/did not finish this request in time \(statement timeout\)/);
  });

  it('runs its statements without the JIT compiler', async () => {
    h = await createTestDb();
    const { rows } = await sql<{ jit: string }>`SHOW jit`.execute(h.db);
    expect(rows[0]?.jit).toBe('off');
  });

  it('fails a query that waits past the connect timeout for a free connection, with an error that says so', async () => {
    h = await createTestDb({ poolSize: 1, connectTimeoutMs: 300 });
    const busy = sql`SELECT pg_sleep(3)`.execute(h.db);
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    const err = await sql`SELECT 1`.execute(h.db).catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(2500);
    expect(describeDatabaseFailure(err)).toMatch(/No database connection became free in time/);
    await busy;
  });

  it('closes within seconds while a query is stuck, cancelling it', async () => {
    h = await createTestDb();
    const stuck = sql`SELECT pg_sleep(60)`.execute(h.db).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    await h.close();
    expect(Date.now() - t0).toBeLessThan(6000);
    expect(await stuck).toBeInstanceOf(Error);
  });

  it('leaves other errors to the caller', () => {
    expect(describeDatabaseFailure(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBeUndefined();
  });
});
