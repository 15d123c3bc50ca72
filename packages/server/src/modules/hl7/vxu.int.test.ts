import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { valueAt } from '@nutmeg/hl7v2';
import { verifyAuditChain } from '../audit/index.ts';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { errSeverities, msa1, postHl7, readJsonl, registerInterface, withMsh, type TestInterface } from './hl7.testing.ts';
import { messageById } from './message.repo.ts';

interface Aart {
  id: string;
  description: string;
  expected: { assert_result: 'Accept' | 'Reject' };
  text: string;
}
const AART = readJsonl<Aart>('messages/derived-aart-not-accepted.jsonl');
const BASELINE = AART.find((a) => a.id.endsWith('baseline'))!.text;

describe('VXU^V04 → ACK', () => {
  let s: TestServer;
  let prod: TestInterface;
  let testing: TestInterface;
  beforeAll(async () => {
    s = await createTestServer();
    prod = await registerInterface(s, { app: 'Test EHR Application', clinicPins: ['CT1001'], status: 'production' });
    testing = await registerInterface(s, { app: 'Testing EHR', clinicPins: ['CT1001'], status: 'testing' });
  });
  afterAll(async () => {
    await s.shutdown();
  });

  async function dosesOf(lastName: string, dob: string) {
    const dph = await s.signIn('dphadmin');
    const found = (await s.app.inject({ method: 'POST', url: '/api/patients/search', headers: dph, payload: { lastName, dob } })).json();
    if (!found.results?.length) return undefined;
    const imm = await s.app.inject({ method: 'GET', url: `/api/patients/${found.results[0].id}/immunizations`, headers: dph });
    return { count: found.results.length, doses: imm.json().doses as Array<{ cvx: string; date: string; lot: string | null }> };
  }

  it('refuses a request without the interface’s credentials (401, nothing stored)', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/hl7/v2', headers: { 'content-type': 'text/plain' }, payload: BASELINE });
    expect(res.statusCode).toBe(401);
    const wrong = await postHl7(
      s,
      { ...prod, authorization: `Basic ${Buffer.from(`${prod.username}:nope`).toString('base64')}` },
      BASELINE,
    );
    expect(wrong.status).toBe(401);
  });

  it('a test message (MSH-11 T) is validated and answered, and nothing is stored', async () => {
    const res = await postHl7(s, testing, withMsh(withMsh(BASELINE, 11, 'T'), 3, 'Testing EHR'));
    expect(msa1(res.message)).toMatch(/^A[AE]$/);
    expect(errSeverities(res.message)).not.toContain('E');
    expect(await dosesOf('Snow', '2007-07-06')).toBeUndefined();
  });

  it('a production message from an interface still in testing is rejected (AR, 202)', async () => {
    const res = await postHl7(s, testing, BASELINE);
    expect(msa1(res.message)).toBe('AR');
    expect(valueAt(res.message!, 'ERR-3.1')).toBe('202');
  });

  it('rejects an unsupported message type (AR 200) and version (AR 203), and an unreadable message (AR)', async () => {
    expect(valueAt((await postHl7(s, prod, withMsh(BASELINE, 9, 'ADT^A04^ADT_A01'))).message!, 'ERR-3.1')).toBe('200');
    expect(valueAt((await postHl7(s, prod, withMsh(BASELINE, 12, '2.3.1'))).message!, 'ERR-3.1')).toBe('203');
    const junk = await postHl7(s, prod, 'this is not HL7');
    expect(junk.status).toBe(200);
    expect(msa1(junk.message)).toBe('AR');
  });

  it('rejects a message from an inactive interface (AR 207) and an unsupported processing id (AR 202), storing no dose', async () => {
    const inactive = await registerInterface(s, { app: 'Retired EHR', clinicPins: ['CT1001'], status: 'inactive' });
    const retired = await postHl7(s, inactive, withMsh(withMsh(BASELINE, 3, 'Retired EHR'), 10, 'INACTIVE-1'));
    expect([msa1(retired.message), valueAt(retired.message!, 'ERR-3.1')]).toEqual(['AR', '207']);
    const debug = await postHl7(s, prod, withMsh(withMsh(BASELINE, 11, 'D'), 10, 'DEBUG-1'));
    expect([msa1(debug.message), valueAt(debug.message!, 'ERR-3.1'), valueAt(debug.message!, 'ERR-2.1')]).toEqual(['AR', '202', 'MSH']);
    expect(await dosesOf('Snow', '2007-07-06')).toBeUndefined();
  });

  it('the AART baseline is accepted: the patient and the dose are recorded; a resend records nothing twice', async () => {
    const res = await postHl7(s, prod, BASELINE);
    expect(msa1(res.message)).toMatch(/^A[AE]$/);
    expect(errSeverities(res.message)).not.toContain('E');
    const first = await dosesOf('Snow', '2007-07-06');
    expect(first?.doses.map((d) => [d.cvx, d.date, d.lot])).toEqual([['140', '2012-08-14', 'Z0860BB']]);
    const again = await postHl7(s, prod, BASELINE);
    expect(errSeverities(again.message)).not.toContain('E');
    const second = await dosesOf('Snow', '2007-07-06');
    expect(second?.count).toBe(1);
    expect(second?.doses).toHaveLength(1);
  });

  it('a patient in the grey zone gets a new record, and the pair waits in DPH’s possible-duplicate queue', async () => {
    // Snow, Madelynn (2007-07-06) is on record from the baseline; this one differs in first name, birth date, record
    // number, mother, address and phone.
    const text = withMsh(BASELINE, 10, 'GREY-1')
      .replace('Snow^Madelynn^Ainsley', 'Snow^Madeline')
      .replace('|20070706|', '|20070607|')
      .replace('32 Prescott Street Ave^^Warwick^MA^02452', '9 Oak Rd^^Hartford^CT^06105')
      .replaceAll('^PRN^PH^^^657^5558563', '')
      .replace('D26376273', 'X11111111')
      .replace('|Lam^Morgan|', '||')
      .replace(/\rNK1\|[^\r]*/, '');
    const res = await postHl7(s, prod, text);
    expect(errSeverities(res.message)).not.toContain('E');
    const row = await s.ctx.db.selectFrom('hl7_messages').select('patient_id').where('control_id', '=', 'GREY-1').executeTakeFirstOrThrow();
    const original = await s.ctx.db.selectFrom('patients').select('id').where('first_name', '=', 'Madelynn').executeTakeFirstOrThrow();
    expect(row.patient_id).not.toBe(original.id);
    const pairs = await s.ctx.db.selectFrom('patient_possible_duplicates').selectAll().execute();
    expect(pairs).toHaveLength(1);
    expect([pairs[0]!.patient_low, pairs[0]!.patient_high].sort()).toEqual([row.patient_id, original.id].sort());
    expect(pairs[0]).toMatchObject({ source: 'hl7', status: 'open' });
  });

  for (const a of AART.filter((x) => x.expected.assert_result === 'Reject')) {
    it(`rejects AART ${a.id.split(':').pop()}: ${a.description}`, async () => {
      // A fresh name per case, so that a wrongly accepted message would show as a new record.
      const text = a.text.replaceAll('Snow^Madelynn', `Rejectcase${a.id.slice(-2).replace(/\D/g, 'x')}^Madelynn`);
      const res = await postHl7(s, prod, text);
      expect(res.status).toBe(200);
      expect(['AE', 'AR']).toContain(msa1(res.message));
      expect(errSeverities(res.message)).toContain('E');
      const row = await messageById(
        s.ctx.db,
        (await s.ctx.db.selectFrom('hl7_messages').select('id').orderBy('seq', 'desc').executeTakeFirstOrThrow()).id,
      );
      expect(row?.status).toBe('rejected');
      expect(row?.patient_id).toBeNull();
    });
  }

  it('keeps the raw message and its ACK side by side in the log', async () => {
    const res = await postHl7(s, prod, withMsh(BASELINE, 10, 'LOG-1'));
    const row = await s.ctx.db.selectFrom('hl7_messages').selectAll().where('control_id', '=', 'LOG-1').executeTakeFirstOrThrow();
    expect(row.raw).toBe(withMsh(BASELINE, 10, 'LOG-1'));
    expect(row.ack).toBe(res.text);
    expect(valueAt(res.message!, 'MSA-2')).toBe('LOG-1');
  });
  it('a failure after the first RXA writes nothing of the message; it waits in the error queue and reprocesses', async () => {
    // A second vaccination whose insert fails (a trigger stands in for a database failure half-way through).
    const text = BASELINE.replaceAll('Snow^Madelynn', 'Halfway^Madelynn').replace(/\r$/, '').split('\r');
    const rxa2 = text.filter((l) => /^(RXA|RXR)\|/.test(l)).map((l) => l.replace('20120814', '20121014').replace('Z0860BB', 'FAILHERE'));
    const msg = withMsh([...text, ...rxa2, ''].join('\r'), 10, 'HALFWAY-1');
    await sql`CREATE FUNCTION hl7_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.lot = 'FAILHERE' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`.execute(s.ctx.db);
    await sql`CREATE TRIGGER hl7_test_fail BEFORE INSERT ON doses FOR EACH ROW EXECUTE FUNCTION hl7_test_fail()`.execute(s.ctx.db);
    const auditBefore = await s.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirstOrThrow();
    let failed;
    try {
      failed = await postHl7(s, prod, msg);
    } finally {
      await sql`DROP TRIGGER hl7_test_fail ON doses`.execute(s.ctx.db);
      await sql`DROP FUNCTION hl7_test_fail()`.execute(s.ctx.db);
    }
    expect(msa1(failed.message)).toBe('AR');
    const audited = await s.ctx.db.selectFrom('audit_log').select('action').where('seq', '>', auditBefore.seq!).execute();
    expect(audited.map((a) => a.action)).toEqual([]);
    expect(await dosesOf('Halfway', '2007-07-06')).toBeUndefined();
    const patients = await s.ctx.db.selectFrom('patients').select('id').where('last_name', '=', 'Halfway').execute();
    expect(patients).toEqual([]);
    const dph = await s.signIn('dphadmin');
    const queue = (await s.app.inject({ method: 'GET', url: '/api/hl7/messages?errorsOnly=true', headers: dph })).json();
    const queued = queue.messages.find((m: { controlId: string }) => m.controlId === 'HALFWAY-1');
    expect(queued).toMatchObject({ status: 'failed' });
    const again = await s.app.inject({ method: 'POST', url: `/api/hl7/messages/${queued.id}/reprocess`, headers: dph });
    expect(again.statusCode).toBe(200);
    const after = await dosesOf('Halfway', '2007-07-06');
    expect(after?.doses.map((d) => [d.date, d.lot]).sort()).toEqual([
      ['2012-08-14', 'Z0860BB'],
      ['2012-10-14', 'FAILHERE'],
    ]);
    // The message's entries were appended as one batch: the chain still verifies.
    expect(await verifyAuditChain(s.ctx.db)).toMatchObject({ ok: true });
  });
});
