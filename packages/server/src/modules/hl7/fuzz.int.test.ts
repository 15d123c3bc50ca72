// Mutated corpus messages through POST /api/hl7/v2: truncated, binary bytes, wrong delimiters, bad dates, a
// repeated control id, a 3 MB message. Each gets an HL7 answer (never a 500), and a rejected one writes nothing:
// the patient and dose counts move only for messages the registry accepted. HL7_FUZZ_COUNT sets the number
// (default 400 here; the 10,000 run is `nutmeg bench hl7-fuzz`, through the same mutations).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMessage, valueAt } from '@nutmeg/hl7v2';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { mutatedMessage, seededRandom, threeMegabyteMessage } from './fuzz-mutations.ts';
import { postHl7, readJsonl, registerInterface, type TestInterface } from './hl7.testing.ts';

const COUNT = Number(process.env.HL7_FUZZ_COUNT ?? 400);
const CORPUS = readJsonl<{ msh9?: string; text: string }>('messages/corpus.jsonl').filter(
  (c) => c.msh9?.startsWith('VXU') || c.msh9?.startsWith('QBP'),
);

describe('fuzzed HL7 messages', () => {
  let s: TestServer;
  let iface: TestInterface;
  beforeAll(async () => {
    s = await createTestServer();
    iface = await registerInterface(s, { app: 'FUZZ', clinicPins: ['CT1001'], status: 'production' });
  });
  afterAll(async () => {
    await s.shutdown();
  });

  async function counts() {
    const p = await s.ctx.db
      .selectFrom('patients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const d = await s.ctx.db
      .selectFrom('doses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return `${p.n}/${d.n}`;
  }

  it(`answers each of ${COUNT} mutated messages, and a rejected one writes nothing`, async () => {
    const r = seededRandom(15);
    const texts = CORPUS.map((c) => c.text);
    const statuses: Record<string, number> = {};
    for (let i = 0; i < COUNT; i++) {
      const { text } = mutatedMessage(texts, r, i);
      const before = await counts();
      const res = await postHl7(s, iface, text);
      expect(res.status, `message ${i}`).toBe(200);
      const ack = parseMessage(res.text);
      expect(['AA', 'AE', 'AR'], `message ${i}`).toContain(valueAt(ack, 'MSA-1'));
      const row = await s.ctx.db.selectFrom('hl7_messages').select(['status']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      statuses[row.status] = (statuses[row.status] ?? 0) + 1;
      expect(row.status, `message ${i}`).not.toBe('failed');
      if (row.status === 'rejected') expect(await counts(), `message ${i} was rejected but wrote`).toBe(before);
    }
    // The same message twice (a repeated control id) records its doses once.
    const twice = CORPUS.find((c) => c.msh9?.startsWith('VXU') && c.text.includes('|2.5.1|'))!.text;
    await postHl7(s, iface, twice);
    const once = await counts();
    await postHl7(s, iface, twice);
    expect(await counts()).toBe(once);
    expect(Object.keys(statuses).length).toBeGreaterThan(1);
  }, 1_800_000);

  it('answers a 3 MB message (stored, answered, not a 500)', async () => {
    const big = threeMegabyteMessage(CORPUS[0]!.text);
    const res = await postHl7(s, iface, big);
    expect(res.status).toBe(200);
    expect(['AA', 'AE', 'AR']).toContain(valueAt(parseMessage(res.text), 'MSA-1'));
  }, 120_000);
});
