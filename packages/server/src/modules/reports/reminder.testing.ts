// Shared by the reminder/recall tests: the criteria they run on 2026-06-15 (24–35 months is born 2023-06-16 …
// 2024-06-15; nobody in it has had MMR), a complete address, and the two requests they all repeat.
import { expect } from 'vitest';
import type { TestServer } from '../../testing/test-server.ts';
import { REPORT_RUN_JOB } from './report-run.service.ts';

export type Headers = { cookie: string; 'x-csrf-token': string };

export const MMR_PARAMS = {
  ageFromMonths: 24,
  ageToMonths: 35,
  vaccineGroups: ['MMR'],
  status: 'both',
  windowFrom: '2026-06-01',
  windowTo: '2026-06-30',
};
export const MMR_CRITERIA = 'ageFromMonths=24&ageToMonths=35&vaccineGroups=MMR&status=both&windowFrom=2026-06-01&windowTo=2026-06-30';
export const HAMDEN_ADDRESS = [{ street: '12 Oak St', city: 'Hamden', state: 'CT', zip: '06514' }];

/** A new patient "<first> Runner" of the caller's clinic, with the Hamden address unless told otherwise. */
export async function addRunner(s: TestServer, h: Headers, first: string, dob: string, withAddress = true): Promise<void> {
  const payload = {
    sex: 'F',
    confirmNew: true,
    name: { first, last: 'Runner' },
    dob,
    ...(withAddress ? { addresses: HAMDEN_ADDRESS } : {}),
  };
  const r = await s.app.inject({ method: 'POST', url: '/api/patients', headers: h, payload });
  expect(r.statusCode, r.body).toBe(201);
}

/** Starts a background report run (202) and runs its job once; the run's id. */
export async function runReport(s: TestServer, h: Headers, kind: string, params: Record<string, unknown>): Promise<string> {
  const started = await s.app.inject({ method: 'POST', url: '/api/reports/runs', headers: h, payload: { kind, params } });
  expect(started.statusCode, started.body).toBe(202);
  expect(await s.runJobs([REPORT_RUN_JOB])).toBe(1);
  return started.json().id as string;
}
