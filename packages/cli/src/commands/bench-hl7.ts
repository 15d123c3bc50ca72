/**
 * nutmeg bench hl7 [--vxu N] [--queries M] [--via pipeline|process|http] [--batch K] [--workers W]
 *                  [--concurrency C] [--url http://host:port] [--lot L] [--profile]
 *
 * Sends N synthetic VXU^V04 (distinct people, two doses each: matching, dedup, the stock look-up of RXA-15; with
 * --lot L the first dose names lot L, a Hep B lot of the clinic's stock: the decrement too) as the demo interface, then M QBP Z44 for those people, and prints VXU
 * per second and the Z44 latency percentiles. --via: `pipeline` one message after another (receiveMessage, what
 * each HTTP request does), `process` the path of `nutmeg hl7 process` (K messages per transaction, W workers),
 * `http` POST /api/hl7/v2 with C requests in flight, to --url or to a server started in this process (the demo
 * interface gets a new secret for it). --profile counts database round trips per message (VXU, then Z44).
 * It writes to the database it runs on: use a scratch database.
 */
import { loadConfig } from '@nutmeg/server/config';
import { createServerContext } from '@nutmeg/server/context-factory';
import { demoInterface, issueDemoInterfaceSecret, processMessages, receiveMessage } from '@nutmeg/server/hl7';
import { parseOptions } from './options.ts';
import { installQueryProfile, queryProfileReport, resetQueryProfile } from './query-profile.ts';
import { sendOverHttp } from './bench-hl7-http.ts';

const FIRST = ['Ava', 'Liam', 'Mia', 'Noah', 'Zoe', 'Eli', 'Ivy', 'Owen', 'Ada', 'Leo'];
const LAST = ['Kowalczyk', 'Nguyen', 'Oduya', 'Brennan', 'Castillo', 'Haddad', 'Lindqvist', 'Moreau', 'Tanaka', 'Varga'];

function person(i: number) {
  const year = 2015 + (i % 10);
  const dob = `${year}${String((i % 12) + 1).padStart(2, '0')}${String((i % 27) + 1).padStart(2, '0')}`;
  return { first: FIRST[i % 10]!, last: `${LAST[Math.floor(i / 10) % 10]}${Math.floor(i / 100)}`, dob, year };
}

function vxu(i: number, lot: string | undefined): string {
  const p = person(i);
  return [
    `MSH|^~\\&|NUTMEG-DEMO-EHR|CT1001|NUTMEG|CTDPH|20261207120000-0500||VXU^V04^VXU_V04|BENCH-${i}|P|2.5.1|||ER|AL|||||Z22^CDCPHINVS`,
    `PID|1||MRN${i}^^^CT1001^MR||${p.last}^${p.first}^^^^^L||${p.dob}|F||2106-3^White^CDCREC|12 Elm St^^New Haven^CT^06511^USA^L`,
    'ORC|RE||B' + i + '^CT1001',
    `RXA|0|1|${p.year + 1}0115||08^Hep B peds^CVX|0.5|mL^mL^UCUM||00^New record^NIP001||||||${lot ?? `LOT${i}`}||MSD^Merck^MVX|||CP|A`,
    'RXR|IM^Intramuscular^HL70162|LT^Left Thigh^HL70163',
    'OBX|1|CE|64994-7^Vaccine funding program eligibility category^LN|1|V02^VFC eligible - Medicaid^HL70064||||||F',
    `RXA|0|1|${p.year + 1}0315||20^DTaP^CVX|0.5|mL^mL^UCUM||00^New record^NIP001||||||LOTD${i}||SKB^GSK^MVX|||CP|A`,
    'OBX|1|CE|64994-7^Vaccine funding program eligibility category^LN|1|V02^VFC eligible - Medicaid^HL70064||||||F',
    '',
  ].join('\r');
}

function z44(i: number): string {
  const p = person(i);
  return [
    `MSH|^~\\&|NUTMEG-DEMO-EHR|CT1001|NUTMEG|CTDPH|20261207120000-0500||QBP^Q11^QBP_Q11|BQ-${i}|P|2.5.1|||ER|AL|||||Z44^CDCPHINVS`,
    `QPD|Z44^Request Evaluated History and Forecast^CDCPHINVS|BQ-${i}|MRN${i}^^^CT1001^MR|${p.last}^${p.first}^^^^^L||${p.dob}|F`,
    'RCP|I|5^RD&Records&HL70126|R',
    '',
  ].join('\r');
}

type Ctx = Awaited<ReturnType<typeof createServerContext>>['ctx'];
type Sender = NonNullable<Awaited<ReturnType<typeof demoInterface>>>;

/** Sends the VXUs the chosen way; returns each message's status. */
async function sendVxus(ctx: Ctx, sender: Sender, texts: string[], o: ReturnType<typeof parseOptions>): Promise<string[]> {
  const via = String(o.via ?? 'pipeline');
  if (via === 'pipeline') {
    const out: string[] = [];
    for (const raw of texts) out.push((await receiveMessage(ctx, { raw, transport: 'cli', sender, ip: null })).status);
    return out;
  }
  if (via === 'process') {
    const out: string[] = [];
    await processMessages(ctx, sender, texts, 0, {
      batchSize: Number(o.batch ?? 50),
      workers: Number(o.workers ?? 2),
      transport: 'cli',
      onChunk: (answers) => void out.push(...answers.map((a) => a.status)),
    });
    return out;
  }
  if (via === 'http') {
    const credential = await issueDemoInterfaceSecret(ctx.db, ctx.clock.now());
    if (!credential) throw new Error('no demo interface: seed the demo data first');
    return sendOverHttp(texts, credential, { url: typeof o.url === 'string' ? o.url : undefined, concurrency: Number(o.concurrency ?? 8) });
  }
  throw new Error('--via is pipeline, process or http');
}

export async function benchHl7(argv: string[]): Promise<number> {
  const o = parseOptions(argv);
  const n = Number(o.vxu ?? 500);
  const m = Number(o.queries ?? 200);
  if (o.profile) installQueryProfile();
  const { ctx, close } = await createServerContext(loadConfig());
  try {
    const sender = await demoInterface(ctx.db);
    if (!sender) throw new Error('no demo interface: seed the demo data first');
    const run = Date.now() % 100_000;
    const texts = Array.from({ length: n }, (_, i) => vxu(run * 10_000 + i, typeof o.lot === 'string' ? o.lot : undefined));
    resetQueryProfile();
    const started = performance.now();
    const statuses: Record<string, number> = {};
    for (const s of await sendVxus(ctx, sender, texts, o)) statuses[s] = (statuses[s] ?? 0) + 1;
    const secs = (performance.now() - started) / 1000;
    console.log(
      `VXU (${String(o.via ?? 'pipeline')}): ${n} in ${secs.toFixed(1)} s = ${(n / secs).toFixed(1)} VXU/s (${JSON.stringify(statuses)})`,
    );
    if (o.profile) console.log(queryProfileReport(n));
    const times: number[] = [];
    resetQueryProfile();
    for (let i = 0; i < m; i++) {
      const t = performance.now();
      await receiveMessage(ctx, { raw: z44(run * 10_000 + (i % n)), transport: 'cli', sender, ip: null });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]?.toFixed(1) ?? '-';
    if (m > 0) console.log(`Z44: ${m} queries: p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${pct(100)} ms`);
    if (o.profile && m > 0) console.log(`Z44 ${queryProfileReport(m, 12)}`);
    return 0;
  } finally {
    await close();
  }
}
