import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';

describe('the dev outbox with SMTP configured', () => {
  let s: TestServer;
  beforeAll(async () => {
    // Nothing listens on port 9: delivery fails, and the outbox must still show the message and why.
    s = await createTestServer({ SMTP_URL: 'smtp://127.0.0.1:9' });
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('lists what was sent through SMTP with its delivery state, and keeps no body', async () => {
    await s.app.inject({ method: 'POST', url: '/api/password-reset', payload: { usernameOrEmail: 'schoolnurse' } });
    await s.deliverMail();
    const dph = await s.signIn('dphadmin');
    const res = (await s.app.inject({ method: 'GET', url: '/api/outbox', headers: dph })).json();
    expect(res.smtpConfigured).toBe(true);
    expect(res.messages[0]).toMatchObject({
      to: 'schoolnurse@demo.nutmeg.example',
      subject: 'Nutmeg IIS: reset your password',
      transport: 'smtp',
      sentAt: null,
      error: expect.any(String),
      hasBody: false,
    });
    const body = await s.app.inject({ method: 'GET', url: `/api/outbox/${res.messages[0].id}`, headers: dph });
    expect(body.statusCode).toBe(404);
  });
});
