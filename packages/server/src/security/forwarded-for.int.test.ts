import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createTestServer, type TestServer } from '../testing/test-server.ts';
import { DEMO_PASSWORD } from '../seed/demo-data.ts';
import { codeOf, range } from './security.test-helpers.ts';

/**
 * The server trusted X-Forwarded-For from anyone: a forged header moved the caller into a fresh
 * rate-limit bucket and wrote a made-up address into the audit log. A proxy is trusted only when
 * TRUST_PROXY names it.
 */

async function signInFrom(s: TestServer, forwardedFor: string, remoteAddress = '127.0.0.1') {
  return s.app.inject({
    method: 'POST',
    url: '/api/session',
    remoteAddress,
    headers: { 'x-forwarded-for': forwardedFor },
    payload: { username: 'clinicstaff', password: DEMO_PASSWORD, otp: await codeOf(s, 'clinicstaff') },
  });
}

async function lastLoginAddress(s: TestServer): Promise<string | null> {
  const row = await s.ctx.db
    .selectFrom('audit_log')
    .select('ip')
    .where('action', '=', 'login.success')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.ip;
}

describe('X-Forwarded-For without a configured proxy', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer({ RATE_LIMIT_PER_MINUTE: 5 });
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('records the real client address in the audit log, not the forged one', async () => {
    expect((await signInFrom(s, '203.0.113.66')).statusCode).toBe(200);
    expect(await lastLoginAddress(s)).toBe('127.0.0.1');
  });

  it('keeps a forged header from opening a fresh rate-limit bucket for each request', async () => {
    const statuses = [];
    for (const i of range(10)) {
      const res = await s.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } });
      statuses.push(res.statusCode);
    }
    expect(statuses.filter((c) => c === 429).length).toBeGreaterThanOrEqual(5);
  });
});

describe('X-Forwarded-For through a proxy named in TRUST_PROXY', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer({ TRUST_PROXY: ['127.0.0.1', '10.0.0.0/8'] });
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('takes the client address from the trusted proxy’s header', async () => {
    expect((await signInFrom(s, '203.0.113.67')).statusCode).toBe(200);
    expect(await lastLoginAddress(s)).toBe('203.0.113.67');
  });

  it('ignores the header when the request does not come from the proxy', async () => {
    s.clock.advance(30_000); // a fresh TOTP code: the last one was used
    expect((await signInFrom(s, '203.0.113.68', '192.0.2.99')).statusCode).toBe(200);
    expect(await lastLoginAddress(s)).toBe('192.0.2.99');
  });
});

describe('the TRUST_PROXY setting', () => {
  it('reads a list of addresses and CIDRs, and refuses anything else at start', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16 ::1' }).TRUST_PROXY).toEqual(['10.0.0.5', '10.1.0.0/16', '::1']);
    expect(loadConfig({}).TRUST_PROXY).toEqual([]);
    for (const bad of ['true', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });
});
