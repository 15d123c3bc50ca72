// A merged record answers 404 with a pointer to the record it went into: that pointer is itself a disclosure,
// so it goes only to callers who may open the surviving record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.ts';
import { buildPatient, caller, type Headers } from './data-battery.test-helpers.ts';

describe('the 404 of a merged record', () => {
  let s: TestServer;
  let api: ReturnType<typeof caller>;
  let clinic: Headers;
  let dph: Headers;
  let director: Headers;
  let inHamden = '';
  let inNewHaven = '';

  const living = (city: string, first: string) =>
    buildPatient({
      name: { first, last: 'Merriweather' },
      addresses: [{ street: '9 Dixwell Avenue', city, state: 'CT', zip: '06514' }],
      identifiers: [],
    });

  beforeAll(async () => {
    s = await createTestServer();
    api = caller(s);
    clinic = await s.signIn('clinicstaff');
    dph = await s.signIn('dphadmin');
    director = await s.signIn('healthdirector'); // Hamden, North Haven, Bethany, Woodbridge
    inHamden = (await api.create(clinic, living('Hamden', 'Della'))).id;
    inNewHaven = (await api.create(clinic, living('New Haven', 'Delia'))).id;
    const merged = await api.call(dph, 'POST', '/api/patient-merges', { survivorId: inNewHaven, mergedId: inHamden, reason: 'Same child' });
    expect(merged.statusCode, merged.body).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await s.shutdown();
  });

  it('names the surviving record to a caller who may open it', async () => {
    for (const who of [dph, clinic]) {
      const res = await api.call(who, 'GET', `/api/patients/${inHamden}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().mergedInto).toBe(inNewHaven);
    }
  });

  it('does not name the surviving record to a caller who may not open it', async () => {
    expect((await api.call(director, 'GET', `/api/patients/${inNewHaven}`)).statusCode).toBe(404);
    const res = await api.call(director, 'GET', `/api/patients/${inHamden}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(inNewHaven);
    expect(res.json().mergedInto).toBeUndefined();
  });

  it('stops naming it once the surviving record is opted out', async () => {
    await api.call(dph, 'PUT', `/api/patients/${inNewHaven}/opt-out`, { optedOut: true, reason: 'Signed written request' });
    const res = await api.call(clinic, 'GET', `/api/patients/${inHamden}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(inNewHaven);
    expect((await api.call(dph, 'GET', `/api/patients/${inHamden}`)).json().mergedInto).toBe(inNewHaven);
  });
});
