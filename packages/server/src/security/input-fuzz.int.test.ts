// Hostile text in every field of every route, generated from the route table: a NUL byte, a lone UTF-16
// surrogate, and an impossible date. Each must get a 400 naming the field (or an auth refusal before the input
// is looked at), never a 500. A route added later is covered here without writing a test for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteInfo } from '../http.ts';
import { permissionsFor } from '../modules/access/index.ts';
import { DEMO_USERS } from '../seed/demo-data.ts';
import { createTestServer, type TestServer } from '../testing/test-server.ts';
import type { Headers } from './data-battery.test-helpers.ts';
import { sampleInput, withValueAt, type Path } from './schema-inputs.test-helpers.ts';

type Part = 'body' | 'querystring' | 'params';
interface Mutation {
  label: string;
  /** In a JSON body. */
  json: string;
  /** In a URL: percent-encoded as it would arrive (a lone surrogate is the invalid UTF-8 ED A0 80). */
  url: string;
  /** Must a plain text field refuse it too, or only a date field? */
  everywhere: boolean;
}
const MUTATIONS: Mutation[] = [
  { label: 'a NUL byte', json: 'ab\u0000cd', url: 'ab%00cd', everywhere: true },
  { label: 'a lone surrogate', json: 'ab\uD800cd', url: 'ab%ED%A0%80cd', everywhere: true },
  { label: 'an impossible date', json: '2023-02-30', url: '2023-02-30', everywhere: false },
];

function urlOf(
  route: RouteInfo,
  params: Record<string, unknown>,
  query: Record<string, unknown> | undefined,
  raw?: { part: Part; key: string; value: string },
) {
  let url = route.url.replace(/:([A-Za-z]+)/g, (_m, k: string) =>
    raw?.part === 'params' && raw.key === k ? raw.value : encodeURIComponent(String(params[k])),
  );
  const pairs = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${raw?.part === 'querystring' && raw.key === k ? raw.value : encodeURIComponent(String(v))}`);
  if (pairs.length) url += `?${pairs.join('&')}`;
  return url;
}

/** A demo user whose access passes the route's policy (any signed-in user for the generic policies). */
function userFor(route: RouteInfo): string | undefined {
  const p = route.policy;
  if (!p || p === 'public') return undefined;
  if (p === 'session' || p === 'signed-in') return 'dphadmin';
  return DEMO_USERS.find((u) => permissionsFor({ accessType: u.accessType, dphRoles: u.dphRoles ?? [] }).has(p))?.username;
}

describe('hostile text on every route (generated from the route table)', () => {
  let s: TestServer;
  const sessions = new Map<string, Headers>();
  beforeAll(async () => {
    s = await createTestServer();
  }, 60_000);
  afterAll(async () => {
    await s.shutdown();
  });

  async function send(route: RouteInfo, username: string | undefined, url: string, body: unknown) {
    const inject = async () => {
      let headers = username ? sessions.get(username) : undefined;
      if (username && !headers) sessions.set(username, (headers = await s.signIn(username)));
      const payload = body === undefined ? undefined : JSON.stringify(body);
      return s.app.inject({
        method: route.method as 'GET',
        url,
        headers: { ...headers, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(payload !== undefined ? { payload } : {}),
      });
    };
    let res = await inject();
    if (res.statusCode === 401 && username) {
      sessions.delete(username); // an earlier request (sign-out, password change) ended the session
      res = await inject();
    }
    return res;
  }

  it('answers 400 naming the field, never 500', async () => {
    const failures: string[] = [];
    let tried = 0;
    let datesTried = 0;
    for (const route of s.app.routeTable) {
      const user = userFor(route);
      const parts = {
        body: sampleInput(route.schema?.body),
        querystring: sampleInput(route.schema?.querystring),
        params: sampleInput(route.schema?.params),
      };
      const params = (parts.params.value ?? {}) as Record<string, unknown>;
      const query = parts.querystring.value as Record<string, unknown> | undefined;
      for (const part of ['body', 'querystring', 'params'] as const) {
        for (const leaf of parts[part].leaves) {
          for (const m of MUTATIONS) {
            const key = String(leaf.path[0]);
            const body = part === 'body' ? withValueAt(parts.body.value, leaf.path, m.json) : parts.body.value;
            const url = part === 'body' ? urlOf(route, params, query) : urlOf(route, params, query, { part, key, value: m.url });
            const res = await send(route, user, url, body);
            tried++;
            const where = `${route.method} ${route.url} ${part}.${leaf.path.join('.')} with ${m.label}`;
            if (res.statusCode >= 500) {
              failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 160)}`);
              continue;
            }
            if (!m.everywhere && !leaf.isDate) continue;
            if (!m.everywhere) datesTried++;
            if (res.statusCode === 401 || res.statusCode === 403) continue; // refused before the input was read
            // A path segment that is not UTF-8 cannot be routed, so the path as a whole is named.
            const expected = part === 'params' && m.url.includes('%ED') ? 'path' : dotted(leaf.path);
            const named = (res.json().fields as { path: string }[] | undefined)?.some((f) => f.path === expected);
            if (res.statusCode !== 400 || !named) failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 160)}`);
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(300);
    expect(datesTried).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  }, 300_000);
});

const dotted = (p: Path) => p.join('.');
