import crypto from 'node:crypto';
import type { TestServer } from '../testing/test-server.ts';
import type { RouteInfo } from '../http.ts';
import { createUser, generateTotpSecret, totp, type AccessType, type DphRole } from '../modules/access/index.ts';
import { DEMO_PASSWORD } from '../seed/demo-data.ts';

/** Shared pieces of the attack battery: route spellings, extra staff users, sign-in by hand. */

export const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

/** Real PostgreSQL runs requests in parallel; PGlite runs one query at a time, so races cannot happen there. */
export const ON_POSTGRES = !!process.env.TEST_DATABASE_URL;
export const NEEDS_POSTGRES = '(needs real concurrency: runs on PostgreSQL, set TEST_DATABASE_URL; skipped on PGlite)';

/** The route's URL with every parameter (and a trailing wildcard) filled in. */
export function concreteUrl(route: Pick<RouteInfo, 'url'>, id = PLACEHOLDER_ID): string {
  return route.url.replace(/:[A-Za-z]+/g, id).replace(/\*$/, 'x');
}

const pct = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/**
 * The spellings of one path that a router might match as the same route while a check on the raw URL
 * would not: percent-encoding (one letter, every letter), doubled slashes, dot segments, case, a
 * trailing slash, an encoded slash and dot, and a parent segment.
 */
export function spellings(path: string): string[] {
  const [first = '', ...rest] = path.split('/').filter(Boolean);
  const tail = rest.length ? `/${rest.join('/')}` : '';
  const variants = [
    path,
    `/${first.replace(/^./, pct)}${tail}`,
    path.replace(/[a-z]/gi, pct),
    `/${path}`,
    `/${first}/${tail}`,
    `/./${first}${tail}`,
    `/${first}/.${tail}`,
    `/%2e/${first}${tail}`,
    `/x/../${first}${tail}`,
    path.toUpperCase(),
    `/${first.toUpperCase()}${tail}`,
    `${path}/`,
    `${path}//`,
    `/${first}%2f${rest.join('/')}`,
    `${path}?`,
    `${path}#x`,
  ];
  return [...new Set(variants)];
}

export interface StaffUser {
  id: string;
  username: string;
  email: string;
  password: string;
  secret: string;
}

/**
 * A signed-up, MFA-enrolled user for an attack (the demo has no DPH user with one role only).
 * Uses the demo password and a fresh TOTP secret, so `s.signIn(username)` works for it too.
 */
export async function addStaffUser(
  s: TestServer,
  u: {
    username: string;
    accessType: AccessType;
    pins: string[];
    dphRoles?: DphRole[];
    email?: string;
    firstName?: string;
    lastName?: string;
  },
): Promise<StaffUser> {
  const orgs = await s.ctx.db.selectFrom('organizations').select(['id', 'pin']).where('pin', 'in', u.pins).execute();
  const secret = generateTotpSecret();
  const email = u.email ?? `${u.username}@dph.example`;
  const created = await createUser(
    s.ctx.db,
    {
      username: u.username,
      email,
      firstName: u.firstName ?? u.username,
      lastName: u.lastName ?? 'Tester',
      memberships: orgs.map((o) => ({ organizationId: o.id, accessType: u.accessType })),
      dphRoles: u.dphRoles ?? [],
      password: DEMO_PASSWORD,
      temporary: false,
      mfaSecret: secret,
    },
    s.ctx.config.ARGON2_MEMORY_KIB,
    s.clock.now(),
  );
  return { id: created.id, username: created.username, email, password: DEMO_PASSWORD, secret };
}

export async function userIdOf(s: TestServer, username: string): Promise<string> {
  return (await s.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

export async function secretOf(s: TestServer, username: string): Promise<string> {
  return (await s.ctx.db.selectFrom('users').select('mfa_secret').where('username', '=', username).executeTakeFirstOrThrow()).mfa_secret!;
}

/** The current code of a user's authenticator, at the test server's clock (optionally some steps later). */
export async function codeOf(s: TestServer, username: string, stepsLater = 0): Promise<string> {
  return totp(await secretOf(s, username), s.clock.now().getTime() + stepsLater * 30_000);
}

/** One sign-in attempt, from a chosen client address. */
export function attemptLogin(s: TestServer, body: { username: string; password: string; otp?: string }, remoteAddress = '127.0.0.1') {
  return s.app.inject({ method: 'POST', url: '/api/session', payload: body, remoteAddress });
}

/** A wrong 6-digit code that is not accepted at the server's clock (not the current code nor its neighbours). */
export function wrongCode(secret: string, atMs: number, seed: number): string {
  const valid = new Set([-1, 0, 1].map((d) => totp(secret, atMs + d * 30_000)));
  for (let n = seed; ; n++) {
    const code = String((n * 7919) % 1_000_000).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

export const sha256 = (v: string) => crypto.createHash('sha256').update(v).digest('hex');

export const range = (n: number) => Array.from({ length: n }, (_, i) => i);
