// Reminder/recall on a small hand-built population: who is listed (and who each exclusion removes), the call
// list as CSV, letters and labels, notices recorded on the record, cohorts, and each access type's scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages } from '../../testing/pdf-text.ts';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { FORECAST_REFRESH_JOB } from '../recommender/index.ts';
import { MMR_CRITERIA as CRITERIA, MMR_PARAMS } from './reminder.testing.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

const address = { street: '12 Whitney Ave', city: 'Hamden', state: 'CT', zip: '06517' };
const guardian = { name: { first: 'Rosa', last: 'Due' }, relationship: 'MTH' };

describe('reminder/recall', () => {
  let s: TestServer;
  let clinic: Headers;
  const ids: Record<string, string> = {};
  let ct1001 = '';
  let ct1002 = '';
  const call = (h: Headers, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    s.app.inject({ method, url, headers: h, ...(payload ? { payload } : {}) });

  async function person(h: Headers, key: string, first: string, last: string, dob: string, extra: object = {}) {
    const r = await call(h, 'POST', '/api/patients', { name: { first, last }, dob, sex: 'F', confirmNew: true, ...extra });
    expect(r.statusCode, r.body).toBe(201);
    ids[key] = r.json().id;
  }

  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2026-06-15T15:00:00Z'));
    clinic = await s.signIn('clinicstaff');
    const orgs = await s.ctx.db.selectFrom('organizations').select(['id', 'pin']).where('pin', 'in', ['CT1001', 'CT1002']).execute();
    ct1001 = orgs.find((o) => o.pin === 'CT1001')!.id;
    ct1002 = orgs.find((o) => o.pin === 'CT1002')!.id;
    await person(clinic, 'due', 'Ana', 'Due', '2024-01-10', { addresses: [address], guardians: [guardian], language: 'es' });
    await person(clinic, 'complete', 'Ben', 'Complete', '2024-01-10', { addresses: [address] });
    await person(clinic, 'inactive', 'Cal', 'Inactive', '2024-01-10', { addresses: [address] });
    await person(clinic, 'deceased', 'Dee', 'Deceased', '2024-01-10', { addresses: [address] });
    await person(clinic, 'optedOut', 'Eve', 'Optedout', '2024-01-10', { addresses: [address] });
    await person(clinic, 'baby', 'Gus', 'Baby', '2025-12-01', { addresses: [address] });
    await person(clinic, 'noAddress', 'Hal', 'Noaddress', '2024-02-01');
    await person(await s.signIn('ceo'), 'other', 'Fay', 'Other', '2024-01-10', { addresses: [address] });
    const dose = await call(clinic, 'POST', `/api/patients/${ids.complete}/doses`, { kind: 'historical', cvx: '03', date: '2025-01-15' });
    expect(dose.statusCode, dose.body).toBe(201);
    expect((await call(clinic, 'PUT', `/api/patients/${ids.inactive}/status`, { status: 'inactive_moved' })).statusCode).toBe(200);
    const died = await call(clinic, 'PUT', `/api/patients/${ids.deceased}/jurisdiction-status`, {
      status: 'deceased',
      deceasedDate: '2026-05-01',
    });
    expect(died.statusCode, died.body).toBe(200);
    const optOut = await call(await s.signIn('dphadmin'), 'PUT', `/api/patients/${ids.optedOut}/opt-out`, {
      optedOut: true,
      reason: 'Signed request received',
    });
    expect(optOut.statusCode, optOut.body).toBe(200);
    await s.runJobs([FORECAST_REFRESH_JOB]);
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('lists the clinic’s patients due or overdue, leaving out complete, inactive, deceased, opted-out, other clinics’ and out-of-age ones', async () => {
    const r = await call(clinic, 'GET', `/api/reports/reminder-recall?${CRITERIA}`);
    expect(r.statusCode, r.body).toBe(200);
    const list = r.json();
    expect(list.clinic.id).toBe(ct1001);
    expect(list.patients.map((p: { name: string }) => p.name)).toEqual(['Ana Due', 'Hal Noaddress']);
    const ana = list.patients[0];
    // No MMR at 29 months: dose 1 was past due at 16 months.
    expect(ana.due).toMatchObject([{ vaccineGroup: 'MMR', doseNumber: 1, status: 'overdue' }]);
    expect(ana).toMatchObject({ addressProblem: null, guardian: 'Rosa Due', address: ['12 Whitney Ave', 'Hamden, CT 06517'] });
    expect(list.patients[1].addressProblem).toBe('missing');
    const audit = await s.ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'report.reminder_recall.run').execute();
    expect(audit.at(-1)?.detail).toMatchObject({ format: 'screen', patientIds: [ids.due, ids.noAddress] });
  });

  it('lists only overdue or only due doses when asked, and refuses bad criteria naming the field', async () => {
    const due = await call(clinic, 'GET', `/api/reports/reminder-recall?${CRITERIA.replace('status=both', 'status=due')}`);
    expect(due.json().patients).toEqual([]);
    const bad = await call(clinic, 'GET', `/api/reports/reminder-recall?${CRITERIA.replace('windowTo=2026-06-30', 'windowTo=2026-05-01')}`);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().fields)).toContain('windowTo');
    const group = await call(clinic, 'GET', `/api/reports/reminder-recall?${CRITERIA.replace('vaccineGroups=MMR', 'vaccineGroups=Nope')}`);
    expect(group.statusCode).toBe(400);
    expect(group.json().fields[0].path).toBe('vaccineGroups');
  });

  it('gives the call list as CSV and letters and Avery 5160 labels as PDF for those with an address', async () => {
    const csv = await call(clinic, 'GET', `/api/reports/reminder-recall.csv?${CRITERIA}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[1]).toContain('Ana Due');
    expect(csv.body).toContain('MMR overdue');
    const es = await call(clinic, 'GET', `/api/reports/reminder-recall/letters.pdf?${CRITERIA}&language=es`);
    expect(es.headers['content-type']).toBe('application/pdf');
    expect(es.headers['x-skipped-no-address']).toBe('1');
    const pages = await pdfPages(es.rawPayload);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Estimado/a Rosa Due');
    expect(pages[0]).toContain('MMR dosis 1');
    expect(pages[0]).toContain('12 Whitney Ave');
    const labels = await pdfPages((await call(clinic, 'GET', `/api/reports/reminder-recall/labels.pdf?${CRITERIA}`)).rawPayload);
    expect(labels[0]).toContain('Rosa Due, for Ana Due');
    expect(labels[0]).not.toContain('Noaddress');
  });

  it('uses the clinic’s own letter template with its merge fields', async () => {
    const put = await call(clinic, 'PUT', '/api/reports/letter-templates/en', {
      body: 'Hello {{guardianName}}: {{patientName}} needs {{dueList}} — {{clinicName}}',
    });
    expect(put.statusCode, put.body).toBe(200);
    const pages = await pdfPages(
      (await call(clinic, 'GET', `/api/reports/reminder-recall/letters.pdf?${CRITERIA}&language=en`)).rawPayload,
    );
    expect(pages[0]).toContain('Hello Rosa Due: Ana Due needs');
    expect(pages[0]).toContain('Elm City Pediatrics');
  });

  it('records the notices sent, shows them on the patient record and in the next run; never on another clinic’s patient', async () => {
    const rec = await call(clinic, 'POST', '/api/reports/notifications', {
      patientIds: [ids.due],
      method: 'letter',
      on: '2026-06-15',
      vaccineGroups: ['MMR'],
    });
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json()).toEqual({ recorded: 1 });
    const onRecord = await call(clinic, 'GET', `/api/patients/${ids.due}/notifications`);
    expect(onRecord.json().notifications).toMatchObject([
      { on: '2026-06-15', method: 'letter', vaccineGroups: ['MMR'], clinic: 'Elm City Pediatrics' },
    ]);
    const again = await call(clinic, 'GET', `/api/reports/reminder-recall?${CRITERIA}`);
    expect(again.json().patients[0].lastNotified).toEqual({ on: '2026-06-15', method: 'letter' });
    const foreign = await call(clinic, 'POST', '/api/reports/notifications', {
      patientIds: [ids.other],
      method: 'phone',
      on: '2026-06-15',
    });
    expect(foreign.statusCode).toBe(400);
    expect(await s.ctx.db.selectFrom('patient_notifications').select('id').where('patient_id', '=', ids.other!).execute()).toEqual([]);
  });

  it('saves criteria as a named cohort of the clinic, which another clinic does not see', async () => {
    const criteria = { ...MMR_PARAMS };
    const saved = await call(clinic, 'POST', '/api/reports/cohorts', { name: 'Toddlers MMR', criteria });
    expect(saved.statusCode, saved.body).toBe(201);
    expect((await call(clinic, 'POST', '/api/reports/cohorts', { name: 'Toddlers MMR', criteria })).statusCode).toBe(409);
    expect((await call(clinic, 'GET', '/api/reports/cohorts')).json().cohorts).toMatchObject([
      { name: 'Toddlers MMR', criteria: { vaccineGroups: ['MMR'] } },
    ]);
    const ceo = await s.signIn('ceo');
    expect((await call(ceo, 'GET', '/api/reports/cohorts')).json().cohorts).toEqual([]);
    expect((await call(ceo, 'DELETE', `/api/reports/cohorts/${saved.json().id}`)).statusCode).toBe(404);
  });

  it('keeps each access type in its scope: own clinic only, DPH any clinic it names, no school or health department lists', async () => {
    const ceo = await s.signIn('ceo');
    expect(
      (await call(ceo, 'GET', `/api/reports/reminder-recall?${CRITERIA}`)).json().patients.map((p: { name: string }) => p.name),
    ).toEqual(['Fay Other']);
    expect((await call(clinic, 'GET', `/api/reports/reminder-recall?${CRITERIA}&organizationId=${ct1002}`)).statusCode).toBe(403);
    expect((await call(await s.signIn('schoolnurse'), 'GET', `/api/reports/reminder-recall?${CRITERIA}`)).statusCode).toBe(403);
    expect((await call(await s.signIn('healthdirector'), 'GET', `/api/reports/reminder-recall?${CRITERIA}`)).statusCode).toBe(403);
    const dph = await s.signIn('dphanalyst');
    const unnamed = await call(dph, 'GET', `/api/reports/reminder-recall?${CRITERIA}`);
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().fields[0].path).toBe('organizationId');
    const named = await call(dph, 'GET', `/api/reports/reminder-recall?${CRITERIA}&organizationId=${ct1001}`);
    expect(named.json().patients.map((p: { name: string }) => p.name)).toEqual(['Ana Due', 'Hal Noaddress']);
  });

  it('offers DPH every active clinic to pick from, a clinic user only their own, a school nurse none', async () => {
    const names = async (user: string) =>
      ((await call(await s.signIn(user), 'GET', '/api/reports/clinics')).json().clinics as Array<{ name: string }>).map((c) => c.name);
    expect(await names('dphanalyst')).toEqual(expect.arrayContaining(['Elm City Pediatrics', 'Hartford Community Health Center']));
    expect(await names('clinicstaff')).toEqual(['Elm City Pediatrics']);
    expect(await names('schoolnurse')).toEqual([]);
  });
});
