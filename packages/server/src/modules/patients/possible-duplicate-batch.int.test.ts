// queuePossibleDuplicates: a new record's candidates queued in one statement, with the single call's rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { queuePossibleDuplicate, queuePossibleDuplicates } from './possible-duplicate.service.ts';

describe('queuePossibleDuplicates', () => {
  let s: TestServer;
  let clinic: Record<string, string>;
  // People unlike each other: adding them queues nothing by itself.
  const add = async (first: string, last: string, dob: string): Promise<string> => {
    const payload = {
      name: { first, last },
      dob,
      sex: 'M',
      addresses: [{ street: `${dob.slice(8)} Church St`, city: 'Hamden', state: 'CT', zip: '06514' }],
      confirmNew: true,
    };
    const r = await s.app.inject({ method: 'POST', url: '/api/patients', headers: clinic, payload });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id;
  };
  const pairsOf = (id: string) =>
    s.ctx.db
      .selectFrom('patient_possible_duplicates')
      .select(['patient_low', 'patient_high', 'score', 'reasons', 'source'])
      .where((eb) => eb.or([eb('patient_low', '=', id), eb('patient_high', '=', id)]))
      .execute();

  beforeAll(async () => {
    s = await createTestServer();
    clinic = await s.signIn('clinicstaff');
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('queues every live pair once, skips a pair already queued, a merged-away record and the record itself', async () => {
    const fresh = await add('Mateo', 'Vasquez', '2023-05-17');
    const a = await add('Ingrid', 'Halvorsen', '2019-01-02');
    const b = await add('Kwame', 'Mensah', '2020-03-04');
    const c = await add('Lucia', 'Ferrante', '2021-06-07');
    const merged = await add('Yusuf', 'Demir', '2022-09-10');
    expect(await pairsOf(fresh)).toEqual([]);
    await queuePossibleDuplicate(s.ctx.db, { patientId: fresh, candidateId: b, score: 70, reasons: ['before'], source: 'ui' }, new Date());
    await s.ctx.db.updateTable('patients').set({ merged_into: a }).where('id', '=', merged).execute();
    const input = (candidateId: string, score: number) => ({
      patientId: fresh,
      candidateId,
      score,
      reasons: ['Name similar', 'x'.repeat(300)],
      source: 'hl7' as const,
    });
    const queued = await queuePossibleDuplicates(
      s.ctx.db,
      [input(a, 81.6), input(b, 75), input(c, 140), input(merged, 80), input(fresh, 90)],
      new Date(),
    );
    expect(queued).toBe(2);
    const rows = await pairsOf(fresh);
    const other = (r: { patient_low: string; patient_high: string }) => (r.patient_low === fresh ? r.patient_high : r.patient_low);
    expect(rows.map((r) => [other(r), r.score, r.source]).sort()).toEqual(
      [
        [a, 82, 'hl7'],
        [b, 70, 'ui'],
        [c, 100, 'hl7'],
      ].sort(),
    );
    expect(rows.find((r) => other(r) === a)!.reasons).toEqual(['Name similar', 'x'.repeat(200)]);
    expect(await queuePossibleDuplicates(s.ctx.db, [input(a, 50)], new Date())).toBe(0);
    expect(await queuePossibleDuplicates(s.ctx.db, [], new Date())).toBe(0);
  });
});
