/**
 * nutmeg bench population [--people N] [--clinic PIN] [--slice S]
 *
 * Loads the reports benchmark's population into the database of DATABASE_URL (use a scratch database, e.g.
 * `createdb nutmeg_bench`; never one with real data): N people (default 5,000,000) with their stored forecasts,
 * generated set-based in SQL (generate_series, INSERT … SELECT) in slices of S (default 100,000), one transaction
 * each. The first 20,000 are children of the clinic PIN (default: the first medical home), the reminder/recall
 * benchmark's clinic. Resumable: slices already loaded are skipped, so running it again on a loaded database does
 * nothing but ANALYZE; Ctrl-C stops after the current slice. Seeds an empty database first. Then: `nutmeg bench reports --clinic PIN --runs 3`.
 */
import { loadConfig } from '@nutmeg/server/config';
import { createServerContext } from '@nutmeg/server/context-factory';
import { listActiveOrganizations } from '@nutmeg/server/organizations';
import { bootstrap } from '@nutmeg/server/seed';
import { loadBenchPopulation } from '@nutmeg/server/synthetic';
import { parseOptions } from './options.ts';

function wholeNumber(v: unknown, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of at least 1`);
  return n;
}

export async function benchPopulation(argv: string[]): Promise<number> {
  const o = parseOptions(argv);
  const people = wholeNumber(o.people, 'people', 5_000_000);
  const slice = wholeNumber(o.slice, 'slice', 100_000);
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  if (!config.DATABASE_URL) throw new Error('Set DATABASE_URL to a scratch PostgreSQL database (e.g. nutmeg_bench)');
  const { ctx, engine, close } = await createServerContext(config);
  try {
    if ((await listActiveOrganizations(ctx.db, 'clinic')).length === 0)
      console.log(`Seeded the empty database first (${(await bootstrap(ctx)).kind}).`);
    const started = performance.now();
    // Ctrl-C (or SIGTERM) stops after the slice being loaded, so the indexes are rebuilt before exiting.
    const stop = new AbortController();
    const onSignal = () => {
      console.log('Stopping after this slice; the indexes are rebuilt next (run again to resume).');
      stop.abort();
    };
    process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
    const r = await loadBenchPopulation(ctx, {
      people,
      slice,
      signal: stop.signal,
      ...(typeof o.clinic === 'string' ? { clinicPin: o.clinic } : {}),
      onSlice: (done, total, skipped) => {
        const s = (performance.now() - started) / 1000;
        console.log(`${done}/${total} people${skipped ? ' (already loaded)' : ''}; ${s.toFixed(0)} s`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${engine}: loaded ${r.loaded} people with stored forecasts (${r.skipped} already there) in ${seconds.toFixed(0)} s; ` +
        `reminder/recall clinic ${r.clinic.pin ?? ''} ${r.clinic.name}`,
    );
    return 0;
  } finally {
    await close();
  }
}
