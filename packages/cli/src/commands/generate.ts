/**
 * nutmeg generate --people N [--seed S] [--duplicates D] [--as-of YYYY-MM-DD] [--batch B] [--skip-doses] [--defer-indexes]
 *
 * Loads a realistic synthetic population (families in Connecticut towns, names with diacritics and hyphens,
 * dose histories by the US schedule, refusals, contraindications, planted duplicates) into the database of
 * DATABASE_URL or the embedded server in DATA_DIR, in batches of multi-row INSERT … SELECT unnest(…),
 * with a progress bar. Seeds the reference data and demo organizations first on an empty database.
 * --skip-doses loads demographics only (a quick load for search benchmarks).
 * --defer-indexes (empty database only) builds the non-unique indexes after the load: faster, but a load
 * interrupted midway leaves them missing until recreated.
 */
import cliProgress from 'cli-progress';
import { loadConfig } from '@nutmeg/server/config';
import { createServerContext } from '@nutmeg/server/context-factory';
import { jurisdictionToday } from '@nutmeg/server/dates';
import { listActiveOrganizations } from '@nutmeg/server/organizations';
import { bootstrap } from '@nutmeg/server/seed';
import { analyzeLoadedTables, loadPopulation } from '@nutmeg/server/synthetic';
import { parseOptions } from './options.ts';

function positiveInt(v: unknown, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
  return n;
}

export async function generate(argv: string[]): Promise<number> {
  const o = parseOptions(argv);
  const people = positiveInt(o.people, 'people', 10_000);
  const seed = positiveInt(o.seed, 'seed', 1);
  const duplicates = positiveInt(o.duplicates, 'duplicates', Math.floor(people / 100));
  const batchSize = Math.max(100, positiveInt(o.batch, 'batch', 2000));
  const asOf = typeof o['as-of'] === 'string' ? o['as-of'] : undefined;
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error('--as-of must be YYYY-MM-DD');

  const config = loadConfig();
  const { ctx, engine, close } = await createServerContext(config);
  try {
    if ((await listActiveOrganizations(ctx.db, 'clinic')).length === 0) {
      const report = await bootstrap(ctx);
      console.log(`Seeded the empty database first (${report.kind}).`);
    }
    const total = people + duplicates;
    const tty = process.stdout.isTTY;
    const bar = new cliProgress.SingleBar(
      {
        format: 'patients {bar} {percentage}% | {value}/{total} | {doses} doses | {rate}/s | ETA {eta_formatted}',
        hideCursor: true,
        noTTYOutput: false,
      },
      cliProgress.Presets.shades_classic,
    );
    const started = performance.now();
    if (tty) bar.start(total, 0, { doses: 0, rate: 0 });
    let nextReport = 0.1;
    const counts = await loadPopulation(ctx.db, {
      seed,
      people,
      duplicates,
      asOf: asOf ?? jurisdictionToday(ctx.clock),
      batchSize,
      skipDoses: o['skip-doses'] === true,
      deferIndexes: o['defer-indexes'] === true,
      onProgress: (done) => {
        const rate = Math.round(done.patients / ((performance.now() - started) / 1000));
        if (tty) bar.update(done.patients, { doses: done.doses, rate });
        else if (done.patients / total >= nextReport) {
          console.log(`${done.patients}/${total} patients, ${done.doses} doses, ${rate}/s`);
          nextReport += 0.1;
        }
      },
    });
    if (tty) bar.stop();
    const seconds = (performance.now() - started) / 1000;
    // Fresh statistics so the planner uses the new indexes at once.
    await analyzeLoadedTables(ctx.db);
    console.log(
      `Loaded ${counts.patients} patients (${duplicates} planted duplicates) and ${counts.doses} doses into ${engine} in ${seconds.toFixed(1)} s (${Math.round(counts.patients / seconds)} patients/s).`,
    );
    return 0;
  } finally {
    await close();
  }
}
