// A background PDF run's file discloses a clinic's patients: each download re-checks the requester's current scope,
// as the direct download would — a membership ended since, or acting for another clinic now, gets nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { FORECAST_REFRESH_JOB } from '../recommender/index.ts';
import { runOf } from './report-run.repo.ts';
import { REPORT_RUN_CLEANUP, scheduleReportRunCleanup } from './report-run-retention.ts';
import { addRunner, MMR_PARAMS as PARAMS, runReport, type Headers } from './reminder.testing.ts';

describe('downloading a PDF run re-checks the requester’s current scope', () => {
  let s: TestServer;
  let coordinator: Headers;
  // The coordinator works at Elm City (CT1001) and Hartford CHC (CT1002).
  let elm: string;
  let hartford: string;
  const get = (url: string) => s.app.inject({ method: 'GET', url, headers: coordinator });
  const actFor = async (membershipId: string) => {
    const r = await s.app.inject({ method: 'PUT', url: '/api/session/scope', headers: coordinator, payload: { membershipId } });
    expect(r.statusCode, r.body).toBeLessThan(300);
  };
  async function lettersRunAtElm(): Promise<string> {
    await actFor(elm);
    const id = await runReport(s, coordinator, 'letters', PARAMS);
    expect((await get(`/api/reports/runs/${id}`)).json()).toMatchObject({ status: 'done', result: { patients: 1 } });
    return id;
  }

  beforeAll(async () => {
    s = await createTestServer({ REPORT_PDF_RUN_MAX: 1 });
    s.clock.set(new Date('2026-06-15T15:00:00Z'));
    coordinator = await s.signIn('coordinator');
    const ms = await s.ctx.db
      .selectFrom('memberships as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.id', 'o.pin'])
      .where('u.username', '=', 'coordinator')
      .execute();
    elm = ms.find((m) => m.pin === 'CT1001')!.id;
    hartford = ms.find((m) => m.pin === 'CT1002')!.id;
    await actFor(elm);
    await addRunner(s, coordinator, 'Ada', '2024-01-10');
    await s.runJobs([FORECAST_REFRESH_JOB]);
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('refuses the file while the requester acts for another clinic, and serves it again back at the clinic', async () => {
    const id = await lettersRunAtElm();
    await actFor(hartford);
    const refused = await get(`/api/reports/runs/${id}/file`);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).not.toContain('application/pdf');
    await actFor(elm);
    expect((await get(`/api/reports/runs/${id}/file`)).statusCode).toBe(200);
  });

  it('polls a run without reading its file: only the download reads the bytes', async () => {
    const id = await lettersRunAtElm();
    const user = await s.ctx.db.selectFrom('users').select('id').where('username', '=', 'coordinator').executeTakeFirstOrThrow();
    const polled = await runOf(s.ctx.db, id, user.id);
    expect(polled).toMatchObject({ id, status: 'done' });
    expect(polled).not.toHaveProperty('result_file');
    expect((await get(`/api/reports/runs/${id}/file`)).statusCode).toBe(200);
  });

  it('fails a run above REPORT_PDF_RUN_MAX patients with a sentence, rendering nothing', async () => {
    await actFor(hartford);
    for (const first of ['Hana', 'Hope']) await addRunner(s, coordinator, first, '2024-02-10');
    await s.runJobs([FORECAST_REFRESH_JOB]);
    const id = await runReport(s, coordinator, 'labels', PARAMS);
    const run = (await get(`/api/reports/runs/${id}`)).json();
    expect(run).toMatchObject({ status: 'failed', result: null });
    expect(run.error).toMatch(/2 patients, more than the 1 .*narrow the criteria/);
    const stored = await s.ctx.db.selectFrom('report_runs').select(['result_file']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.result_file).toBeNull();
    expect((await get(`/api/reports/runs/${id}/file`)).statusCode).toBe(404);
  });

  it('clears a finished file and its patient list after REPORT_RUN_FILE_DAYS; a download then is 410 with a sentence', async () => {
    const kept = await lettersRunAtElm();
    const old = await lettersRunAtElm();
    const eightDaysAgo = new Date(s.clock.now().getTime() - 8 * 86_400_000);
    await s.ctx.db.updateTable('report_runs').set({ finished_at: eightDaysAgo }).where('id', '=', old).execute();
    // The server scheduled the daily job at start (its own clock time): make it due now.
    await scheduleReportRunCleanup(s.ctx);
    const due = await s.ctx.db.updateTable('jobs').set({ run_at: s.clock.now() }).where('kind', '=', REPORT_RUN_CLEANUP).executeTakeFirst();
    expect(Number(due.numUpdatedRows)).toBe(1);
    expect(await s.runJobs([REPORT_RUN_CLEANUP])).toBe(1);
    const rows = await s.ctx.db.selectFrom('report_runs').select(['id', 'result', 'result_file']).where('id', 'in', [kept, old]).execute();
    const oldRow = rows.find((r) => r.id === old)!;
    expect(oldRow.result_file).toBeNull();
    expect(oldRow.result).not.toHaveProperty('patientIds');
    expect(rows.find((r) => r.id === kept)!.result_file).not.toBeNull();
    const gone = await get(`/api/reports/runs/${old}/file`);
    expect(gone.statusCode).toBe(410);
    expect(gone.json().title).toMatch(/kept for 7 days/);
    expect((await get(`/api/reports/runs/${kept}/file`)).statusCode).toBe(200);
  });

  it('refuses the file once the membership it was prepared under has ended', async () => {
    const id = await lettersRunAtElm();
    const audited = () => s.ctx.db.selectFrom('audit_log').select('seq').where('action', '=', 'report.reminder_recall.run').execute();
    const before = (await audited()).length;
    await s.ctx.db.updateTable('memberships').set({ active: false }).where('id', '=', elm).execute();
    const refused = await get(`/api/reports/runs/${id}/file`);
    expect(refused.statusCode).toBe(403);
    expect((await audited()).length).toBe(before); // nothing disclosed, nothing audited
  });
});
