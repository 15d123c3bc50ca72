// Mutated corpus messages through POST /api/hl7/v2: truncated, binary bytes, wrong delimiters, bad dates, a
// repeated control id, a 3 MB message. Each gets an HL7 answer (never a 500), and a rejected one writes nothing:
// the patient and dose counts move only for messages the registry accepted. HL7_FUZZ_COUNT sets the number
// (default 400 here; the 10,000 runs with HL7_FUZZ_COUNT=10000).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMessage, valueAt } from '@nutmeg/hl7v2';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { postHl7, readJsonl, registerInterface, type TestInterface } from './hl7.testing.ts';

const COUNT = Number(process.env.HL7_FUZZ_COUNT ?? 400);
const CORPUS = readJsonl<{ msh9?: string; text: string }>('messages/corpus.jsonl').filter(
  (c) => c.msh9?.startsWith('VXU') || c.msh9?.startsWith('QBP'),
);

/** A small deterministic generator (mulberry32): the same run every time. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MUTATIONS: Array<(text: string, r: () => number) => string> = [
  (t, r) => t.slice(0, Math.floor(r() * t.length)),
  (t, r) => {
    const at = Math.floor(r() * t.length);
    const bytes = Array.from({ length: 1 + Math.floor(r() * 8) }, () => String.fromCharCode(1 + Math.floor(r() * 254))).join('');
    return t.slice(0, at) + bytes + t.slice(at);
  },
  (t) => t.replace('MSH|^~\\&|', 'MSH|#~\\&|'),
  (t) => t.replace(/^MSH\|/, 'MSH!').replaceAll('|', '!'),
  (t, r) => t.replace(/\b(19|20)\d{6}\b/g, () => (r() < 0.5 ? '20261399' : '29991231')),
  (t) => t.replaceAll('\r', '\n'),
  (t, r) => t.replace(/\|[^|\r]*\|/, () => `|${'x'.repeat(Math.floor(r() * 500))}|`),
  (t) => t.replace(/\rPID\|[^\r]*/, ''),
  (t) => t.replace(/\rRXA\|/g, '\rRXA|||'),
];

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
    const r = random(15);
    const statuses: Record<string, number> = {};
    for (let i = 0; i < COUNT; i++) {
      const base = CORPUS[Math.floor(r() * CORPUS.length)]!.text;
      const text = MUTATIONS[Math.floor(r() * MUTATIONS.length)]!(base, r);
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
    const big = `${CORPUS[0]!.text.replace(/\r$/, '')}\rNTE|1||${'z'.repeat(3 * 1024 * 1024)}\r`;
    const res = await postHl7(s, iface, big);
    expect(res.status).toBe(200);
    expect(['AA', 'AE', 'AR']).toContain(valueAt(parseMessage(res.text), 'MSA-1'));
  }, 120_000);
});
