import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '@nutmeg/db/testing';
import type { DbHandle } from '@nutmeg/db';
import { testConfig } from './config.ts';
import { createServer, type Server } from './server.ts';
import { seedDemo, seedReference, DEMO_PASSWORD } from './seed/index.ts';
import { totp } from './modules/access/index.ts';

// The app process keeps no state of its own: sessions (and jobs) live in the database, so any
// process can serve any request. Two app instances on one database show it.
describe('two app instances on one database', () => {
  let handle: DbHandle;
  let a: Server;
  let b: Server;
  beforeAll(async () => {
    handle = await createTestDb();
    const config = testConfig();
    const seedCtx = { db: handle.db, config };
    await seedReference(seedCtx);
    await seedDemo(seedCtx);
    // Same database, separate apps; only the last shutdown closes the database.
    a = await createServer(config, { handle: { ...handle, close: async () => {} } });
    b = await createServer(config, { handle });
  });
  afterAll(async () => {
    await a.shutdown();
    await b.shutdown();
  });

  it('accepts on one instance a session opened on the other, and ends it everywhere on sign-out', async () => {
    const user = await handle.db.selectFrom('users').select('mfa_secret').where('username', '=', 'cmo').executeTakeFirstOrThrow();
    const login = await a.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'cmo', password: DEMO_PASSWORD, otp: totp(user.mfa_secret!, Date.now()) },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const meOnB = await b.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(meOnB.statusCode).toBe(200);
    expect(meOnB.json().user.username).toBe('cmo');
    const out = await b.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie, 'x-csrf-token': meOnB.json().csrfToken } });
    expect(out.statusCode).toBe(200);
    const meOnA = await a.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(meOnA.statusCode).toBe(401);
  });
});
