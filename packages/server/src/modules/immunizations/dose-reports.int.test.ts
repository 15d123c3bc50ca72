import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

/** GET /api/patients/:id/doses/:itemId/reports: every source's report behind one dose, in the record's scope, audited. */
describe('dose reports (database)', () => {
  let s: TestServer;
  let clinic: Headers;
  let fqhc: Headers;
  let patientId = '';
  let elsewhereId = '';
  let masterId = '';
  let reportId = '';

  const call = (h: Headers | undefined, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    s.app.inject({ method, url, ...(h ? { headers: h } : {}), ...(payload ? { payload } : {}) });
  const create = async (h: Headers, city: string, first: string) => {
    const res = await call(h, 'POST', '/api/patients', {
      name: { first, last: 'Kowalczyk' },
      dob: '2022-02-02',
      sex: 'F',
      addresses: [{ street: '5 Whitney Avenue', city, state: 'CT', zip: '06517' }],
      phones: [{ number: '203-555-0142' }],
      confirmNew: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2026-11-20T15:00:00Z'));
    clinic = await s.signIn('clinicstaff');
    fqhc = await s.signIn('ceo');
    patientId = await create(clinic, 'Hamden', 'Maja');
    elsewhereId = await create(clinic, 'New Haven', 'Ola');
    const given = await call(clinic, 'POST', `/api/patients/${patientId}/doses`, {
      kind: 'administered',
      cvx: '03',
      lot: 'MMR0142',
      fundingSource: 'private',
      vfcEligibility: 'V01',
      date: '2023-02-10',
      site: 'LT',
      route: 'SC',
    });
    expect(given.statusCode, given.body).toBe(201);
    masterId = given.json().id;
    s.clock.advance(10 * 60_000);
    // Hartford reports the same MMR from the parent's card two days off: one dose, two reports.
    const reported = await call(fqhc, 'POST', `/api/patients/${patientId}/doses`, { kind: 'historical', cvx: '03', date: '2023-02-12' });
    expect(reported.statusCode, reported.body).toBe(201);
    expect(reported.json()).toMatchObject({ deduplicated: true, masterId });
    reportId = reported.json().id;
  }, 120_000);
  afterAll(async () => {
    await s.shutdown();
  });

  it('lists every report of a dose side by side, the master’s first, with source and received date', async () => {
    const res = await call(clinic, 'GET', `/api/patients/${patientId}/doses/${masterId}/reports`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.doseId).toBe(masterId);
    expect(body.reports).toHaveLength(2);
    expect(body.reports[0]).toMatchObject({
      id: masterId,
      master: true,
      source: 'Elm City Pediatrics',
      sourceKind: 'ui',
      kind: 'administered',
      cvx: '03',
      vaccine: expect.stringMatching(/MMR/),
      date: '2023-02-10',
      lot: 'MMR0142',
      site: 'LT',
      route: 'SC',
      fromMergedRecord: false,
    });
    expect(body.reports[1]).toMatchObject({
      id: reportId,
      master: false,
      source: 'Hartford Community Health Center',
      kind: 'historical',
      date: '2023-02-12',
      lot: null,
      receivedAt: '2026-11-20T15:10:00.000Z',
    });
    // Any report of the dose leads to the same list.
    const viaReport = (await call(clinic, 'GET', `/api/patients/${patientId}/doses/${reportId}/reports`)).json();
    expect(viaReport.doseId).toBe(masterId);
    expect(viaReport.reports.map((r: { id: string }) => r.id)).toEqual([masterId, reportId]);
  });

  it('is open to every access type that can read the record, within its scope', async () => {
    const url = `/api/patients/${patientId}/doses/${masterId}/reports`;
    for (const user of ['coordinator', 'ceo', 'dphanalyst', 'dphadmin', 'healthdirector']) {
      const res = await call(await s.signIn(user), 'GET', url);
      expect(res.statusCode, `${user}: ${res.body}`).toBe(200);
    }
    // A school nurse sees only students on a roster; a health director only residents of the district's towns.
    expect((await call(await s.signIn('schoolnurse'), 'GET', url)).statusCode).toBe(404);
    const director = await s.signIn('healthdirector');
    const elsewhereDose = await call(clinic, 'POST', `/api/patients/${elsewhereId}/doses`, {
      kind: 'historical',
      cvx: '03',
      date: '2023-03-01',
    });
    expect(elsewhereDose.statusCode, elsewhereDose.body).toBe(201);
    const outside = `/api/patients/${elsewhereId}/doses/${elsewhereDose.json().id}/reports`;
    expect((await call(director, 'GET', outside)).statusCode).toBe(404);
    expect((await call(clinic, 'GET', outside)).statusCode).toBe(200);
  });

  it('refuses the signed-out, and answers not found for a dose of another patient or none at all', async () => {
    expect((await call(undefined, 'GET', `/api/patients/${patientId}/doses/${masterId}/reports`)).statusCode).toBe(401);
    expect((await call(clinic, 'GET', `/api/patients/${elsewhereId}/doses/${masterId}/reports`)).statusCode).toBe(404);
    expect((await call(clinic, 'GET', `/api/patients/${patientId}/doses/00000000-0000-4000-8000-000000000000/reports`)).statusCode).toBe(
      404,
    );
  });

  it('hides an opted-out record’s dose reports from everyone but DPH', async () => {
    const dph = await s.signIn('dphadmin');
    const optOut = await call(dph, 'PUT', `/api/patients/${elsewhereId}/opt-out`, { optedOut: true, reason: 'Signed written request' });
    expect(optOut.statusCode, optOut.body).toBe(200);
    const dose = (await call(dph, 'GET', `/api/patients/${elsewhereId}/immunizations`)).json().doses[0].id as string;
    expect((await call(clinic, 'GET', `/api/patients/${elsewhereId}/doses/${dose}/reports`)).statusCode).toBe(404);
    expect((await call(dph, 'GET', `/api/patients/${elsewhereId}/doses/${dose}/reports`)).statusCode).toBe(200);
  });

  it('audits each view with the patient, the dose and the reader', async () => {
    const before = await s.ctx.db
      .selectFrom('audit_log')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('action', '=', 'dose.reports.view')
      .executeTakeFirstOrThrow();
    await call(fqhc, 'GET', `/api/patients/${patientId}/doses/${reportId}/reports`);
    const rows = await s.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username', 'entity_type', 'entity_id', 'patient_id'])
      .where('action', '=', 'dose.reports.view')
      .orderBy('seq', 'desc')
      .execute();
    expect(rows).toHaveLength(Number(before.n) + 1);
    expect(rows[0]).toEqual({
      action: 'dose.reports.view',
      actor_username: 'ceo',
      entity_type: 'dose',
      entity_id: masterId,
      patient_id: patientId,
    });
    // Refused reads leave no "viewed" entry.
    await call(await s.signIn('schoolnurse'), 'GET', `/api/patients/${patientId}/doses/${masterId}/reports`);
    const nurse = await s.ctx.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'dose.reports.view')
      .where('actor_username', '=', 'schoolnurse')
      .execute();
    expect(nurse).toEqual([]);
  });
});
