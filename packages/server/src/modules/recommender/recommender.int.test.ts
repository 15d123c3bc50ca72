import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';

describe('recommender API', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer();
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('names the supporting-data release in use', async () => {
    const h = await s.signIn('schoolnurse');
    const res = (await s.app.inject({ method: 'GET', url: '/api/recommender', headers: h })).json();
    expect(res.supportingDataVersion).toBe('4.64');
    expect(res.counts.antigens).toBeGreaterThan(20);
    expect(res.vaccineGroups).toEqual(expect.arrayContaining(['DTaP/Tdap/Td', 'MMR', 'Varicella']));
    expect(res.vaccineGroups).toHaveLength(res.counts.vaccineGroups);
  });

  it('lists the CDSi observation codes of the release, for pickers', async () => {
    const h = await s.signIn('schoolnurse');
    const res = await s.app.inject({ method: 'GET', url: '/api/recommender/observations', headers: h });
    expect(res.statusCode).toBe(200);
    const list = res.json().observations as Array<{ code: string; title: string }>;
    expect(list.length).toBe(s.ctx.recommender.data.counts.observations);
    expect(list.find((o) => o.code === '160')?.title).toMatch(/asplenia/i);
    expect(list.map((o) => o.code)).toEqual([...list.map((o) => o.code)].sort());
  });

  it('explains a DTaP dose given too soon and forecasts the repeat (CDC case 2013-0002)', async () => {
    const h = await s.signIn('clinicstaff');
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/recommender/evaluate',
      headers: h,
      payload: {
        dob: '2025-09-06',
        sex: 'F',
        assessmentDate: '2025-11-10',
        doses: [
          { date: '2025-10-15', cvx: '107' },
          { date: '2025-11-10', cvx: '107' },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const second = body.evaluations.filter((e: { date: string; antigen: string }) => e.date === '2025-11-10' && e.antigen === 'Diphtheria');
    expect(second[0].status).toBe('Not Valid');
    expect(second[0].explanation).not.toBe('');
    const dtap = body.vaccineGroups.find((g: { vaccineGroup: string }) => g.vaccineGroup === 'DTaP/Tdap/Td');
    expect(dtap).toMatchObject({
      forecastDoseNumber: 2,
      earliestDate: '2025-12-08',
      recommendedDate: '2026-01-06',
      pastDueDate: '2026-03-05',
      urgency: 'not_yet_due',
    });
  });

  it('takes the country of birth into account for birth-date immunity (varicella, born before 1980)', async () => {
    const h = await s.signIn('clinicstaff');
    const varicella = async (extra: object) => {
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/recommender/evaluate',
        headers: h,
        payload: { dob: '1975-06-01', sex: 'F', assessmentDate: '2026-11-20', doses: [], ...extra },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().vaccineGroups.find((g: { vaccineGroup: string }) => g.vaccineGroup === 'Varicella');
    };
    expect((await varicella({ countryOfBirth: 'US' })).status).toBe('Immune');
    expect((await varicella({ countryOfBirth: 'MEX' })).status).toBe('Not Complete');
    const unknown = await varicella({});
    expect(unknown.status).toBe('Immune');
    expect(unknown.reasons.join(' ')).toMatch(/country of birth not recorded/);
  });

  it("uses the patient record's country of birth for the patient's forecast", async () => {
    const h = await s.signIn('clinicstaff');
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: h,
      payload: { name: { first: 'Rosa', last: 'Quintero' }, dob: '1975-06-01', sex: 'F', birthCountry: 'MEX', confirmNew: true },
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await s.app.inject({ method: 'GET', url: `/api/patients/${created.json().id}/forecast?asOf=2026-11-20`, headers: h });
    expect(res.statusCode, res.body).toBe(200);
    const varicella = res.json().vaccineGroups.find((g: { vaccineGroup: string }) => g.vaccineGroup === 'Varicella');
    expect(varicella.status).toBe('Not Complete');
  });

  it('says which field is wrong when a dose predates the birth', async () => {
    const h = await s.signIn('clinicstaff');
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/recommender/evaluate',
      headers: h,
      payload: { dob: '2025-09-06', assessmentDate: '2025-11-10', doses: [{ date: '2025-01-01', cvx: '107' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ path: 'doses.0.date', message: 'Before the date of birth' }]);
  });
});
