// Long reports as background runs: queued with the filters, run by the job as the user who asked (same answer as
// on screen), progress and result kept for that user only, CSV later; a user removed since gets a failed run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { FORECAST_REFRESH_JOB } from '../recommender/index.ts';
import { REPORT_RUN_JOB } from './report-run.service.ts';

type Headers = Record<string, string>;
const PARAMS = { preset: 'child', assessmentDate: '2026-06-15', by: 'town' };

describe('report runs', () => {
  let s: TestServer;
  let dph: Headers;
  let clinic: Headers;
  const call = (h: Headers, method: 'GET' | 'POST', url: string, payload?: object) =>
    s.app.inject({ method, url, headers: h, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2026-06-15T15:00:00Z'));
    clinic = await s.signIn('clinicstaff');
    dph = await s.signIn('dphanalyst');
    for (const [first, dob] of [
      ['Runa', '2024-01-10'],
      ['Sten', '2024-03-02'],
    ]) {
      const r = await call(clinic, 'POST', '/api/patients', {
        name: { first, last: 'Background' },
        dob,
        sex: 'F',
        addresses: [{ street: '1 Dixwell Ave', city: 'Hamden', state: 'CT', zip: '06514' }],
        confirmNew: true,
      });
      expect(r.statusCode, r.body).toBe(201);
      const d = await call(clinic, 'POST', `/api/patients/${r.json().id}/doses`, {
        kind: 'administered',
        cvx: '20',
        date: '2026-06-01',
        lot: 'L1',
        fundingSource: 'private',
        vfcEligibility: 'V01',
      });
      expect(d.statusCode, d.body).toBe(201);
    }
    await s.runJobs([FORECAST_REFRESH_JOB]);
  });
  afterAll(async () => {
    await s.shutdown();
  });

  let runId = '';
  it('queues statewide coverage as a run that only its requester sees, then keeps the job’s result: the on-screen answer', async () => {
    const queued = await call(dph, 'POST', '/api/reports/runs', { kind: 'coverage', params: PARAMS });
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json()).toMatchObject({ kind: 'coverage', status: 'queued', progress: 0, params: PARAMS });
    runId = queued.json().id;
    expect((await call(await s.signIn('dphadmin'), 'GET', `/api/reports/runs/${runId}`)).statusCode).toBe(404);
    expect((await call(dph, 'GET', `/api/reports/runs/${runId}/csv`)).statusCode).toBe(404);

    expect(await s.runJobs([REPORT_RUN_JOB])).toBe(1);
    const done = (await call(dph, 'GET', `/api/reports/runs/${runId}`)).json();
    expect(done).toMatchObject({ status: 'done', progress: 100, error: null, finishedAt: expect.any(String) });
    const onScreen = (await call(dph, 'GET', `/api/reports/coverage?${new URLSearchParams(PARAMS)}`)).json();
    expect(done.result).toEqual(onScreen);
    expect(done.result.total.population).toBe(2);
    expect(done.result.rows.map((r: { label: string }) => r.label)).toEqual(['Hamden']);

    const list = (await call(dph, 'GET', '/api/reports/runs')).json();
    expect(list.runs).toEqual([expect.objectContaining({ id: runId, status: 'done' })]);
    expect(list.runs[0]).not.toHaveProperty('result');
    const csv = await call(dph, 'GET', `/api/reports/runs/${runId}/csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toMatch(/^Area,Population,/);
    expect(csv.body).toContain('Hamden,2,');
    const audit = await s.ctx.db.selectFrom('audit_log').select(['action', 'actor_username']).where('entity_id', '=', runId).execute();
    expect(audit.map((a) => a.action)).toEqual(['report.run.queued', 'report.run.download']);
    const ran = await s.ctx.db.selectFrom('audit_log').select(['actor_username']).where('action', '=', 'report.coverage.run').execute();
    expect(ran.map((a) => a.actor_username)).toContain('dphanalyst');
  });

  it('runs doses administered within the requester’s scope, and refuses bad filters naming the field', async () => {
    const bad = await call(clinic, 'POST', '/api/reports/runs', { kind: 'coverage', params: { ageFromMonths: 30, ageToMonths: 12 } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('ageToMonths');
    const q = { from: '2026-06-01', to: '2026-06-15', by: 'vaccine' };
    const queued = await call(clinic, 'POST', '/api/reports/runs', { kind: 'doses_administered', params: q });
    expect(queued.statusCode, queued.body).toBe(202);
    await s.runJobs([REPORT_RUN_JOB]);
    const done = (await call(clinic, 'GET', `/api/reports/runs/${queued.json().id}`)).json();
    expect(done.status).toBe('done');
    expect(done.result.total).toBe(2);
    expect(done.result).toEqual((await call(clinic, 'GET', `/api/reports/doses-administered?${new URLSearchParams(q)}`)).json());
    expect((await call(clinic, 'GET', `/api/reports/runs/${queued.json().id}/csv`)).body).toContain('Total,2');
  });

  it('fails the run of a user deactivated before it ran, with the reason and no result', async () => {
    const queued = await call(dph, 'POST', '/api/reports/runs', { kind: 'coverage', params: PARAMS });
    expect(queued.statusCode).toBe(202);
    await s.ctx.db.updateTable('users').set({ status: 'inactive' }).where('username', '=', 'dphanalyst').execute();
    await s.runJobs([REPORT_RUN_JOB]);
    const row = await s.ctx.db
      .selectFrom('report_runs')
      .select(['status', 'error', 'result'])
      .where('id', '=', queued.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', error: expect.stringMatching(/no longer/), result: null });
  });
});
