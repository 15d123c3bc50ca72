import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { DEMO_USERS } from '../../seed/demo-data.ts';
import { permissionsFor } from './permissions.ts';
import type { RoutePolicy } from '../../http.ts';

// One demo user per access type (DPH twice: an administrator with several roles, and a read-only analyst).
const USERS = DEMO_USERS;
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

function expectedAllowed(policy: RoutePolicy, user: (typeof USERS)[number]): boolean {
  if (policy === 'public' || policy === 'session' || policy === 'signed-in') return true;
  return permissionsFor({ accessType: user.accessType, dphRoles: user.dphRoles ?? [] }).has(policy);
}

describe('every API route × every access type', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer();
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('declares an access policy on every route', () => {
    const missing = s.app.routeTable.filter((r) => !r.policy).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    expect(s.app.routeTable.length).toBeGreaterThan(5);
  });

  // One test per user, each with room for every route the server has (the count grows with each module).
  it.each(USERS.map((u) => [u.username, u] as const))(
    'allows or denies each route exactly as its policy declares for %s',
    async (_name, user) => {
      const mismatches: string[] = [];
      let headers = await s.signIn(user.username);
      for (const route of s.app.routeTable) {
        const url = route.url.replace(/:[A-Za-z]+/g, PLACEHOLDER_ID);
        const send = () =>
          s.app.inject({
            method: route.method as 'GET',
            url,
            headers,
            ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
          });
        let res = await send();
        if (res.statusCode === 401 && route.policy !== 'public') {
          headers = await s.signIn(user.username); // an earlier route (sign-out) ended the session
          res = await send();
        }
        const deniedByPolicy = res.statusCode === 403 && res.json().step === 'policy';
        const allowed = expectedAllowed(route.policy!, user);
        if (allowed === deniedByPolicy) {
          mismatches.push(
            `${user.username} (${user.accessType}) ${route.method} ${route.url}: expected ${allowed ? 'allow' : 'deny'}, got ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
        }
      }
      expect(mismatches).toEqual([]);
    },
    180_000,
  );
});
