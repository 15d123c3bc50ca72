// Throughput of the codec on the real corpus: npx tsx packages/hl7v2/scripts/bench.ts [seconds=5]
// Reports messages/s for parse+encode (lossless round trip), and for parse + typed views of every segment.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeBatch, MSH, OBX, parseBatch, PID, readSegment, RXA } from '../src/index.ts';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/hl7/messages/corpus.jsonl');
const texts = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const seconds = Number(process.argv[2] ?? 5);

function run(label: string, work: (text: string) => void): void {
  for (const t of texts) work(t); // warm-up
  let messages = 0;
  const start = process.hrtime.bigint();
  const until = start + BigInt(seconds * 1e9);
  while (process.hrtime.bigint() < until) {
    for (const t of texts) work(t);
    messages += texts.length;
  }
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  const mb = ((messages / texts.length) * bytes) / 1e6 / s;
  console.log(
    `${label}: ${Math.round(messages / s).toLocaleString('en-US')} messages/s (${mb.toFixed(1)} MB/s, ${texts.length} messages, avg ${Math.round(bytes / texts.length)} bytes)`,
  );
}

run('parse+encode', (t) => {
  if (encodeBatch(parseBatch(t)) !== t) throw new Error('round trip failed');
});
const views = { MSH, PID, RXA, OBX } as const;
run('parse+typed views (MSH, PID, RXA, OBX)', (t) => {
  for (const b of parseBatch(t).batches) {
    for (const m of b.messages) {
      for (const s of m.segments) {
        const spec = views[s.name as keyof typeof views];
        if (spec) readSegment(spec, s, m.delimiters);
      }
    }
  }
});
