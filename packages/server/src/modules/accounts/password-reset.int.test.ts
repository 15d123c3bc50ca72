import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { DEMO_PASSWORD } from '../../seed/demo-data.ts';
import { totp } from '../access/index.ts';
import { outboxTo, signInWith } from '../../testing/accounts.ts';

describe('password reset by e-mail link', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer();
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const ask = (usernameOrEmail: string) => s.app.inject({ method: 'POST', url: '/api/password-reset', payload: { usernameOrEmail } });
  const complete = (token: string, newPassword: string) =>
    s.app.inject({ method: 'POST', url: '/api/password-reset/complete', payload: { token, newPassword } });
  const otpOf = async (username: string) => {
    const u = await s.ctx.db.selectFrom('users').select('mfa_secret').where('username', '=', username).executeTakeFirstOrThrow();
    return totp(u.mfa_secret!, s.clock.now().getTime());
  };
  const lastToken = async (email: string) => {
    const mails = await outboxTo(s, email);
    const link = /\/reset-password\?token=([\w-]+)/.exec(mails.at(-1)!.body!);
    return link![1]!;
  };

  it('answers the same whether or not the account exists, and mails a link only to a real one', async () => {
    const known = await ask('clinicstaff');
    const unknown = await ask('nobody-here');
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toBe(known.body);
    const mails = await outboxTo(s, 'clinicstaff@demo.nutmeg.example');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).toContain('http://localhost:8080/reset-password?token=');
    const stored = await s.ctx.db.selectFrom('password_resets').selectAll().execute();
    expect(stored).toHaveLength(1);
    // Only the hash is stored, with a one-hour expiry.
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(mails[0]!.body).not.toContain(stored[0]!.token_hash);
    expect(stored[0]!.expires_at.getTime() - s.clock.now().getTime()).toBe(3_600_000);
  });

  it('sets the new password, ends the user’s sessions, spends the link and still asks for the MFA code', async () => {
    const session = await s.signIn('clinicstaff');
    await ask('clinicstaff@demo.nutmeg.example');
    const token = await lastToken('clinicstaff@demo.nutmeg.example');
    const weak = await complete(token, 'password');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields[0].path).toBe('newPassword');
    const done = await complete(token, 'lantern over the marsh');
    expect(done.json()).toEqual({ ok: true, username: 'clinicstaff' });
    expect((await s.app.inject({ method: 'GET', url: '/api/me', headers: session })).statusCode).toBe(401);
    expect((await signInWith(s, 'clinicstaff', DEMO_PASSWORD, await otpOf('clinicstaff'))).res.statusCode).toBe(401);
    const noOtp = await signInWith(s, 'clinicstaff', 'lantern over the marsh');
    expect(noOtp.res.json().step).toBe('otp');
    s.clock.advance(30_000); // the code of the sign-in above is spent
    const ok = await signInWith(s, 'clinicstaff', 'lantern over the marsh', await otpOf('clinicstaff'));
    expect(ok.res.json()).toEqual({ stage: 'active' });
    const reused = await complete(token, 'another fine password');
    expect(reused.statusCode).toBe(400);
    expect(reused.json().fields[0].path).toBe('token');
    // The earlier, unused link of the first test was spent too.
    const open = await s.ctx.db.selectFrom('password_resets').select('token_hash').where('used_at', 'is', null).execute();
    expect(open).toHaveLength(0);
    const actions = await s.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_username', '=', 'clinicstaff')
      .where('action', 'like', 'password.reset%')
      .execute();
    expect(actions.map((a) => a.action)).toContain('password.reset');
  });

  it('refuses a link older than one hour', async () => {
    await ask('cmo');
    const token = await lastToken('cmo@demo.nutmeg.example');
    s.clock.advance(61 * 60_000);
    const late = await complete(token, 'lantern over the marsh');
    expect(late.statusCode).toBe(400);
    s.clock.set(new Date());
  });

  it('sends nothing for an inactive account', async () => {
    await s.ctx.db.updateTable('users').set({ status: 'inactive' }).where('username', '=', 'ceo').execute();
    expect((await ask('ceo')).statusCode).toBe(200);
    expect(await outboxTo(s, 'ceo@demo.nutmeg.example')).toHaveLength(0);
  });
});
