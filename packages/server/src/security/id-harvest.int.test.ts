// Registry ids were CT0001000001, CT0001000002…: a clinic user could walk the registry one id at a time. New
// ids are random with a check digit, and look-ups by identifier are counted per user: past a threshold DPH
// is alerted, past the limit the user is refused.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnValid } from '../modules/patients/index.ts';
import { createTestServer, type TestServer } from '../testing/test-server.ts';
import { buildPatient, caller, type Headers } from './data-battery.test-helpers.ts';

describe('harvesting the registry by id', () => {
  let s: TestServer;
  let api: ReturnType<typeof caller>;
  let clinic: Headers;
  let dph: Headers;
  const ids: string[] = [];

  beforeAll(async () => {
    s = await createTestServer({ ID_LOOKUPS_PER_HOUR: 30, ID_LOOKUP_ALERT_AT: 20 });
    api = caller(s);
    clinic = await s.signIn('clinicstaff');
    dph = await s.signIn('dphadmin');
    for (let i = 0; i < 12; i++) {
      const first = `Harvey${'abcdefghijkl'[i]}`;
      ids.push((await api.create(clinic, buildPatient({ name: { first, last: 'Idwalker' }, identifiers: [], phones: [] }))).iisId);
    }
  }, 60_000);
  afterAll(async () => {
    await s.shutdown();
  });

  const byId = (h: Headers, iisId: string) => api.call(h, 'POST', '/api/patients/search', { iisId });

  it('gives new records random ids with a check digit, nothing like a sequence', () => {
    for (const id of ids) {
      expect(id).toMatch(/^CT\d{16}$/);
      expect(luhnValid(id.slice(2)), id).toBe(true);
    }
    const numbers = ids.map((id) => BigInt(id.slice(2, -1)));
    for (let i = 1; i < numbers.length; i++) {
      const gap = numbers[i]! > numbers[i - 1]! ? numbers[i]! - numbers[i - 1]! : numbers[i - 1]! - numbers[i]!;
      expect(gap > 1000n, `${ids[i - 1]} then ${ids[i]}`).toBe(true);
    }
  });

  it('answers a mistyped id with a 400 on the check digit instead of searching', async () => {
    const id = ids[0]!;
    const typo = `${id.slice(0, -1)}${(Number(id.at(-1)) + 1) % 10}`;
    const res = await byId(clinic, typo);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ path: 'iisId', message: expect.stringMatching(/check digit/) }]);
  });

  it('still finds records by the sequential ids printed before', async () => {
    const { id } = await api.create(clinic, buildPatient({ name: { first: 'Olga', last: 'Oldnumber' }, identifiers: [], phones: [] }));
    await sql`UPDATE patients SET iis_id = 'CT0001000042' WHERE id = ${id}`.execute(s.ctx.db);
    const res = await byId(dph, 'CT0001000042');
    expect(res.json().results.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  it('alerts DPH when a user looks up many records by identifier, then refuses them past the hourly limit', async () => {
    const walker = await s.signIn('ceo');
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await byId(walker, ids[i % ids.length]!)).statusCode);
    expect(statuses.slice(0, 30).every((c) => c === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    // Other users are not affected.
    expect((await byId(clinic, ids[0]!)).statusCode).toBe(200);

    const alerts = await s.ctx.db
      .selectFrom('audit_log')
      .select(['actor_username', 'outcome', 'detail'])
      .where('action', '=', 'patient.lookup.bulk')
      .execute();
    expect(alerts).toEqual([{ actor_username: 'ceo', outcome: 'failure', detail: expect.objectContaining({ lookups: 20, limit: 30 }) }]);
    const refused = await s.ctx.db
      .selectFrom('audit_log')
      .select('actor_username')
      .where('action', '=', 'patient.lookup.refused')
      .execute();
    expect(refused).toEqual([{ actor_username: 'ceo' }]);

    const list = await api.call(dph, 'GET', '/api/patient-lookup-alerts');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().alerts).toEqual([expect.objectContaining({ username: 'ceo', lookups: 31, refused: true })]);
    expect((await api.call(clinic, 'GET', '/api/patient-lookup-alerts')).statusCode).toBe(403);
  });

  it('counts look-ups by MRN and by phone alone too, but not name and date-of-birth searches', async () => {
    const nurse = await s.signIn('coordinator');
    for (let i = 0; i < 5; i++)
      await api.call(nurse, 'POST', '/api/patients/search', { lastName: 'Idwalker', firstName: 'Harvey', dob: '2019-04-17' });
    await api.call(nurse, 'POST', '/api/patients/search', { mrn: 'MRN-1' });
    await api.call(nurse, 'POST', '/api/patients/search', { phone: '203-555-0100' });
    const row = await s.ctx.db
      .selectFrom('patient_lookup_counts as c')
      .innerJoin('users as u', 'u.id', 'c.user_id')
      .select('c.lookups')
      .where('u.username', '=', 'coordinator')
      .executeTakeFirstOrThrow();
    expect(row.lookups).toBe(2);
  });
});
