import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.ts';
import { README_PATIENT, seedNamedDemoPatients } from './demo-patients.ts';

describe('the named demo patients', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer();
    await seedNamedDemoPatients(s.ctx.db);
    await seedNamedDemoPatients(s.ctx.db);
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('are seeded once, and the README names the one to search for with its date of birth', async () => {
    const rows = await s.ctx.db
      .selectFrom('patients')
      .select(['first_name', 'last_name', 'dob'])
      .where('last_name', '=', README_PATIENT.last)
      .execute();
    expect(rows).toEqual([{ first_name: README_PATIENT.first, last_name: README_PATIENT.last, dob: README_PATIENT.dob }]);
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../README.md'), 'utf8');
    expect(readme).toContain(`${README_PATIENT.first} ${README_PATIENT.last}`);
    expect(readme).toContain(README_PATIENT.dob);
  });

  it('can be found by name and date of birth, with Elm City Pediatrics as the medical home and one dose that does not count', async () => {
    const h = await s.signIn('clinicstaff');
    const found = await s.app.inject({
      method: 'POST',
      url: '/api/patients/search',
      payload: { lastName: README_PATIENT.last, firstName: README_PATIENT.first, dob: README_PATIENT.dob },
      headers: h,
    });
    const id = found.json().results[0].id as string;
    expect((await s.app.inject({ method: 'GET', url: `/api/patients/${id}`, headers: h })).json().owner.name).toBe('Elm City Pediatrics');
    const forecast = (await s.app.inject({ method: 'GET', url: `/api/patients/${id}/forecast?asOf=2026-12-07`, headers: h })).json();
    const invalid = forecast.evaluations.filter((e: { status: string }) => e.status === 'Not Valid');
    expect(new Set(invalid.map((e: { date: string }) => e.date))).toEqual(new Set(['2024-08-02']));
    expect(invalid[0].reasons).toContain('Interval: Too Soon');
  });
});
