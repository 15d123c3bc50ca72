// The reminder/recall call list: every phone of the patient and of each guardian in the list the server returns,
// and the landscape PDF read back (names with accents print; another clinic's patient never appears).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages } from '../../testing/pdf-text.ts';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { FORECAST_REFRESH_JOB } from '../recommender/index.ts';
import { MMR_CRITERIA as CRITERIA } from './reminder.testing.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

async function pdfText(bytes: Buffer): Promise<string> {
  return (await pdfPages(bytes)).join('\n');
}

describe('reminder/recall call list', () => {
  let s: TestServer;
  let clinic: Headers;
  const call = (h: Headers, url: string) => s.app.inject({ method: 'GET', url, headers: h });

  async function person(h: Headers, body: object) {
    const r = await s.app.inject({ method: 'POST', url: '/api/patients', headers: h, payload: { sex: 'F', confirmNew: true, ...body } });
    expect(r.statusCode, r.body).toBe(201);
  }

  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2026-06-15T15:00:00Z'));
    clinic = await s.signIn('clinicstaff');
    await person(clinic, {
      name: { first: 'Zoé', last: 'Lefèvre' },
      dob: '2024-01-10',
      phones: [
        { number: '203-555-0101', use: 'CP' },
        { number: '2035550102', use: 'PRN' },
      ],
      guardians: [
        { name: { first: 'Hélène', last: 'Lefèvre' }, relationship: 'MTH', phone: '2035550103' },
        { name: { first: 'Marc', last: 'Lefèvre' }, relationship: 'FTH' },
      ],
    });
    await person(clinic, { name: { first: 'Hal', last: 'Nophone' }, dob: '2024-02-01' });
    await person(await s.signIn('ceo'), { name: { first: 'Fay', last: 'Other' }, dob: '2024-01-10', phones: [{ number: '2035550199' }] });
    await s.runJobs([FORECAST_REFRESH_JOB]);
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('returns every phone of the patient and each guardian’s, labelled, in the list and its CSV', async () => {
    const r = await call(clinic, `/api/reports/reminder-recall?${CRITERIA}`);
    expect(r.statusCode, r.body).toBe(200);
    const [zoe, hal] = r.json().patients;
    expect(zoe).toMatchObject({ name: 'Zoé Lefèvre', phone: '2035550101', guardian: 'Hélène Lefèvre' });
    expect(zoe.phones).toEqual([
      { number: '2035550101', whose: 'patient', label: 'Cellular phone' },
      { number: '2035550102', whose: 'patient', label: 'Primary residence number' },
      { number: '2035550103', whose: 'guardian', label: 'Hélène Lefèvre, Mother' },
    ]);
    expect(hal).toMatchObject({ name: 'Hal Nophone', phones: [] });
    const csv = await call(clinic, `/api/reports/reminder-recall.csv?${CRITERIA}`);
    expect(csv.body.split('\r\n')[0]).toContain('Guardian,Phones,');
    expect(csv.body).toContain(
      '(203) 555-0101 (Cellular phone); (203) 555-0102 (Primary residence number); (203) 555-0103 (Hélène Lefèvre, Mother)',
    );
  });

  it('prints the call list as a PDF with every phone and accented names, audited with its filters, never another clinic’s patient', async () => {
    const r = await call(clinic, `/api/reports/reminder-recall/call-list.pdf?${CRITERIA}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toBe('attachment; filename="call-list-2026-06-15.pdf"');
    const text = await pdfText(r.rawPayload);
    for (const expected of [
      'Call list — Elm City Pediatrics',
      'Zoé Lefèvre',
      'born 2024-01-10',
      '2 years 5 months',
      '(203) 555-0101 Cellular phone',
      '(203) 555-0102 Primary residence number',
      '(203) 555-0103 Hélène Lefèvre, Mother',
      'MMR dose 1 (overdue)',
      'Hal Nophone',
      'No phone on record',
      'Wrong number',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('Fay Other');
    expect(text).not.toContain('555-0199');
    const audit = await s.ctx.db
      .selectFrom('audit_log')
      .select(['entity_id', 'detail'])
      .where('action', '=', 'report.reminder_recall.run')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.entity_id).toBe('reminder_recall');
    expect(audit.detail).toMatchObject({ format: 'call-list-pdf', criteria: { vaccineGroups: ['MMR'], windowTo: '2026-06-30' } });
    expect((audit.detail as { patientIds: string[] }).patientIds).toHaveLength(2);
  });

  it('keeps the call list PDF in the call list’s scope: the other clinic gets only its own, a school nurse nothing', async () => {
    const ceo = await call(await s.signIn('ceo'), `/api/reports/reminder-recall/call-list.pdf?${CRITERIA}`);
    const text = await pdfText(ceo.rawPayload);
    expect(text).toContain('Fay Other');
    expect(text).not.toContain('Lefèvre');
    expect((await call(await s.signIn('schoolnurse'), `/api/reports/reminder-recall/call-list.pdf?${CRITERIA}`)).statusCode).toBe(403);
    const bad = await call(clinic, `/api/reports/reminder-recall/call-list.pdf?${CRITERIA.replace('ageToMonths=35', 'ageToMonths=x')}`);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().fields)).toContain('ageToMonths');
  });
});
