import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.ts';
import { startFakeSmtp, type FakeSmtp } from '../testing/fake-smtp.ts';
import { buildRequest } from '../testing/accounts.ts';
import { addStaffUser, concreteUrl, sha256, userIdOf, type StaffUser } from './security.test-helpers.ts';

/**
 * The probe took over a newly approved account and a help-desk-reset account by reading the
 * credential from the outbox. Nobody but the owner may ever see a credential: with SMTP configured
 * the server keeps no mail body, and no route an administrator or approver can reach shows one.
 */

type Headers = Record<string, string>;
const TOKEN = /token=([A-Za-z0-9_-]{20,})/g;
const TEMPORARY_PASSWORD = /\b[A-Za-z0-9]{4}(?:-[A-Za-z0-9]{4}){3}\b/g;

/** The credentials a set of mails carries: link tokens and temporary passwords. */
function credentialsIn(texts: string[]): string[] {
  return [...new Set(texts.flatMap((t) => [...[...t.matchAll(TOKEN)].map((m) => m[1]!), ...(t.match(TEMPORARY_PASSWORD) ?? [])]))];
}

describe('no credential is visible to anyone but its owner (SMTP configured)', () => {
  let s: TestServer;
  let smtp: FakeSmtp;
  let admin: Headers;
  let approver: StaffUser;
  const responses: { who: string; what: string; body: string }[] = [];

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    s = await createTestServer({ SMTP_URL: smtp.url });
    approver = await addStaffUser(s, { username: 'approver1', accessType: 'dph', pins: ['DPH'], dphRoles: ['account_approver'] });
    admin = await s.signIn('dphadmin');
  });
  afterAll(async () => {
    await s.shutdown();
    await smtp.close();
  });

  async function record(who: string, headers: Headers, method: 'GET' | 'POST', url: string, payload?: object) {
    const res = await s.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    responses.push({ who, what: `${method} ${url}`, body: res.body });
    return res;
  }

  /** Every GET route an administrator or an approver can reach, with every id the test knows in its parameters. */
  async function readEverything() {
    const ids = [
      ...(await s.ctx.db.selectFrom('users').select('id').execute()).map((r) => r.id),
      ...(await s.ctx.db.selectFrom('account_requests').select('id').execute()).map((r) => r.id),
      ...(await s.ctx.db.selectFrom('mail_outbox').select('id').execute()).map((r) => r.id),
    ];
    const routes = s.app.routeTable.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'));
    for (const [who, headers] of [
      ['dphadmin', admin],
      ['approver1', await s.signIn(approver.username)],
    ] as const) {
      for (const route of routes) {
        const urls = route.url.includes(':') ? ids.map((id) => concreteUrl(route, id)) : [route.url];
        for (const url of urls) await record(who, headers, 'GET', url);
      }
    }
  }

  function exposures(secrets: string[]) {
    return responses.flatMap((r) => secrets.filter((x) => r.body.includes(x)).map((x) => `${r.who} ${r.what} shows ${x.slice(0, 6)}…`));
  }

  it('mails the new account an activation link that no administrator or approver can read afterwards', async () => {
    await s.app.inject({ method: 'POST', url: '/api/account-requests', payload: buildRequest() });
    const request = await s.ctx.db.selectFrom('account_requests').select('id').executeTakeFirstOrThrow();
    const approved = await record('dphadmin', admin, 'POST', `/api/account-requests/${request.id}/approve`, {});
    expect(approved.statusCode).toBe(200);
    await s.deliverMail(); // the job worker's part
    const secrets = credentialsIn(smtp.messages.filter((m) => m.to.includes('jordan.rivera@elmcitypeds.example')).map((m) => m.text));
    expect(secrets.length).toBeGreaterThan(0); // the owner did get a credential, by mail
    await readEverything();
    expect(exposures(secrets)).toEqual([]);
  });

  it('resets a password and an authenticator without the resetting administrator learning the new credential', async () => {
    const before = smtp.messages.length;
    const clinicstaff = await userIdOf(s, 'clinicstaff');
    const backup = await userIdOf(s, 'backup');
    expect((await record('dphadmin', admin, 'POST', `/api/users/${clinicstaff}/password-reset`, {})).statusCode).toBe(200);
    expect((await record('dphadmin', admin, 'POST', `/api/users/${backup}/mfa-reset`, {})).statusCode).toBe(200);
    expect((await s.app.inject({ method: 'POST', url: '/api/password-reset', payload: { usernameOrEmail: 'cmo' } })).statusCode).toBe(200);
    await s.deliverMail(); // the job worker delivers; no request waits for the mail server
    const secrets = credentialsIn(smtp.messages.slice(before).map((m) => m.text));
    expect(secrets.length).toBeGreaterThanOrEqual(2);
    await readEverything();
    expect(exposures(secrets)).toEqual([]);
  });

  it('shows no live link token in any response, mailed or not', async () => {
    const live = new Set((await s.ctx.db.selectFrom('password_resets').select('token_hash').execute()).map((r) => r.token_hash));
    expect(live.size).toBeGreaterThan(0);
    const shown = responses.flatMap((r) =>
      (r.body.match(/[A-Za-z0-9_-]{32,}/g) ?? []).filter((t) => live.has(sha256(t))).map(() => r.what),
    );
    expect(shown).toEqual([]);
  });

  it('keeps only metadata of each mail (to, subject, time, result) in the database', async () => {
    await s.deliverMail();
    const rows = await s.ctx.db.selectFrom('mail_outbox').select(['to_address', 'subject', 'body', 'sent_at']).execute();
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.filter((r) => r.body !== null)).toEqual([]);
    expect(rows.every((r) => r.sent_at !== null)).toBe(true);
  });
});

describe('the development outbox (no SMTP): bodies for the DPH administrator only, each read audited', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer();
    await s.app.inject({ method: 'POST', url: '/api/password-reset', payload: { usernameOrEmail: 'cmo' } });
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('lists mails without their bodies to an account approver and refuses the body', async () => {
    const approver = await addStaffUser(s, { username: 'approver2', accessType: 'dph', pins: ['DPH'], dphRoles: ['account_approver'] });
    const h = await s.signIn(approver.username);
    const list = await s.app.inject({ method: 'GET', url: '/api/outbox', headers: h });
    expect(list.statusCode).toBe(200);
    const [message] = list.json().messages;
    expect(message).toMatchObject({ to: 'cmo@demo.nutmeg.example', subject: 'Nutmeg IIS: reset your password' });
    expect(message).not.toHaveProperty('body');
    expect(list.body).not.toMatch(TOKEN);
    const body = await s.app.inject({ method: 'GET', url: `/api/outbox/${message.id}`, headers: h });
    expect(body.statusCode).toBe(403);
  });

  it('shows the body to the administrator and audits the read', async () => {
    const h = await s.signIn('dphadmin');
    const [message] = (await s.app.inject({ method: 'GET', url: '/api/outbox', headers: h })).json().messages;
    const res = await s.app.inject({ method: 'GET', url: `/api/outbox/${message.id}`, headers: h });
    expect(res.statusCode).toBe(200);
    expect(res.json().body).toMatch(TOKEN);
    const audit = await s.ctx.db
      .selectFrom('audit_log')
      .select(['actor_username', 'entity_id'])
      .where('action', '=', 'outbox.read')
      .execute();
    expect(audit).toEqual([{ actor_username: 'dphadmin', entity_id: message.id }]);
  });
});
