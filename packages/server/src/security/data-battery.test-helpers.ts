// Shared by the data-protection battery (concurrency, audit, disclosure, logs, ids): a signed-in caller's
// requests and a patient factory with overridable defaults.
import { expect } from 'vitest';
import type { TestServer } from '../testing/test-server.ts';

export type Headers = { cookie: string; 'x-csrf-token': string };
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export function buildPatient(over: Record<string, unknown> = {}) {
  return {
    name: { first: 'Marisol', last: 'Quintero' },
    dob: '2019-04-17',
    sex: 'F',
    mothersMaidenName: 'Abernathy',
    addresses: [{ street: '41 Orange Street', city: 'New Haven', state: 'CT', zip: '06510' }],
    phones: [{ number: '203-555-0117' }],
    guardians: [{ name: { first: 'Lucia', last: 'Quintero' }, relationship: 'MTH' }],
    identifiers: [{ type: 'MR', value: 'MRN-448812' }],
    confirmNew: true,
    ...over,
  };
}

export function caller(s: TestServer) {
  const call = (h: Headers | undefined, method: Method, url: string, payload?: object) =>
    s.app.inject({ method, url, ...(h ? { headers: h } : {}), ...(payload ? { payload } : {}) });
  const create = async (h: Headers, body: object = buildPatient()) => {
    const res = await call(h, 'POST', '/api/patients', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; iisId: string };
  };
  return { call, create };
}

export const MMR_DOSE = {
  kind: 'administered',
  cvx: '03',
  lot: 'MMR2231',
  fundingSource: 'private',
  vfcEligibility: 'V01',
  date: '2020-04-20',
  site: 'LT',
  route: 'SC',
} as const;
