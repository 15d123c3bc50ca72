/**
 * nutmeg bench hl7-fuzz [--count N] [--seed S] [--corpus file.jsonl]
 *
 * N mutated messages of the HL7 corpus (VXU and QBP; default 10,000, seed 15) through the exchange pipeline as
 * the demo interface, one after another: prints how many got each outcome, crashes (threw, no readable MSA-1,
 * or 'failed') and partial writes (a rejected message that changed the patient or dose count), and the time.
 * Exit 1 when there is a crash or a partial write. It writes to the database it runs on: use a scratch database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '@nutmeg/server/config';
import { createServerContext } from '@nutmeg/server/context-factory';
import { demoInterface, runFuzz } from '@nutmeg/server/hl7';
import { parseOptions } from './options.ts';

const CORPUS = path.resolve(import.meta.dirname, '../../../../../shared/hl7/messages/corpus.jsonl');

export async function benchHl7Fuzz(argv: string[]): Promise<number> {
  const o = parseOptions(argv);
  const count = Number(o.count ?? 10_000);
  const seed = Number(o.seed ?? 15);
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) throw new Error('--count and --seed are whole numbers');
  const file = typeof o.corpus === 'string' ? o.corpus : CORPUS;
  const corpus = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { msh9?: string; text: string })
    .filter((c) => c.msh9?.startsWith('VXU') || c.msh9?.startsWith('QBP'))
    .map((c) => c.text);
  const { ctx, close } = await createServerContext(loadConfig());
  try {
    const sender = await demoInterface(ctx.db);
    if (!sender) throw new Error('no demo interface: seed the demo data first');
    const r = await runFuzz(ctx, sender, corpus, {
      count,
      seed,
      onProgress: (done) => {
        if (done % 500 === 0) process.stderr.write(`${done}/${count}\n`);
      },
    });
    console.log(`Fuzz: ${r.count} mutated messages (seed ${seed}) in ${(r.ms / 1000).toFixed(1)} s`);
    console.log(`  outcomes ${JSON.stringify(r.statuses)}`);
    console.log(`  mutations ${JSON.stringify(r.mutations)}`);
    console.log(`  crashes ${r.crashes}, partial writes ${r.partialWrites}`);
    for (const p of r.problems) console.log(`  ${p}`);
    return r.crashes || r.partialWrites ? 1 : 0;
  } finally {
    await close();
  }
}
