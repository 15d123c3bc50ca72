// Large reminder/recall PDFs: up to REPORT_PDF_INLINE_MAX patients (set to 2 here) letters, labels and the call list
// download in the request as before; above it the direct download is refused with a sentence (409) and the file is
// prepared by a background report run as the requester, with progress, kept for that user only, downloadable
// (the PDF read back) and audited with the patients it discloses, as the direct download is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages } from '../../testing/pdf-text.ts';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { FORECAST_REFRESH_JOB } from '../recommender/index.ts';
import { REPORT_RUN_JOB } from './report-run.service.ts';
import { addRunner, MMR_CRITERIA as CRITERIA, MMR_PARAMS as PARAMS, runReport, type Headers } from './reminder.testing.ts';

async function pdfText(bytes: Buffer): Promise<string> {
  return (await pdfPages(bytes)).join('\n');
}

describe('large reminder/recall PDFs as background runs', () => {
  let s: TestServer;
  let clinic: Headers;
  let other: Headers;
  const get = (h: Headers, url: string) => s.app.inject({ method: 'GET', url, headers: h });

  beforeAll(async () => {
    s = await createTestServer({ REPORT_PDF_INLINE_MAX: 2 });
    s.clock.set(new Date('2026-06-15T15:00:00Z'));
    clinic = await s.signIn('clinicstaff');
    other = await s.signIn('ceo');
    await addRunner(s, clinic, 'Ada', '2024-01-10');
    await addRunner(s, clinic, 'Bea', '2024-02-10');
    await addRunner(s, other, 'Cleo', '2024-03-10'); // another clinic's: never in the clinic's files
    await s.runJobs([FORECAST_REFRESH_JOB]);
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('renders a file at the threshold in the request, as before', async () => {
    const r = await get(clinic, `/api/reports/reminder-recall/labels.pdf?${CRITERIA}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('application/pdf');
    expect(await pdfText(r.rawPayload)).toContain('Bea Runner');
    const list = (await get(clinic, `/api/reports/reminder-recall?${CRITERIA}`)).json();
    expect(list.pdfInlineMax).toBe(2);
  });

  it('refuses the direct download above the threshold with a sentence, and prepares it as a run: progress, the PDF, audited', async () => {
    await addRunner(s, clinic, 'Cora', '2024-04-10'); // three mailable patients: one above the threshold
    await s.runJobs([FORECAST_REFRESH_JOB]);
    const direct = await get(clinic, `/api/reports/reminder-recall/letters.pdf?${CRITERIA}&language=es`);
    expect(direct.statusCode).toBe(409);
    expect(direct.json().title).toMatch(/3 patients, more than the 2 .*background report run/);
    // A refused download disclosed nothing: no reminder/recall audit entry for it.
    const before = await s.ctx.db.selectFrom('audit_log').select('seq').where('action', '=', 'report.reminder_recall.run').execute();

    const started = await s.app.inject({
      method: 'POST',
      url: '/api/reports/runs',
      headers: clinic,
      payload: { kind: 'letters', params: { ...PARAMS, language: 'es' } },
    });
    expect(started.statusCode, started.body).toBe(202);
    const run = started.json();
    expect(run).toMatchObject({ kind: 'letters', status: 'queued' });
    expect(await s.runJobs([REPORT_RUN_JOB])).toBe(1);
    const done = (await get(clinic, `/api/reports/runs/${run.id}`)).json();
    expect(done).toMatchObject({
      status: 'done',
      progress: 100,
      result: { patients: 3, skipped: 0, filename: expect.stringMatching(/-es\.pdf$/) },
    });
    expect(done.result.patientIds).toBeUndefined();

    const file = await get(clinic, `/api/reports/runs/${run.id}/file`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect(file.headers['cache-control']).toContain('no-store');
    const text = await pdfText(file.rawPayload);
    for (const name of ['Ada Runner', 'Bea Runner', 'Cora Runner']) expect(text).toContain(name);
    expect(text).not.toContain('Cleo');
    const audits = await s.ctx.db
      .selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'report.reminder_recall.run')
      .orderBy('seq', 'desc')
      .execute();
    expect(audits.length).toBe(before.length + 1);
    expect(audits[0]!.detail).toMatchObject({
      format: 'letters-es',
      runId: run.id,
      criteria: expect.objectContaining({ vaccineGroups: ['MMR'] }),
    });
    expect((audits[0]!.detail as { patientIds: string[] }).patientIds).toHaveLength(3);
  });

  it('keeps a run for its requester only; the call list and labels run the same way', async () => {
    for (const kind of ['labels', 'call_list'] as const) {
      const id = await runReport(s, clinic, kind, PARAMS);
      const file = await get(clinic, `/api/reports/runs/${id}/file`);
      expect(file.statusCode, file.body).toBe(200);
      expect(await pdfText(file.rawPayload)).toContain('Cora Runner');
      expect((await get(other, `/api/reports/runs/${id}/file`)).statusCode).toBe(404);
    }
    const direct = await get(clinic, `/api/reports/reminder-recall/call-list.pdf?${CRITERIA}`);
    expect(direct.statusCode).toBe(409);
  });

  it('refuses bad criteria for a PDF run naming the field', async () => {
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/reports/runs',
      headers: clinic,
      payload: { kind: 'labels', params: { ...PARAMS, windowTo: 'soon' } },
    });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('windowTo');
  });
});
