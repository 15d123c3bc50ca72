import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { verifyAuditChain } from '../audit/index.ts';
import { queuePossibleDuplicate } from './possible-duplicate.service.ts';

/** The possible-duplicate queue: queued once per pair, reviewed by DPH data stewards, merged or dismissed for good. */
describe('possible-duplicate queue', () => {
  let s: TestServer;
  type Headers = Record<string, string>;
  let clinic: Headers;
  let steward: Headers;
  const call = (h: Headers, method: 'GET' | 'POST', url: string, payload?: object) =>
    s.app.inject({ method, url, headers: h, ...(payload ? { payload } : {}) });
  const person = (first: string, last: string, dob: string, street = '12 Dixwell Avenue') => ({
    name: { first, last },
    dob,
    sex: 'F',
    addresses: [{ street, city: 'Hamden', state: 'CT', zip: '06514' }],
    confirmNew: true,
  });
  const add = async (p: ReturnType<typeof person>): Promise<string> => {
    s.clock.advance(60_000); // each record a minute younger than the last: the older one is shown first
    const r = await call(clinic, 'POST', '/api/patients', p);
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id;
  };
  const openPairs = async () => (await call(steward, 'GET', '/api/possible-duplicates')).json();
  const dataQualityCount = async (h: Headers) => {
    const r = await call(h, 'GET', '/api/reports/data-quality');
    expect(r.statusCode, r.body).toBe(200);
    return r.json().checks.find((c: { key: string }) => c.key === 'possible_duplicates').count as number;
  };

  beforeAll(async () => {
    s = await createTestServer();
    clinic = await s.signIn('clinicstaff');
    steward = await s.signIn('dphadmin');
  });
  afterAll(async () => {
    await s.shutdown();
  });

  let marisol = '';
  let marisolAgain = '';
  it('queues the pair when a clinic adds a record over a likely match, once however often it is queued', async () => {
    marisol = await add(person('Marisol', 'Quintero', '2024-02-11'));
    marisolAgain = await add(person('Marisol', 'Quintero', '2024-02-11'));
    const q = await openPairs();
    expect(q.total).toBe(1);
    expect(q.pairs[0]).toMatchObject({ source: 'ui', patients: [{ id: marisol, name: 'Marisol Quintero' }, { id: marisolAgain }] });
    expect(q.pairs[0].reasons).toEqual(expect.arrayContaining(['DOB exact']));
    expect(q.pairs[0].patients[0]).toMatchObject({ dob: '2024-02-11', address: '12 Dixwell Avenue, Hamden, CT 06514' });
    // The other side, another channel, a different score: still the one pair.
    const again = await queuePossibleDuplicate(
      s.ctx.db,
      {
        patientId: marisolAgain,
        candidateId: marisol,
        score: 99,
        reasons: [],
        source: 'hl7',
      },
      s.clock.now(),
    );
    expect(again).toEqual({ queued: false });
    expect((await openPairs()).total).toBe(1);
    const audit = await s.ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'patient.duplicates.view').execute();
    expect(audit.at(-1)?.detail).toMatchObject({ patientIds: expect.arrayContaining([marisol, marisolAgain]) });
  });

  it('shows the queue to DPH data stewards only', async () => {
    for (const user of ['clinicstaff', 'dphanalyst', 'healthdirector']) {
      expect((await call(await s.signIn(user), 'GET', '/api/possible-duplicates')).statusCode, user).toBe(403);
    }
    const pairId = (await openPairs()).pairs[0].id;
    const r = await call(await s.signIn('dphanalyst'), 'POST', `/api/possible-duplicates/${pairId}/not-duplicate`, { note: 'twins' });
    expect(r.statusCode).toBe(403);
  });

  it('counts open possible duplicates in the data-quality report, within the reader’s scope', async () => {
    expect(await dataQualityCount(clinic)).toBe(2);
    expect(await dataQualityCount(await s.signIn('dphanalyst'))).toBe(2);
    expect(await dataQualityCount(await s.signIn('ceo'))).toBe(0);
  });

  it('resolves "not a duplicate" once, audited on both records, and never queues the pair again', async () => {
    const pairId = (await openPairs()).pairs[0].id;
    expect((await call(steward, 'POST', `/api/possible-duplicates/${pairId}/not-duplicate`, { note: '' })).statusCode).toBe(400);
    // Two stewards click at once: one resolves it, the other is told it was resolved.
    const both = await Promise.all([
      call(steward, 'POST', `/api/possible-duplicates/${pairId}/not-duplicate`, { note: 'Twins: birth order 1 and 2' }),
      call(steward, 'POST', `/api/possible-duplicates/${pairId}/not-duplicate`, { note: 'Twins: birth order 1 and 2' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await openPairs()).total).toBe(0);
    const audit = await s.ctx.db.selectFrom('audit_log').select('patient_id').where('action', '=', 'patient.not_duplicate').execute();
    expect(audit.map((a) => a.patient_id).sort()).toEqual([marisol, marisolAgain].sort());
    // The two entries link one after the other: the chain does not fork.
    expect(await verifyAuditChain(s.ctx.db)).toMatchObject({ ok: true });
    const requeued = await queuePossibleDuplicate(
      s.ctx.db,
      {
        patientId: marisol,
        candidateId: marisolAgain,
        score: 95,
        reasons: [],
        source: 'scan',
      },
      s.clock.now(),
    );
    expect(requeued).toEqual({ queued: false });
    expect(await dataQualityCount(clinic)).toBe(0);
  });

  it('merges a pair into the record the steward chose, through the merge flow, and closes the pair', async () => {
    const older = await add(person('Tobias', 'Lindqvist', '2023-07-30', '40 Whitney Avenue'));
    const newer = await add(person('Tobias', 'Lindqvist', '2023-07-30', '40 Whitney Avenue'));
    const pair = (await openPairs()).pairs[0];
    expect(pair.patients.map((p: { id: string }) => p.id)).toEqual([older, newer]);
    const stranger = await add(person('Ines', 'Oyelaran', '2021-01-05', '9 Elm Street'));
    const wrong = await call(steward, 'POST', `/api/possible-duplicates/${pair.id}/merge`, { survivorId: stranger, reason: 'same child' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().title + JSON.stringify(wrong.json())).toMatch(/survivorId/);
    const merged = await call(steward, 'POST', `/api/possible-duplicates/${pair.id}/merge`, {
      survivorId: older,
      reason: 'Same child, entered twice',
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ id: pair.id, status: 'merged', mergeId: expect.any(String) });
    expect((await call(steward, 'GET', `/api/patients/${newer}`)).json().mergedInto).toBe(older);
    expect((await openPairs()).total).toBe(0);
    expect(
      (await call(steward, 'POST', `/api/possible-duplicates/${pair.id}/merge`, { survivorId: older, reason: 'again' })).statusCode,
    ).toBe(409);
    const row = await s.ctx.db
      .selectFrom('patient_possible_duplicates')
      .select(['status', 'resolved_by'])
      .where('id', '=', pair.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('merged');
    expect(row.resolved_by).not.toBeNull();
    // The merge's audit entry carries the steward's reason and the pair it was started from.
    const audit = await s.ctx.db
      .selectFrom('audit_log')
      .select(['patient_id', 'detail'])
      .where('action', '=', 'patient.merge')
      .where('patient_id', '=', older)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toEqual({
      mergedId: newer,
      mergeId: merged.json().mergeId,
      reason: 'Same child, entered twice',
      pairId: pair.id,
    });
  });

  it('closes the pair when the records are merged from the record page, and hides pairs with a merged-away record', async () => {
    const a = await add(person('Oksana', 'Petrenko', '2022-09-14', '3 Church Street'));
    const b = await add(person('Oksana', 'Petrenko', '2022-09-14', '3 Church Street'));
    const c = await add(person('Oksana', 'Petrenko', '2022-09-14', '3 Church Street'));
    expect((await openPairs()).total).toBe(3);
    const r = await call(steward, 'POST', '/api/patient-merges', { survivorId: a, mergedId: b, reason: 'Same child' });
    expect(r.statusCode, r.body).toBe(201);
    // a–b closed by the merge; b–c hidden (b is gone); a–c still to review.
    const q = await openPairs();
    expect(q.total).toBe(1);
    expect(q.pairs[0].patients.map((p: { id: string }) => p.id).sort()).toEqual([a, c].sort());
    // The hidden pair is not decided on either way: its record b lives on only as part of a.
    const hidden = await s.ctx.db
      .selectFrom('patient_possible_duplicates')
      .select('id')
      .where('patient_low', '=', b < c ? b : c)
      .where('patient_high', '=', b < c ? c : b)
      .executeTakeFirstOrThrow();
    expect((await call(steward, 'POST', `/api/possible-duplicates/${hidden.id}/not-duplicate`, { note: 'Cousins' })).statusCode).toBe(409);
    expect((await call(steward, 'POST', `/api/possible-duplicates/${hidden.id}/merge`, { survivorId: c, reason: 'Same' })).statusCode).toBe(
      409,
    );
    const merge = await s.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'patient.merge')
      .where('patient_id', '=', a)
      .executeTakeFirstOrThrow();
    expect(merge.detail).toEqual({ mergedId: b, mergeId: r.json().mergeId, reason: 'Same child' });
  });
});
