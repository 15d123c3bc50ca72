/**
 * nutmeg bench search [--queries N] [--typos]
 *
 * Samples real people from the database (DATABASE_URL or DATA_DIR), searches for each by name + DOB through
 * the same service function the API uses (blocking SQL, Fellegi-Sunter ranking, the audit entry), and prints
 * p50/p95/p99 latency and how often the person ranked first. --typos mistypes each query (swapped letters,
 * nickname, transposed DOB digits) the way clinic staff do.
 */
import { loadConfig } from '@nutmeg/server/config';
import { createServerContext } from '@nutmeg/server/context-factory';

import { nicknamesOf, normalizeName, samplePatients, searchPatients } from '@nutmeg/server/patients';
import { benchDphActor } from './bench-actor.ts';
import { parseOptions } from './options.ts';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function mistype(i: number, q: { first: string; last: string; dob: string }): { first: string; last: string; dob: string; kind: string } {
  const swap = (s: string) => (s.length > 3 ? s.slice(0, 1) + s[2] + s[1] + s.slice(3) : s);
  switch (i % 4) {
    case 0:
      return { ...q, first: swap(q.first), kind: 'first-name typo' };
    case 1:
      return { ...q, last: swap(q.last), kind: 'last-name typo' };
    case 2: {
      const nick = nicknamesOf(normalizeName(q.first))[0];
      return nick ? { ...q, first: nick, kind: 'nickname' } : { ...q, first: swap(q.first), kind: 'first-name typo' };
    }
    default: {
      const [y, m, d] = q.dob.split('-') as [string, string, string];
      const t =
        d.charAt(0) !== d.charAt(1) && Number(d.charAt(1) + d.charAt(0)) <= 28
          ? `${y}-${m}-${d.charAt(1)}${d.charAt(0)}`
          : `${y}-${m}-${d}`;
      return { ...q, dob: t, kind: 'transposed DOB' };
    }
  }
}

export async function benchSearch(argv: string[]): Promise<number> {
  const o = parseOptions(argv);
  const n = Number(o.queries ?? 300);
  const typos = o.typos === true;
  const { ctx, engine, close } = await createServerContext(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }));
  try {
    const actor = await benchDphActor(ctx, ['administrator']);
    const { total, sample } = await samplePatients(ctx.db, n);
    const times: number[] = [];
    let first = 0;
    let found = 0;
    const misses: string[] = [];
    for (let i = 0; i < sample.length; i++) {
      const s = sample[i]!;
      const q = typos
        ? mistype(i, { first: s.first_name, last: s.last_name, dob: s.dob })
        : { first: s.first_name, last: s.last_name, dob: s.dob, kind: 'exact' };
      const t0 = performance.now();
      const r = await searchPatients(ctx, actor, { firstName: q.first, lastName: q.last, dob: q.dob, limit: 25 });
      times.push(performance.now() - t0);
      const rank = r.results.findIndex((x) => x.id === s.id);
      if (rank === 0) first++;
      if (rank >= 0) found++;
      else if (misses.length < 5) misses.push(`${q.kind}: ${q.first} ${q.last} ${q.dob} (was ${s.first_name} ${s.last_name} ${s.dob})`);
    }
    times.sort((a, b) => a - b);
    console.log(`${engine}: ${total} patients; ${sample.length} name+DOB searches${typos ? ' with typos' : ''}`);
    console.log(
      `latency ms: p50 ${percentile(times, 50).toFixed(1)}  p95 ${percentile(times, 95).toFixed(1)}  p99 ${percentile(times, 99).toFixed(1)}  max ${(times[times.length - 1] ?? 0).toFixed(1)}`,
    );
    console.log(`right person ranked first: ${first}/${sample.length}; found at all: ${found}/${sample.length}`);
    for (const m of misses) console.log(`  not found: ${m}`);
    return 0;
  } finally {
    await close();
  }
}
