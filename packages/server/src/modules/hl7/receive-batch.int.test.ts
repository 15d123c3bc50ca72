// Several messages per transaction (`hl7 process --batch K --workers W`): each message stands alone — a failing
// one is undone alone and waits in the error queue, the others keep their doses, each has its own ACK — and a
// run redone from an earlier point (a resumed file) records no dose twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { parseMessage, valueAt } from '@nutmeg/hl7v2';
import { verifyAuditChain } from '../audit/index.ts';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { readJsonl, registerInterface, withMsh } from './hl7.testing.ts';
import { interfaceWithClinics, type AuthenticatedInterface } from './interface.service.ts';
import { processMessages } from './process-messages.service.ts';
import { receiveMessages } from './receive-batch.service.ts';
import type { Answer } from './receive.service.ts';

const BASELINE = readJsonl<{ id: string; text: string }>('messages/derived-aart-not-accepted.jsonl').find((a) =>
  a.id.endsWith('baseline'),
)!.text;

const PEOPLE: Record<string, { first: string; dob: string; street: string }> = {
  Batcha: { first: 'Oriana', dob: '20070706', street: '1 Oak St' },
  Batchb: { first: 'Tobias', dob: '20080911', street: '22 Pine Rd' },
  Batchc: { first: 'Wilhelmina', dob: '20050203', street: '9 Birch Ln' },
  Workera: { first: 'Cassius', dob: '20060115', street: '4 Cedar Ct' },
  Workerb: { first: 'Philippa', dob: '20090429', street: '71 Maple Ave' },
  Workerc: { first: 'Ignatius', dob: '20040820', street: '15 Spruce Way' },
  Workerd: { first: 'Marguerite', dob: '20100312', street: '3 Aspen Pl' },
  Joinera: { first: 'Bartholomew', dob: '20030517', street: '8 Walnut Dr' },
  Joinerb: { first: 'Genevieve', dob: '20020626', street: '12 Hazel Row' },
  Joinerc: { first: 'Leopold', dob: '20010904', street: '5 Elm Sq' },
  Deadlocka: { first: 'Rosalind', dob: '20000110', street: '2 Fir Ln' },
  Deadlockb: { first: 'Evander', dob: '20000211', street: '6 Yew Ct' },
};

/** The baseline VXU for another person (names, DOB, address, MRN), dose on `date` with lot `lot`. */
function vxuFor(family: string, controlId: string, o: { date?: string; lot?: string } = {}): string {
  const p = PEOPLE[family]!;
  const text = BASELINE.replaceAll('Snow^Madelynn^Ainsley', `${family}^${p.first}`)
    .replace('Lam^Morgan', `${family}mother^Ann`)
    .replace('|20070706|', `|${p.dob}|`)
    .replace('32 Prescott Street Ave', p.street)
    .replace('^657^5558563', `^860^555${p.dob.slice(4)}`)
    .replace('D26376273', `MRN-${family}`)
    .replace('20120814', o.date ?? '20120814')
    .replace('Z0860BB', o.lot ?? 'Z0860BB');
  return withMsh(text, 10, controlId);
}

