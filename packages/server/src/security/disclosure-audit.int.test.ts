// Every time the registry shows someone a patient (or a user), or refuses to, the audit log must say who
// saw whom: search results, duplicate candidates, the candidates of a refused add, denied attempts, and the
// user lists administrators read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.ts';
import { MMR_DOSE, buildPatient, caller, type Headers } from './data-battery.test-helpers.ts';

interface Entry {
  seq: number;
  action: string;
  outcome: string;
  actor_username: string | null;
  patient_id: string | null;
  detail: Record<string, unknown>;
}

describe('disclosures on the audit record', () => {
  let s: TestServer;
  let api: ReturnType<typeof caller>;
  let clinic: Headers;
  let fqhc: Headers;
  let dph: Headers;
  let director: Headers;
  let twins: string[] = [];
  let optedOut = '';

  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2026-11-20T15:00:00Z'));
    api = caller(s);
    clinic = await s.signIn('clinicstaff');
    fqhc = await s.signIn('ceo');
    dph = await s.signIn('dphadmin');
    director = await s.signIn('healthdirector');
    twins = [
      (await api.create(clinic, buildPatient({ name: { first: 'Tomasz', last: 'Wieczorek' }, identifiers: [] }))).id,
      (await api.create(clinic, buildPatient({ name: { first: 'Tomas', last: 'Wieczorek' }, identifiers: [] }))).id,
    ];
    optedOut = (await api.create(clinic, buildPatient({ name: { first: 'Opal', last: 'Outwater' }, dob: '2018-08-08', identifiers: [] })))
      .id;
    const opt = await api.call(dph, 'PUT', `/api/patients/${optedOut}/opt-out`, { optedOut: true, reason: 'Signed written request' });
    expect(opt.statusCode, opt.body).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await s.shutdown();
  });

  /** Runs an action and returns the audit entries it wrote. */
  async function entriesOf(action: () => Promise<unknown>): Promise<Entry[]> {
    const mark = await s.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirstOrThrow();
    await action();
    return (await s.ctx.db
      .selectFrom('audit_log')
      .select(['seq', 'action', 'outcome', 'actor_username', 'patient_id', 'detail'])
      .where('seq', '>', Number(mark.seq ?? 0))
      .orderBy('seq')
      .execute()) as Entry[];
  }

  it('names every patient a search showed, and the log viewer finds the search under each of them', async () => {
    let shown: string[] = [];
    const entries = await entriesOf(async () => {
      const res = await api.call(clinic, 'POST', '/api/patients/search', { lastName: 'Wieczorek', firstName: 'Tomasz', dob: '2019-04-17' });
      expect(res.statusCode, res.body).toBe(200);
      shown = (res.json().results as { id: string }[]).map((r) => r.id);
    });
    expect(shown).toEqual(expect.arrayContaining(twins));
    const search = entries.find((e) => e.action === 'patient.search')!;
    expect(search.detail.patientIds).toEqual(shown);
    const viewer = await api.call(dph, 'GET', `/api/audit?patientId=${twins[1]}&action=patient.search`);
    expect((viewer.json().entries as { seq: number }[]).map((e) => e.seq)).toContain(search.seq);
  });

  it('names the candidates of a duplicate check', async () => {
    const entries = await entriesOf(async () => {
      const res = await api.call(
        clinic,
        'POST',
        '/api/patients/duplicates',
        buildPatient({ name: { first: 'Tomasz', last: 'Wieczorek' } }),
      );
      expect(res.json().candidates.length).toBeGreaterThan(0);
    });
    const check = entries.find((e) => e.action === 'patient.duplicates.check');
    expect(check?.detail.patientIds).toEqual(expect.arrayContaining(twins));
  });

  it('names the candidates shown with a 409 when adding a likely duplicate', async () => {
    const entries = await entriesOf(async () => {
      const res = await api.call(
        clinic,
        'POST',
        '/api/patients',
        buildPatient({ name: { first: 'Tomasz', last: 'Wieczorek' }, confirmNew: false }),
      );
      expect(res.statusCode).toBe(409);
    });
    const shown = entries.find((e) => e.action === 'patient.create.candidates');
    expect(shown).toMatchObject({ outcome: 'failure', actor_username: 'clinicstaff' });
    expect(shown?.detail.patientIds).toEqual(expect.arrayContaining(twins));
  });

  it('records a 403 refused by the route policy, with the patient asked for', async () => {
    const entries = await entriesOf(async () => {
      const res = await api.call(clinic, 'PUT', `/api/patients/${twins[0]}/opt-out`, { optedOut: true, reason: 'Trying my luck' });
      expect(res.statusCode).toBe(403);
    });
    expect(entries).toEqual([
      expect.objectContaining({ action: 'access.denied', outcome: 'denied', actor_username: 'clinicstaff', patient_id: twins[0] }),
    ]);
    expect(entries[0]!.detail).toMatchObject({ method: 'PUT', route: '/api/patients/:id/opt-out', status: 403 });
  });

  it('records a 403 refused by a record rule (another clinic’s dose)', async () => {
    const dose = await api.call(clinic, 'POST', `/api/patients/${twins[0]}/doses`, MMR_DOSE);
    const entries = await entriesOf(async () => {
      const res = await api.call(fqhc, 'DELETE', `/api/patients/${twins[0]}/doses/${dose.json().id}?reason=not+ours`);
      expect(res.statusCode).toBe(403);
    });
    expect(entries).toEqual([
      expect.objectContaining({ action: 'access.denied', outcome: 'denied', actor_username: 'ceo', patient_id: twins[0] }),
    ]);
  });

  it('records a 404 for a patient who exists outside the caller’s scope', async () => {
    const entries = await entriesOf(async () => {
      expect((await api.call(director, 'GET', `/api/patients/${twins[0]}`)).statusCode).toBe(404); // New Haven is not the district's
    });
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'patient.access.denied',
        outcome: 'denied',
        actor_username: 'healthdirector',
        patient_id: twins[0],
      }),
    ]);
    expect(entries[0]!.detail).toMatchObject({ reason: 'out_of_scope', status: 404 });
  });

  it('records a 404 for an opted-out patient', async () => {
    const entries = await entriesOf(async () => {
      expect((await api.call(clinic, 'GET', `/api/patients/${optedOut}/immunizations`)).statusCode).toBe(404);
    });
    expect(entries).toEqual([expect.objectContaining({ action: 'patient.access.denied', outcome: 'denied', patient_id: optedOut })]);
    expect(entries[0]!.detail).toMatchObject({ reason: 'opted_out' });
  });

  it('does not record a 404 for a patient who does not exist as a disclosure of one', async () => {
    const entries = await entriesOf(() => api.call(clinic, 'GET', '/api/patients/00000000-0000-4000-8000-000000000000'));
    expect(entries.filter((e) => e.patient_id)).toEqual([]);
  });

  it('names the users an administrator’s user search showed, and the one user opened', async () => {
    let ids: string[] = [];
    const listed = await entriesOf(async () => {
      const res = await api.call(dph, 'GET', '/api/users?pin=CT1001');
      ids = (res.json().users as { id: string }[]).map((u) => u.id);
      expect(ids.length).toBeGreaterThan(1);
    });
    expect(listed).toEqual([expect.objectContaining({ action: 'user.list', actor_username: 'dphadmin' })]);
    expect(listed[0]!.detail.userIds).toEqual(ids);
    const opened = await entriesOf(() => api.call(dph, 'GET', `/api/users/${ids[0]}`));
    expect(opened).toEqual([expect.objectContaining({ action: 'user.view', actor_username: 'dphadmin' })]);
    expect(opened[0]!.detail.userIds).toEqual([ids[0]]);
  });

  it('names the users a coordinator’s clinic list showed', async () => {
    const coordinator = await s.signIn('coordinator');
    let ids: string[] = [];
    const entries = await entriesOf(async () => {
      const res = await api.call(coordinator, 'GET', '/api/clinic-users');
      ids = (res.json().users as { id: string }[]).map((u) => u.id);
    });
    expect(ids.length).toBeGreaterThan(1);
    expect(entries).toEqual([expect.objectContaining({ action: 'user.list', actor_username: 'coordinator' })]);
    expect(entries[0]!.detail.userIds).toEqual(ids);
  });
});
