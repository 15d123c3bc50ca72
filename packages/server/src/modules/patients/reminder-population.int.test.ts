// The reminder/recall population (a UNION of the clinic's owned and active-only patients): who each way in
// brings, and that every exclusion holds on both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { reminderPopulation, reminderPopulationIds } from './index.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

describe('reminder/recall population', () => {
  let s: TestServer;
  let ct1001 = '';
  const ids: Record<string, string> = {};
  const call = (h: Headers, method: 'POST' | 'PUT', url: string, payload: object) => s.app.inject({ method, url, headers: h, payload });

  async function person(h: Headers, key: string, last: string, dob = '2024-01-10') {
    const r = await call(h, 'POST', '/api/patients', { name: { first: 'Pat', last }, dob, sex: 'F', confirmNew: true });
    expect(r.statusCode, r.body).toBe(201);
    ids[key] = r.json().id;
  }

  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2026-06-15T15:00:00Z'));
    const clinic = await s.signIn('clinicstaff');
    const ceo = await s.signIn('ceo');
    const dph = await s.signIn('dphadmin');
    ct1001 = (await s.ctx.db.selectFrom('organizations').select('id').where('pin', '=', 'CT1001').executeTakeFirstOrThrow()).id;
    await person(clinic, 'owned', 'Owned');
    await person(clinic, 'ownedInactive', 'Ownedinactive');
    await person(clinic, 'ownedOptedOut', 'Ownedoptedout');
    await person(clinic, 'ownedOld', 'Ownedold', '2000-01-10');
    for (const k of ['activeOnly', 'activeDeceased', 'activeOptedOut', 'elsewhere']) await person(ceo, k, k);
    // Recording a patient at a clinic makes them active there; the medical home is taken separately.
    for (const k of ['owned', 'ownedInactive', 'ownedOptedOut', 'ownedOld']) {
      const r = await call(clinic, 'PUT', `/api/patients/${ids[k]}/owner`, { own: true });
      expect(r.statusCode, r.body).toBe(200);
    }
    const status = (key: string, body: object) => call(clinic, 'PUT', `/api/patients/${ids[key]}/status`, body);
    expect((await status('ownedInactive', { status: 'inactive_moved' })).statusCode).toBe(200);
    // Inactivating releases the medical home; taken again, the patient is owned yet still inactive at the clinic.
    expect((await call(clinic, 'PUT', `/api/patients/${ids.ownedInactive}/owner`, { own: true })).statusCode).toBe(200);
    for (const k of ['activeOnly', 'activeDeceased', 'activeOptedOut']) {
      const r = await status(k, { status: 'active' });
      expect(r.statusCode, r.body).toBe(200);
    }
    const died = await call(clinic, 'PUT', `/api/patients/${ids.activeDeceased}/jurisdiction-status`, {
      status: 'deceased',
      deceasedDate: '2026-05-01',
    });
    expect(died.statusCode, died.body).toBe(200);
    for (const k of ['ownedOptedOut', 'activeOptedOut']) {
      const r = await call(dph, 'PUT', `/api/patients/${ids[k]}/opt-out`, { optedOut: true, reason: 'Signed request received' });
      expect(r.statusCode, r.body).toBe(200);
    }
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const filter = (ownedOnly: boolean) => ({ organizationId: ct1001, ownedOnly, dobFrom: '2020-01-01', dobTo: '2026-06-15' });
  const keysOf = (found: string[]) =>
    Object.entries(ids)
      .filter(([, id]) => found.includes(id))
      .map(([k]) => k)
      .sort();

  it('brings the owned and the active-only patients once each, leaving out inactive, deceased, opted-out, others’ and out-of-range ones', async () => {
    const all = await reminderPopulationIds(s.ctx.db, filter(false)).execute();
    expect(keysOf(all.map((r) => r.id))).toEqual(['activeOnly', 'owned']);
    expect(all).toHaveLength(2);
    const people = await reminderPopulation(s.ctx.db, filter(false));
    expect(keysOf(people.map((p) => p.id))).toEqual(['activeOnly', 'owned']);
  });

  it('brings only the owned ones when asked, and of a list only those in the population', async () => {
    const owned = await reminderPopulationIds(s.ctx.db, filter(true)).execute();
    expect(keysOf(owned.map((r) => r.id))).toEqual(['owned']);
    const among = await reminderPopulation(s.ctx.db, { ...filter(false), among: [ids.activeOnly!, ids.elsewhere!, ids.ownedInactive!] });
    expect(keysOf(among.map((p) => p.id))).toEqual(['activeOnly']);
    expect(await reminderPopulation(s.ctx.db, { ...filter(false), among: [] })).toEqual([]);
  });
});
