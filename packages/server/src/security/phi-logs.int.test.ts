// A clinic's day against a server logging at its most verbose, with the log captured: searching, adding a
// child, recording a dose, printing the certificate. Not one name, date of birth, phone number, MRN or
// address of the child may reach a log line, and no API answer may be kept by a browser or proxy cache.
import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.ts';
import { MMR_DOSE, buildPatient, type Headers, type Method } from './data-battery.test-helpers.ts';

const CHILD = buildPatient({
  name: { first: 'Xiomara', last: 'Vandersloot' },
  dob: '2019-04-17',
  mothersMaidenName: 'Abernathy',
  addresses: [{ street: '41 Orange Street', city: 'New Haven', state: 'CT', zip: '06510' }],
  phones: [{ number: '203-555-0117' }],
  guardians: [{ name: { first: 'Lucinda', last: 'Vandersloot' }, relationship: 'MTH' }],
  identifiers: [{ type: 'MR', value: 'MRN-448812' }],
});
/** Everything about the child that identifies them, in the forms a log could carry it. */
const PHI = [
  'Xiomara',
  'Vandersloot',
  '2019-04-17',
  '04/17/2019',
  '20190417',
  '2035550117',
  '203-555-0117',
  '555-0117',
  'MRN-448812',
  'Abernathy',
  'Orange Street',
  'Orange+Street',
  'Lucinda',
];

describe('PHI in logs and caches', () => {
  let s: TestServer;
  let log = '';
  const responses: Array<{ method: string; url: string; res: LightMyRequestResponse }> = [];
  let iisId = '';
  let searched: LightMyRequestResponse;

  const call = async (h: Headers | undefined, method: Method, url: string, payload?: object) => {
    const res = await s.app.inject({ method, url, ...(h ? { headers: h } : {}), ...(payload ? { payload } : {}) });
    responses.push({ method, url, res });
    return res;
  };

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        log += chunk.toString('utf8');
        done();
      },
    });
    s = await createTestServer({ LOG_LEVEL: 'trace' }, { logStream: sink });
    s.clock.set(new Date('2026-11-20T15:00:00Z'));
    const clinic = await s.signIn('clinicstaff');
    await call(undefined, 'GET', '/api/health');
    await call(undefined, 'GET', '/api/me');
    const created = await call(clinic, 'POST', '/api/patients', CHILD);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    iisId = created.json().iisId as string;
    await call(clinic, 'POST', '/api/patients', { ...CHILD, confirmNew: false }); // 409 with the candidates
    await call(clinic, 'POST', '/api/patients/duplicates', { ...CHILD, confirmNew: undefined });
    searched = await call(clinic, 'POST', '/api/patients/search', { lastName: 'Vandersloot', firstName: 'Xiomara', dob: '2019-04-17' });
    await call(clinic, 'POST', '/api/patients/search', { phone: '203-555-0117' });
    await call(clinic, 'POST', '/api/patients/search', { mrn: 'MRN-448812' });
    await call(clinic, 'POST', '/api/patients/search', { iisId });
    // What an old client or a bookmarked page sends: the search in the query string.
    const legacy = new URLSearchParams({
      lastName: 'Vandersloot',
      firstName: 'Xiomara',
      dob: '2019-04-17',
      phone: '2035550117',
      mrn: 'MRN-448812',
      iisId,
    });
    await call(clinic, 'GET', `/api/patients?${legacy}`);
    await call(clinic, 'GET', `/patients?${legacy}`);
    const record = await call(clinic, 'GET', `/api/patients/${id}`);
    await call(clinic, 'PUT', `/api/patients/${id}`, {
      ...CHILD,
      version: record.json().version,
      notes: 'Moved from Vandersloot household',
    });
    const dose = await call(clinic, 'POST', `/api/patients/${id}/doses`, MMR_DOSE);
    await call(clinic, 'GET', `/api/patients/${id}/immunizations`);
    await call(clinic, 'GET', `/api/patients/${id}/forecast`);
    const pdf = await call(clinic, 'GET', `/api/patients/${id}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    await call(
      clinic,
      'DELETE',
      `/api/patients/${id}/doses/${dose.json().id}?reason=${encodeURIComponent('Xiomara Vandersloot: wrong child')}`,
    );
    await call(clinic, 'GET', `/api/patients/${id}/history`);
  }, 120_000);
  afterAll(async () => {
    await s.shutdown();
  });

  it('captured a verbose log of the run (the check below can fail)', () => {
    expect(log.split('\n').length).toBeGreaterThan(40);
    expect(log).toMatch(/"url":"\/api\/patients\//);
  });

  it('writes no name, date of birth, phone, MRN, address or IIS id of the child to any log line', () => {
    const found = [...PHI, iisId].filter((p) => log.includes(p));
    expect(
      found,
      log
        .split('\n')
        .filter((l) => found.some((p) => l.includes(p)))
        .join('\n'),
    ).toEqual([]);
  });

  it('searches with the criteria in a JSON body, never in the URL', () => {
    expect(searched.statusCode, searched.body).toBe(200);
    expect(searched.json().results[0]).toMatchObject({ name: { first: 'Xiomara', last: 'Vandersloot' } });
  });

  it('tells browsers and proxies not to store any API answer', () => {
    const api = responses.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(15);
    const cached = api.filter((r) => !/\bno-store\b/.test(String(r.res.headers['cache-control'] ?? '')));
    expect(cached.map((r) => `${r.method} ${r.url.split('?')[0]} ${r.res.statusCode}`)).toEqual([]);
  });
});
