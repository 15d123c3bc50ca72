import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';

// The shipped 4.64 release describes the 2025–26 influenza season (2025-07-01 to 2026-06-30).
describe('influenza season dates set by DPH', () => {
  let s: TestServer;
  let patientId = '';
  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2026-12-07T15:00:00Z'));
    const h = await s.signIn('clinicstaff');
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: h,
      payload: { name: { first: 'Ava', last: 'Lindqvist' }, dob: '2024-01-12', sex: 'F', confirmNew: true },
    });
    expect(created.statusCode, created.body).toBe(201);
    patientId = created.json().id;
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const influenza = async (asOf?: string) => {
    const h = await s.signIn('clinicstaff');
    const res = await s.app.inject({ method: 'GET', url: `/api/patients/${patientId}/forecast${asOf ? `?asOf=${asOf}` : ''}`, headers: h });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().vaccineGroups.find((g: { vaccineGroup: string }) => g.vaccineGroup === 'Influenza');
  };
  const put = async (user: string, group: string, payload: object) =>
    s.app.inject({ method: 'PUT', url: `/api/recommender/seasons/${encodeURIComponent(group)}`, headers: await s.signIn(user), payload });
  const season = { startDate: '2026-07-01', endDate: '2027-06-30', reason: 'ACIP 2026–27 influenza recommendations' };

  it('says the release has no season for today, without calling it not recommended', async () => {
    expect(await influenza()).toMatchObject({
      urgency: 'no_season_data',
      notice: expect.stringMatching(
        /^The installed CDSi release \(4\.64\) has no Influenza season for 2026-12-07: update the supporting data\./,
      ),
    });
  });

  it('warns DPH administrators that today is not covered for influenza and RSV, and shows them only', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/recommender/seasons', headers: await s.signIn('dphadmin') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      today: '2026-12-07',
      seasons: [
        {
          vaccineGroup: 'Influenza',
          release: { version: '4.64', startDate: '2025-07-01', endDate: '2026-06-30' },
          override: null,
          overrideInUse: false,
          coveredToday: false,
        },
        {
          vaccineGroup: 'RSV',
          release: { version: '4.64', startDate: '2025-10-01', endDate: '2026-03-31' },
          override: null,
          overrideInUse: false,
          coveredToday: false,
        },
      ],
    });
    for (const user of ['clinicstaff', 'dphanalyst']) {
      const denied = await s.app.inject({ method: 'GET', url: '/api/recommender/seasons', headers: await s.signIn(user) });
      expect(denied.statusCode, user).toBe(403);
    }
  });

  it('refuses dates that are not a later season of a group whose season ends, naming the field', async () => {
    const cases: Array<[string, object, string]> = [
      ['Influenza', { ...season, startDate: '2026-06-01' }, 'startDate'],
      ['Influenza', { ...season, endDate: '2026-06-30' }, 'endDate'],
      ['Influenza', { ...season, endDate: '2027-07-01' }, 'endDate'],
      ['COVID-19', season, 'vaccineGroup'],
      ['Influenza', { ...season, reason: ' ' }, 'reason'],
      ['Influenza', { ...season, endDate: '2027-02-30' }, 'endDate'],
    ];
    for (const [group, payload, field] of cases) {
      const res = await put('dphadmin', group, payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().fields.map((f: { path: string }) => f.path)).toEqual([field]);
    }
    expect((await put('clinicstaff', 'Influenza', season)).statusCode).toBe(403);
    expect(await s.ctx.db.selectFrom('recommender_season_overrides').selectAll().execute()).toEqual([]);
  });

  it('forecasts influenza with the season DPH set, says so, and audits who set it', async () => {
    const res = await put('dphadmin', 'Influenza', season);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ overrideInUse: true, coveredToday: true, override: { ...season, setBy: 'dphadmin' } });
    expect(await influenza()).toMatchObject({
      urgency: 'due_now',
      forecastDoseNumber: 1,
      earliestDate: '2026-07-01',
      season: { startDate: '2026-07-01', endDate: '2027-06-30', setBy: 'dph' },
    });
    const audit = await s.ctx.db
      .selectFrom('audit_log')
      .select(['actor_username', 'entity_id', 'detail'])
      .where('action', '=', 'recommender.season.set')
      .execute();
    expect(audit).toEqual([{ actor_username: 'dphadmin', entity_id: 'Influenza', detail: season }]);
  });

  it('uses the same dates for a what-if evaluation', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/recommender/evaluate',
      headers: await s.signIn('clinicstaff'),
      payload: { dob: '2024-01-12', assessmentDate: '2026-12-07', doses: [] },
    });
    const flu = res.json().vaccineGroups.find((g: { vaccineGroup: string }) => g.vaccineGroup === 'Influenza');
    expect(flu).toMatchObject({ urgency: 'due_now', season: { setBy: 'dph' } });
  });

  it('keeps the release’s season for dates the release covers', async () => {
    expect((await influenza('2026-03-01')).season).toEqual({ startDate: '2025-07-01', endDate: '2026-06-30', setBy: 'release' });
  });
});
