import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.ts';
import { DEMO_PASSWORD } from '../seed/demo-data.ts';
import { totp } from '../modules/access/index.ts';
import { attemptLogin, codeOf, NEEDS_POSTGRES, ON_POSTGRES, range } from './security.test-helpers.ts';

/**
 * A TOTP code is a one-time password: one that has signed in (or finished enrolment) once must not
 * sign in again, even within its 30 seconds. Someone who watched it being typed cannot reuse it.
 */
describe('TOTP codes are single-use', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer();
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const login = async (username: string, otp: string) => attemptLogin(s, { username, password: DEMO_PASSWORD, otp });

  it('refuses a code that already signed in once, and accepts the next one', async () => {
    const code = await codeOf(s, 'coordinator');
    const first = await login('coordinator', code);
    expect(first.statusCode).toBe(200);
    const cookie = first.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = (await s.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json();
    await s.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie, 'x-csrf-token': me.csrfToken } });

    const replay = await login('coordinator', code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().step).toBe('otp');
    // An earlier code (still inside the drift window) is no better than the one used.
    expect((await login('coordinator', await codeOf(s, 'coordinator', -1))).statusCode).toBe(401);

    s.clock.advance(30_000);
    expect((await login('coordinator', await codeOf(s, 'coordinator'))).statusCode).toBe(200);
  });

  it('refuses the code that finished MFA enrolment for the sign-in that follows', async () => {
    await s.ctx.db.updateTable('users').set({ mfa_secret: null, mfa_enrolled_at: null }).where('username', '=', 'ceo').execute();
    const first = await login('ceo', '000000');
    expect(first.json()).toEqual({ stage: 'mfa_enroll' });
    const cookie = first.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = (await s.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json();
    const headers = { cookie, 'x-csrf-token': me.csrfToken };
    const { secret } = (await s.app.inject({ method: 'POST', url: '/api/session/mfa/setup', headers })).json();
    const code = totp(secret, s.clock.now().getTime());
    const verified = await s.app.inject({ method: 'POST', url: '/api/session/mfa/verify', headers, payload: { otp: code } });
    expect(verified.json()).toEqual({ stage: 'active' });
    expect((await login('ceo', code)).statusCode).toBe(401);
  });

  it.skipIf(!ON_POSTGRES)(`lets exactly one of 10 parallel sign-ins with the same code through ${NEEDS_POSTGRES}`, async () => {
    s.clock.advance(30_000);
    const code = await codeOf(s, 'cmo');
    const results = await Promise.all(range(10).map(() => login('cmo', code)));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
  });
});