describe('batches of messages in one transaction', () => {
  let s: TestServer;
  let sender: AuthenticatedInterface;
  beforeAll(async () => {
    s = await createTestServer();
    const iface = await registerInterface(s, { app: 'Test EHR Application', clinicPins: ['CT1001'], status: 'production' });
    sender = (await interfaceWithClinics(s.ctx.db, iface.id))!;
  });
  afterAll(async () => {
    await s.shutdown();
  });

  async function run(messages: string[], from: number, batchSize: number, workers: number): Promise<Answer[]> {
    const answers: Answer[] = [];
    await processMessages(s.ctx, sender, messages, from, { batchSize, workers, transport: 'cli', onChunk: (a) => void answers.push(...a) });
    return answers;
  }

  async function dosesOf(family: string): Promise<string[]> {
    const rows = await s.ctx.db
      .selectFrom('doses')
      .innerJoin('patients', 'patients.id', 'doses.patient_id')
      .select(['doses.date', 'doses.lot'])
      .where('patients.last_name', '=', family)
      .where('doses.deleted_at', 'is', null)
      .execute();
    return rows.map((r) => `${r.date} ${r.lot}`).sort();
  }

  it('undoes a failing message alone: the others of its batch keep their doses, each gets its own answer', async () => {
    await sql`CREATE FUNCTION hl7_batch_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.lot = 'FAILBATCH' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`.execute(s.ctx.db);
    await sql`CREATE TRIGGER hl7_batch_fail BEFORE INSERT ON doses FOR EACH ROW EXECUTE FUNCTION hl7_batch_fail()`.execute(s.ctx.db);
    const messages = [vxuFor('Batcha', 'B-1'), vxuFor('Batchb', 'B-2', { lot: 'FAILBATCH' }), vxuFor('Batchc', 'B-3')];
    let answers: Answer[];
    try {
      answers = await run(messages, 0, 3, 1);
    } finally {
      await sql`DROP TRIGGER hl7_batch_fail ON doses`.execute(s.ctx.db);
      await sql`DROP FUNCTION hl7_batch_fail()`.execute(s.ctx.db);
    }
    expect(answers.map((a) => a.status)).toEqual(['accepted', 'failed', 'accepted']);
    expect(answers.map((a) => valueAt(parseMessage(a.response), 'MSA-1'))).toEqual(['AA', 'AR', 'AA']);
    const stored = await s.ctx.db
      .selectFrom('hl7_messages')
      .select(['control_id', 'status', 'raw'])
      .where('control_id', 'like', 'B-%')
      .execute();
    expect(stored.map((r) => [r.control_id, r.status]).sort()).toEqual([
      ['B-1', 'accepted'],
      ['B-2', 'failed'],
      ['B-3', 'accepted'],
    ]);
    expect(stored.find((r) => r.control_id === 'B-2')!.raw).toBe(messages[1]);
    expect(await dosesOf('Batcha')).toEqual(['2012-08-14 Z0860BB']);
    expect(await dosesOf('Batchc')).toEqual(['2012-08-14 Z0860BB']);
    expect(await s.ctx.db.selectFrom('patients').select('id').where('last_name', '=', 'Batchb').execute()).toEqual([]);
    // The undone message's audit entries left the batch: the chain verifies and names no Batchb record.
    expect(await verifyAuditChain(s.ctx.db)).toMatchObject({ ok: true });
  });

  it('with two workers keeps one person’s messages in order, and a resumed run records nothing twice', async () => {
    const messages = [
      vxuFor('Workera', 'W-1'),
      vxuFor('Workerb', 'W-2'),
      vxuFor('Workera', 'W-3', { date: '20121014', lot: 'SECOND' }),
      vxuFor('Workerc', 'W-4'),
      vxuFor('Workerd', 'W-5'),
      vxuFor('Workerb', 'W-6', { date: '20121014', lot: 'SECOND' }),
    ];
    const first = await run(messages, 0, 2, 2);
    expect(first.map((a) => a.status)).toEqual(Array(6).fill('accepted'));
    // Answers come back in file order, whichever worker did them.
    expect(first.map((a) => valueAt(parseMessage(a.response), 'MSA-2'))).toEqual(['W-1', 'W-2', 'W-3', 'W-4', 'W-5', 'W-6']);
    // Interrupted after two messages: the rest is run again over what was already recorded.
    await run(messages, 2, 2, 2);
    for (const family of ['Workera', 'Workerb']) expect(await dosesOf(family), family).toEqual(['2012-08-14 Z0860BB', '2012-10-14 SECOND']);
    expect(await dosesOf('Workerc')).toEqual(['2012-08-14 Z0860BB']);
    const records = await s.ctx.db.selectFrom('patients').select('last_name').where('last_name', 'like', 'Worker%').execute();
    expect(records.map((r) => r.last_name).sort()).toEqual(['Workera', 'Workerb', 'Workerc', 'Workerd']);
    expect(await verifyAuditChain(s.ctx.db)).toMatchObject({ ok: true });
  });

  it('joins a caller’s transaction (inTransaction): its messages are processed and committed with it, not failed', async () => {
    const inbounds = ['Joinera', 'Joinerb'].map((f) => ({ raw: vxuFor(f, `JOIN-${f}`), transport: 'cli' as const, sender, ip: null }));
    const answers = await s.ctx.db.transaction().execute((trx) => receiveMessages({ ...s.ctx, db: trx }, inbounds));
    expect(answers.map((a) => [a.status, a.failure])).toEqual([
      ['accepted', undefined],
      ['accepted', undefined],
    ]);
    expect(await dosesOf('Joinera')).toEqual(['2012-08-14 Z0860BB']);
    expect(await dosesOf('Joinerb')).toEqual(['2012-08-14 Z0860BB']);
  });

  it('joins a caller’s transaction with a single message: processed and committed with it, not failed', async () => {
    const inbound = { raw: vxuFor('Joinerc', 'JOIN-Joinerc'), transport: 'cli' as const, sender, ip: null };
    const answers = await s.ctx.db.transaction().execute((trx) => receiveMessages({ ...s.ctx, db: trx }, [inbound]));
    expect(answers.map((a) => [a.status, a.failure])).toEqual([['accepted', undefined]]);
    expect(valueAt(parseMessage(answers[0]!.response), 'MSA-1')).toBe('AA');
    expect(await dosesOf('Joinerc')).toEqual(['2012-08-14 Z0860BB']);
  });

  it('redoes each message alone when one message of its batch hits a deadlock: none is recorded as failed', async () => {
    // The first insert of lot DEADLOCK fails as PostgreSQL's deadlock detector would; the sequence is not undone
    // with the transaction, so the redo passes.
    await sql`CREATE SEQUENCE hl7_deadlock_once`.execute(s.ctx.db);
    await sql`CREATE FUNCTION hl7_deadlock_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.lot = 'DEADLOCK' AND nextval('hl7_deadlock_once') = 1 THEN
        RAISE EXCEPTION 'injected deadlock' USING ERRCODE = '40P01'; END IF; RETURN NEW; END $$`.execute(s.ctx.db);
    await sql`CREATE TRIGGER hl7_deadlock_once BEFORE INSERT ON doses FOR EACH ROW EXECUTE FUNCTION hl7_deadlock_once()`.execute(s.ctx.db);
    let answers: Answer[];
    try {
      answers = await run([vxuFor('Deadlocka', 'D-1'), vxuFor('Deadlockb', 'D-2', { lot: 'DEADLOCK' })], 0, 2, 1);
    } finally {
      await sql`DROP TRIGGER hl7_deadlock_once ON doses`.execute(s.ctx.db);
      await sql`DROP FUNCTION hl7_deadlock_once()`.execute(s.ctx.db);
      await sql`DROP SEQUENCE hl7_deadlock_once`.execute(s.ctx.db);
    }
    expect(answers.map((a) => [a.status, a.failure])).toEqual([
      ['accepted', undefined],
      ['accepted', undefined],
    ]);
    expect(await dosesOf('Deadlocka')).toEqual(['2012-08-14 Z0860BB']);
    expect(await dosesOf('Deadlockb')).toEqual(['2012-08-14 DEADLOCK']);
    expect(await verifyAuditChain(s.ctx.db)).toMatchObject({ ok: true });
  });
});
