import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.ts';
import { spellings } from './security.test-helpers.ts';

/**
 * The probe had 20 MB bodies parsed before sign-in. Bodies are small by default, smaller still on
 * public routes, and a caller without a session gets no body parsed on a route that needs one.
 */
describe('request body limits', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer();
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const json = (bytes: number) => JSON.stringify({ username: 'x'.repeat(bytes), password: 'y' });

  it('refuses a large body on a public route before parsing it', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: json(100_000),
    });
    expect(res.statusCode).toBe(413);
  });

  it('refuses a body over the default limit from a signed-in user', async () => {
    const h = await s.signIn('clinicstaff');
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: { ...h, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: { first: 'A'.repeat(1_000_000), last: 'B' } }),
    });
    expect(res.statusCode).toBe(413);
  });

  it('parses no body for a caller without a session, whatever the spelling of the path', async () => {
    for (const url of spellings('/api/patients')) {
      const res = await s.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: '{"broken json' });
      expect([401, 404], `${url}: ${res.statusCode} ${res.body.slice(0, 80)}`).toContain(res.statusCode);
    }
  });
});
