// Races the probe won with parallel requests: lost updates, crossed merges, duplicated doses. Each check
// must hold in SQL (a version condition, row locks), so these run on PostgreSQL with a connection pool.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.ts';
import { MMR_DOSE, buildPatient, caller, type Headers } from './data-battery.test-helpers.ts';

// PGlite has one session: every transaction runs alone there, so a race cannot be staged on it.
const onPostgres = !!process.env.TEST_DATABASE_URL;

describe.skipIf(!onPostgres)('concurrent writes on PostgreSQL', () => {
  let s: TestServer;
  let clinic: Headers;
  let dph: Headers;
  let api: ReturnType<typeof caller>;

  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2026-11-20T15:00:00Z'));
    api = caller(s);
    clinic = await s.signIn('clinicstaff');
    dph = await s.signIn('dphadmin');
  }, 120_000);
  afterAll(async () => {
    await s.shutdown();
  });

  const person = (first: string, dob: string) =>
    buildPatient({ name: { first, last: 'Raceway' }, dob, phones: [], guardians: [], identifiers: [], mothersMaidenName: undefined });

  it('lets exactly one of ten simultaneous edits of one version win; the others get 409 with the current version', async () => {
    const { id } = await api.create(clinic, person('Edit', '2018-01-05'));
    const { version } = (await api.call(clinic, 'GET', `/api/patients/${id}`)).json() as { version: number };
    const edits = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.call(clinic, 'PUT', `/api/patients/${id}`, { ...person(`Edit${'x'.repeat(i + 1)}`, '2018-01-05'), version }),
      ),
    );
    const codes = edits.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, ...Array(9).fill(409)]);
    for (const r of edits.filter((e) => e.statusCode === 409)) expect(r.json().currentVersion).toBe(version + 1);
    const after = (await api.call(clinic, 'GET', `/api/patients/${id}`)).json() as { version: number };
    expect(after.version).toBe(version + 1);
    const history = (await api.call(clinic, 'GET', `/api/patients/${id}/history`)).json() as { changes: { action: string }[] };
    expect(history.changes.filter((c) => c.action === 'update')).toHaveLength(1);
  });

  /** Follows merged_into from a record: the chain must end at a live record without revisiting one. */
  async function survivorOf(id: string): Promise<string> {
    const seen = new Set<string>();
    let at: string | null = id;
    while (at) {
      if (seen.has(at)) throw new Error(`merge cycle through ${[...seen].join(' → ')}`);
      seen.add(at);
      const row: { merged_into: string | null } = await s.ctx.db
        .selectFrom('patients')
        .select('merged_into')
        .where('id', '=', at)
        .executeTakeFirstOrThrow();
      if (!row.merged_into) return at;
      at = row.merged_into;
    }
    throw new Error('unreachable');
  }

  const merge = (survivorId: string, mergedId: string) =>
    api.call(dph, 'POST', '/api/patient-merges', { survivorId, mergedId, reason: 'Duplicate records of one child' });

  it('merges A←B and B←A at once into one record, never a cycle, and DPH still reaches both', async () => {
    for (let round = 0; round < 5; round++) {
      const a = (await api.create(clinic, person(`Ana${round}`, '2017-03-03'))).id;
      const b = (await api.create(clinic, person(`Anna${round}`, '2017-03-03'))).id;
      const results = await Promise.all([merge(a, b), merge(b, a)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const end = await survivorOf(a);
      expect(await survivorOf(b)).toBe(end);
      const live = await api.call(dph, 'GET', `/api/patients/${end}`);
      expect(live.statusCode, live.body).toBe(200);
      const gone = await api.call(dph, 'GET', `/api/patients/${end === a ? b : a}`);
      expect(gone.json()).toMatchObject({ mergedInto: end });
    }
  });

  it('merges B into only one of A and C when both are asked at once', async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b, c] = await Promise.all(
        ['Bo', 'Bob', 'Bobby'].map(async (n) => (await api.create(clinic, person(`${n}${round}`, '2016-06-06'))).id),
      );
      const results = await Promise.all([merge(a!, b!), merge(c!, b!)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const winner = results[0]!.statusCode === 201 ? a! : c!;
      expect(await survivorOf(b!)).toBe(winner);
      const merges = await s.ctx.db.selectFrom('patient_merges').select('survivor_id').where('merged_id', '=', b!).execute();
      expect(merges).toEqual([{ survivor_id: winner }]);
      // The merged record's reports all moved to the one survivor.
      const reports = await s.ctx.db.selectFrom('patient_reports').select('patient_id').where('origin_patient_id', '=', b!).execute();
      expect(new Set(reports.map((r) => r.patient_id))).toEqual(new Set([winner]));
    }
  });

  it('keeps twenty simultaneous reports of one MMR dose as one master dose', async () => {
    const { id } = await api.create(clinic, person('Dose', '2019-04-17'));
    const results = await Promise.all(Array.from({ length: 20 }, () => api.call(clinic, 'POST', `/api/patients/${id}/doses`, MMR_DOSE)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const masters = new Set(results.map((r) => r.json().masterId as string));
    expect(masters.size).toBe(1);
    const imm = (await api.call(clinic, 'GET', `/api/patients/${id}/immunizations`)).json() as { doses: { cvx: string }[] };
    expect(imm.doses.filter((d) => d.cvx === '03')).toHaveLength(1);
  });
});
