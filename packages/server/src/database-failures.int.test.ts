import { sql, type Kysely, type Transaction } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openPool, type Database } from '@nutmeg/db';
import { DEMO_PASSWORD } from './seed/index.ts';
import { createTestServer, type TestServer } from './testing/test-server.ts';

/** Holds an exclusive lock on `table` from another connection until release() (a stuck database, as requests see it). */
async function lockTable(url: string, table: string): Promise<{ release(): Promise<void> }> {
  const other = openPool(url, { poolSize: 1 });
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const done = other.db
    .transaction()
    .execute(async (trx: Transaction<Database>) => {
      await sql`LOCK TABLE ${sql.table(table)} IN ACCESS EXCLUSIVE MODE`.execute(trx);
      locked();
      await released;
    })
    .catch(() => {}); // the connection may be ended by the server shutting down
  await isLocked;
  return {
    async release() {
      release();
      await done;
      await other.close();
    },
  };
}

const signIn = (s: TestServer) =>
  s.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'clinicstaff', password: DEMO_PASSWORD } });

describe('a stuck or exhausted database', () => {
  let s: TestServer | undefined;
  afterEach(async () => {
    await s?.shutdown();
    s = undefined;
  });

  it('makes /api/health report the database down within its timeout instead of hanging', async () => {
    s = await createTestServer({ HEALTH_DB_TIMEOUT_MS: 300 }, { pool: { poolSize: 1 } });
    expect((await s.app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ status: 'ok', database: 'up' });
    const busy = sql`SELECT pg_sleep(2)`.execute(s.ctx.db as Kysely<Database>); // the only connection
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    const res = await s.app.inject({ method: 'GET', url: '/api/health' });
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'unavailable', database: 'down', error: 'the database did not answer within 300 ms' });
    await busy;
  });

  it('answers 503 with a clear message when a request runs past the statement timeout', async () => {
    s = await createTestServer({}, { pool: { statementTimeoutMs: 300 } });
    const lock = await lockTable(s.handle.url, 'users');
    try {
      const res = await signIn(s);
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ error: 'unavailable', title: expect.stringMatching(/did not finish this request in time/) });
    } finally {
      await lock.release();
    }
  });

  it('shuts down within a few seconds while a request waits on a stuck query', async () => {
    s = await createTestServer({ SHUTDOWN_GRACE_MS: 500 });
    const baseUrl = await s.app.listen({ port: 0, host: '127.0.0.1' });
    const lock = await lockTable(s.handle.url, 'users');
    const pending = fetch(`${baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'clinicstaff', password: DEMO_PASSWORD }),
    }).then(
      (r) => r.status,
      () => 'connection closed',
    );
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    await s.shutdown();
    s = undefined;
    // 0.5 s grace, 1 s more for the pool, the cancel, and dropping the test database: a few seconds even under load.
    expect(Date.now() - t0).toBeLessThan(6000);
    expect([503, 'connection closed']).toContain(await pending);
    await lock.release();
  });
});
