// Test helper of the immunizations database tests: a server whose clock is set, a Clinic Access user signed in,
// and one patient created by that clinic.
import { expect } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';

export type Headers = { cookie: string; 'x-csrf-token': string };

function requestsAs(s: TestServer, headers: Headers) {
  return (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    s.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
}

export interface ClinicPatient {
  s: TestServer;
  clinic: Headers;
  patientId: string;
  /** A request as the clinic user. */
  call: ReturnType<typeof requestsAs>;
}

export async function clinicPatient(
  now: string,
  patient: { name: { first: string; last: string }; dob: string; sex: string },
): Promise<ClinicPatient> {
  const s = await createTestServer();
  s.clock.set(new Date(now));
  const clinic = await s.signIn('clinicstaff');
  const call = requestsAs(s, clinic);
  const created = await call('POST', '/api/patients', { ...patient, confirmNew: true });
  expect(created.statusCode, created.body).toBe(201);
  return { s, clinic, patientId: created.json().id as string, call };
}
