import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { DEMO_PASSWORD } from '../../seed/demo-data.ts';
import { totp } from './totp.ts';
import { createUser } from './user.service.ts';
import { verifyAuditChain } from '../audit/index.ts';

describe('sign-in and sessions', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer();
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const secretOf = async (username: string) =>
    (await s.ctx.db.selectFrom('users').select('mfa_secret').where('username', '=', username).executeTakeFirstOrThrow()).mfa_secret!;
  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    s.app.inject({ method: 'POST', url, payload, headers });

  it('answers health without sign-in', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok' });
  });

  it('says which step failed: password, then the missing and the wrong code', async () => {
    const bad = await post('/api/session', { username: 'clinicstaff', password: 'wrong-password-x' });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({ error: 'unauthenticated', step: 'password' });
    const noOtp = await post('/api/session', { username: 'clinicstaff', password: DEMO_PASSWORD });
    expect(noOtp.json()).toMatchObject({ step: 'otp' });
    const wrongOtp = await post('/api/session', { username: 'clinicstaff', password: DEMO_PASSWORD, otp: '000000' });
    expect(wrongOtp.json()).toMatchObject({ step: 'otp' });
  });

  it('returns the user, memberships, active scope and modules from /api/me', async () => {
    const h = await s.signIn('coordinator');
    const me = (await s.app.inject({ method: 'GET', url: '/api/me', headers: h })).json();
    expect(me.user.username).toBe('coordinator');
    expect(me.memberships).toHaveLength(2);
    expect(me.activeScope.accessType).toBe('primary_coordinator');
    expect(Object.keys(me.modules).sort()).toEqual(['clinicTools', 'inventory', 'patients', 'reports']);
  });

  it('switches the clinic the user acts for, and refuses a membership that is not theirs', async () => {
    const h = await s.signIn('coordinator');
    const me = (await s.app.inject({ method: 'GET', url: '/api/me', headers: h })).json();
    const other = me.memberships.find((m: { id: string }) => m.id !== me.activeScope.membershipId);
    const res = await s.app.inject({ method: 'PUT', url: '/api/session/scope', headers: h, payload: { membershipId: other.id } });
    expect(res.statusCode).toBe(200);
    const after = (await s.app.inject({ method: 'GET', url: '/api/me', headers: h })).json();
    expect(after.activeScope.organizationId).toBe(other.organizationId);
    const foreign = (await s.ctx.db.selectFrom('memberships').select('id').where('access_type', '=', 'dph').executeTakeFirstOrThrow()).id;
    const refused = await s.app.inject({ method: 'PUT', url: '/api/session/scope', headers: h, payload: { membershipId: foreign } });
    expect(refused.statusCode).toBe(403);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const h = await s.signIn('coordinator');
    const me = (await s.app.inject({ method: 'GET', url: '/api/me', headers: h })).json();
    const res = await s.app.inject({
      method: 'PUT',
      url: '/api/session/scope',
      headers: { cookie: h.cookie },
      payload: { membershipId: me.activeScope.membershipId },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().step).toBe('csrf');
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const h = await s.signIn('clinicstaff');
    s.clock.advance(31 * 60_000);
    const res = await s.app.inject({ method: 'GET', url: '/api/me', headers: h });
    expect(res.statusCode).toBe(401);
    s.clock.set(new Date());
  });

  it('ends a session after 12 hours even when active', async () => {
    const h = await s.signIn('clinicstaff');
    for (let i = 0; i < 25; i++) {
      s.clock.advance(29 * 60_000);
      const r = await s.app.inject({ method: 'GET', url: '/api/me', headers: h });
      if (i < 24) expect(r.statusCode).toBe(200);
      else expect(r.statusCode).toBe(401);
    }
    s.clock.set(new Date());
  });

  it('locks the account after 5 failed attempts, answering as for a wrong password', async () => {
    for (let i = 0; i < 5; i++) await post('/api/session', { username: 'backup', password: 'not-the-password' });
    const res = await post('/api/session', {
      username: 'backup',
      password: DEMO_PASSWORD,
      otp: totp(await secretOf('backup'), s.clock.now().getTime()),
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().step).toBe('password');
    s.clock.advance(16 * 60_000);
    const later = await post('/api/session', {
      username: 'backup',
      password: DEMO_PASSWORD,
      otp: totp(await secretOf('backup'), s.clock.now().getTime()),
    });
    expect(later.statusCode).toBe(200);
    s.clock.set(new Date());
  });

  it('takes a new account through temporary password change and MFA enrolment', async () => {
    const org = await s.ctx.db.selectFrom('organizations').select('id').where('pin', '=', 'CT1001').executeTakeFirstOrThrow();
    await createUser(
      s.ctx.db,
      {
        username: 'newbie',
        email: 'newbie@example.org',
        firstName: 'New',
        lastName: 'Bie',
        memberships: [{ organizationId: org.id, accessType: 'clinic_access' }],
        password: 'temp-pass-1234',
        temporary: true,
      },
      1024,
    );
    const login = await post('/api/session', { username: 'newbie', password: 'temp-pass-1234' });
    expect(login.json()).toEqual({ stage: 'password_change' });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = (await s.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json();
    const h = { cookie, 'x-csrf-token': me.csrfToken };
    // Restricted: nothing but finishing the set-up.
    expect(
      (await s.app.inject({ method: 'PUT', url: '/api/session/scope', headers: h, payload: { membershipId: me.memberships[0].id } }))
        .statusCode,
    ).toBe(401);
    const weak = await post('/api/session/password', { currentPassword: 'temp-pass-1234', newPassword: 'password1' }, h);
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields[0].path).toBe('newPassword');
    const changed = await post('/api/session/password', { currentPassword: 'temp-pass-1234', newPassword: 'quiet harbor lights' }, h);
    expect(changed.json()).toEqual({ stage: 'mfa_enroll' });
    const setup = (await post('/api/session/mfa/setup', {}, h)).json();
    expect(setup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const verified = await post('/api/session/mfa/verify', { otp: totp(setup.secret, s.clock.now().getTime()) }, h);
    expect(verified.json()).toEqual({ stage: 'active' });
    const final = (await s.app.inject({ method: 'GET', url: '/api/me', headers: h })).json();
    expect(final.stage).toBe('active');
    expect(Object.keys(final.modules).sort()).toEqual(['patients', 'reports']);
  });

  it('keeps an intact audit chain of all of the above', async () => {
    const check = await verifyAuditChain(s.ctx.db);
    expect(check.ok).toBe(true);
    expect(check.checked).toBeGreaterThan(10);
  });
});
