import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contextOn, jobHandlersOf } from '../../context-factory.ts';
import { buildRequest } from '../../testing/accounts.ts';
import { startFakeSmtp, type FakeSmtp } from '../../testing/fake-smtp.ts';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { MAX_ATTEMPTS, startJobWorker } from '../jobs/index.ts';
import { MAIL_DELIVERY_JOB } from './mailer.ts';

const REQUESTER = 'jordan.rivera@elmcitypeds.example';
const ACTIVATE = 'Nutmeg IIS: your account is approved — activate it';

function outboxRow(s: TestServer, subject: string) {
  return s.ctx.db
    .selectFrom('mail_outbox')
    .select(['id', 'body', 'sent_at', 'attempts', 'error', 'failed_at'])
    .where('subject', '=', subject)
    .executeTakeFirstOrThrow();
}

describe('mail through jobs (SMTP configured)', () => {
  let smtp: FakeSmtp;
  let s: TestServer;
  beforeAll(async () => {
    smtp = await startFakeSmtp();
    s = await createTestServer({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await s.shutdown();
    await smtp.close();
  });

  it('keeps the activation mail of an approval committed just before a crash, and a worker of another process delivers it', async () => {
    await s.app.inject({ method: 'POST', url: '/api/account-requests', payload: buildRequest() });
    const request = await s.ctx.db.selectFrom('account_requests').select('id').executeTakeFirstOrThrow();
    const dph = await s.signIn('dphadmin');
    const approved = await s.app.inject({ method: 'POST', url: `/api/account-requests/${request.id}/approve`, headers: dph, payload: {} });
    expect(approved.statusCode).toBe(200);

    // The process "dies" here: the request committed, and nothing in it talked to the mail server.
    const activation = () => smtp.messages.filter((m) => m.to.includes(REQUESTER) && /activate\?token=/.test(m.text));
    expect(activation()).toEqual([]);
    const queued = await outboxRow(s, ACTIVATE);
    const job = await s.ctx.db
      .selectFrom('jobs')
      .select(['status', 'payload'])
      .where('kind', '=', MAIL_DELIVERY_JOB)
      .where(({ eb }) => eb(eb.ref('payload', '->>').key('outboxId'), '=', queued.id))
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ status: 'queued', payload: { outboxId: queued.id } }); // the job holds no body, no link

    // Before delivery, the kept body (it holds the activation link) is not readable by anyone.
    const list = (await s.app.inject({ method: 'GET', url: '/api/outbox', headers: dph })).json();
    expect(list.messages.find((m: { id: string }) => m.id === queued.id)).toMatchObject({ hasBody: false, sentAt: null, error: null });
    expect((await s.app.inject({ method: 'GET', url: `/api/outbox/${queued.id}`, headers: dph })).statusCode).toBe(404);

    // Another process starts: its own context and mailer on the same database, its job worker.
    const restarted = await contextOn(s.ctx.db, s.ctx.config);
    const worker = startJobWorker(restarted.db, jobHandlersOf(restarted), 20);
    try {
      await expect.poll(() => activation().length, { timeout: 10_000 }).toBe(1);
    } finally {
      await worker.stop();
    }
    expect(activation()[0]!.text).toContain('Your username: jrivera');
    expect(await outboxRow(s, ACTIVATE)).toMatchObject({
      body: null,
      attempts: 1,
      error: null,
      failed_at: null,
      sent_at: expect.any(Date),
    });
  });
});

describe('mail through jobs when the SMTP server refuses', () => {
  let s: TestServer;
  beforeAll(async () => {
    // Nothing listens on port 9: every delivery attempt fails.
    s = await createTestServer({ SMTP_URL: 'smtp://127.0.0.1:9' });
  });
  afterAll(async () => {
    await s.shutdown();
  });
  afterEach(() => s.clock.set(new Date()));

  it('retries with growing waits, then marks the mail failed, clears its body and shows DPH the attempts', async () => {
    await s.app.inject({ method: 'POST', url: '/api/password-reset', payload: { usernameOrEmail: 'schoolnurse' } });
    const subject = 'Nutmeg IIS: reset your password';
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await s.deliverMail()).toBe(1);
      const row = await outboxRow(s, subject);
      expect(row).toMatchObject({ attempts: attempt, sent_at: null, error: expect.any(String) });
      if (attempt < MAX_ATTEMPTS) {
        expect(row.failed_at).toBeNull();
        expect(row.body).toMatch(/reset-password\?token=/); // kept until it is delivered or given up
        expect(await s.deliverMail()).toBe(0); // not before its wait is over
        s.clock.advance(2 ** attempt * 30_000 + 1000);
      }
    }
    expect(await outboxRow(s, subject)).toMatchObject({ attempts: MAX_ATTEMPTS, body: null, failed_at: expect.any(Date) });
    s.clock.advance(24 * 3_600_000);
    expect(await s.deliverMail()).toBe(0); // given up: no further attempt
    const job = await s.ctx.db
      .selectFrom('jobs')
      .select(['status', 'attempts'])
      .where('kind', '=', MAIL_DELIVERY_JOB)
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ status: 'failed', attempts: MAX_ATTEMPTS });

    const dph = await s.signIn('dphadmin');
    const [message] = (await s.app.inject({ method: 'GET', url: '/api/outbox', headers: dph })).json().messages;
    expect(message).toMatchObject({
      subject,
      sentAt: null,
      hasBody: false,
      error: expect.stringMatching(`^Not delivered after ${MAX_ATTEMPTS} attempts: `),
    });
  });
});
