import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createTestServer, type TestServer } from '../testing/test-server.ts';
import { DEMO_USERS } from '../seed/demo-data.ts';
import { permissionsFor, type Permission } from '../modules/access/index.ts';
import type { RouteInfo } from '../http.ts';
import { concreteUrl, spellings } from './security.test-helpers.ts';

/**
 * The probe reached /api/outbox as /%61pi/outbox with no session: the auth hook tested the raw URL
 * while the router matched the decoded path. Here every registered route is attacked with every
 * spelling, without a session, with a session whose role lacks the route's permission, and without
 * the CSRF token. Authorization must follow the matched route, whatever the spelling.
 */

const HANDLER_DATA = 'undeclared-handler-data';
type Headers = { cookie?: string; 'x-csrf-token'?: string };

const holderOf = (p: Permission) => DEMO_USERS.find((u) => permissionsFor({ accessType: u.accessType, dphRoles: u.dphRoles ?? [] }).has(p));
const lackerOf = (p: Permission) =>
  DEMO_USERS.find((u) => !permissionsFor({ accessType: u.accessType, dphRoles: u.dphRoles ?? [] }).has(p));
const isPermission = (p: RouteInfo['policy']): p is Permission => !!p && !['public', 'session', 'signed-in'].includes(p);
const stepOf = (res: LightMyRequestResponse) => {
  try {
    return (res.json() as { step?: string }).step;
  } catch {
    return undefined;
  }
};

describe('authorization on the matched route, whatever the spelling of the path', () => {
  let s: TestServer;
  const sessions = new Map<string, Headers>();
  beforeAll(async () => {
    s = await createTestServer();
    // Routes a careless module (or plugin) might add without a policy: they must be refused, not served.
    s.app.get('/api/undeclared-probe', async () => ({ secret: HANDLER_DATA }));
    s.app.post('/api/undeclared-probe', async () => ({ secret: HANDLER_DATA }));
    s.app.get('/undeclared-page', async () => ({ secret: HANDLER_DATA }));
  });
  afterAll(async () => {
    await s.shutdown();
  });

  async function sessionOf(username: string): Promise<Headers> {
    let h = sessions.get(username);
    if (!h) sessions.set(username, (h = await s.signIn(username)));
    return h;
  }

  /** Requests as the route's method (plus HEAD and OPTIONS), every spelling; collects what was not refused. */
  async function attack(
    routes: RouteInfo[],
    who: (route: RouteInfo) => Promise<{ headers: Headers; accepts: (res: LightMyRequestResponse) => boolean } | null>,
    methods: (route: RouteInfo) => string[],
  ): Promise<string[]> {
    const leaks: string[] = [];
    for (const route of routes) {
      const as = await who(route);
      if (!as) continue;
      for (const url of spellings(concreteUrl(route))) {
        for (const method of methods(route)) {
          const opts: InjectOptions = { method: method as 'GET', url, headers: as.headers };
          if (!['GET', 'HEAD', 'OPTIONS', 'DELETE'].includes(method)) opts.payload = {};
          const res = await s.app.inject(opts);
          if (!as.accepts(res) || res.body.includes(HANDLER_DATA)) {
            leaks.push(
              `${method} ${url} (route ${route.method} ${route.url}, ${route.policy ?? 'no policy'}): ${res.statusCode} ${res.body.slice(0, 100)}`,
            );
          }
        }
      }
    }
    return leaks;
  }

  const guarded = () => s.app.routeTable.filter((r) => r.policy !== 'public');

  it('lists every route the server answers, /api or not, in the route table', () => {
    const urls = s.app.routeTable.map((r) => `${r.method} ${r.url}`);
    expect(urls).toContain('GET /api/outbox');
    expect(urls).toContain('GET /undeclared-page');
    expect(urls.some((u) => u.startsWith('GET /docs/api'))).toBe(true);
  });

  it('refuses every guarded route to a caller without a session', async () => {
    const leaks = await attack(
      guarded(),
      async () => ({ headers: {}, accepts: (res) => [401, 403, 404].includes(res.statusCode) }),
      (r) => [r.method, ...(r.method === 'GET' ? ['HEAD'] : []), 'OPTIONS'],
    );
    expect(leaks).toEqual([]);
  });

  it('refuses every permission route to a signed-in user whose access lacks it', async () => {
    const leaks = await attack(
      guarded(),
      async (route) => {
        const user = route.policy === undefined ? DEMO_USERS[0] : isPermission(route.policy) ? lackerOf(route.policy) : undefined;
        if (!user) return null;
        return {
          headers: await sessionOf(user.username),
          accepts: (res) => res.statusCode === 404 || (res.statusCode === 403 && stepOf(res) === 'policy'),
        };
      },
      (r) => [r.method],
    );
    expect(leaks).toEqual([]);
  });

  it('refuses every state-changing request without the CSRF token, even from a user who may make it', async () => {
    const leaks = await attack(
      guarded().filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method)),
      async (route) => {
        const user = isPermission(route.policy) ? holderOf(route.policy) : DEMO_USERS[0];
        if (!user) return null;
        const { cookie } = await sessionOf(user.username);
        const step = route.policy === undefined ? 'policy' : 'csrf';
        return { headers: { cookie }, accepts: (res) => res.statusCode === 404 || (res.statusCode === 403 && stepOf(res) === step) };
      },
      (r) => [r.method],
    );
    expect(leaks).toEqual([]);
  });

  it('refuses a route that declares no policy to everyone, signed in or not', async () => {
    const admin = await sessionOf('dphadmin');
    for (const [method, url] of [
      ['GET', '/api/undeclared-probe'],
      ['POST', '/api/undeclared-probe'],
      ['GET', '/undeclared-page'],
    ] as const) {
      for (const headers of [{}, admin]) {
        const res = await s.app.inject({ method, url, headers, ...(method === 'POST' ? { payload: {} } : {}) });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.body).not.toContain(HANDLER_DATA);
      }
    }
  });
});

describe('the web UI’s files and pages', () => {
  let s: TestServer;
  beforeAll(async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'nutmeg-web-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Nutmeg</title>');
    fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
    s = await createTestServer({ WEB_DIST: dist });
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('serves them as declared public content, and no data route through a page path', async () => {
    expect(s.app.routeTable).toContainEqual(expect.objectContaining({ method: 'GET', url: '/assets/app.js', policy: 'public' }));
    expect((await s.app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
    const page = await s.app.inject({ method: 'GET', url: '/%61pi/nothing-here' });
    expect(page.body).toContain('<title>Nutmeg</title>');
    expect((await s.app.inject({ method: 'POST', url: '/some/page', payload: {} })).statusCode).toBe(404);
  });
});
