/**
 * nutmeg forecast refresh [--all] [--threads N]
 *
 * Stores the forecast of every patient that has none, or whose stored one is due (its data changed, a date it
 * depends on passed, another CDSi release is configured). --all marks every stored forecast due first. The engine
 * runs in worker threads (one per core by default) while the main thread reads the next page and writes the last.
 * Resumable: an interrupted run leaves what it stored; running it again (without --all) does the rest.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import cliProgress from 'cli-progress';
import { loadConfig } from '@nutmeg/server/config';
import { createServerContext } from '@nutmeg/server/context-factory';
import { jurisdictionToday } from '@nutmeg/server/dates';
import { loadForecastInputs } from '@nutmeg/server/immunizations';
import { countLivePatients, livePatientIdsAfter } from '@nutmeg/server/patients';
import {
  idsNeedingRefresh,
  markAllStale,
  seasonsInForceOn,
  storeComputedForecasts,
  supportingDataDirOf,
  type StoredPatientForecast,
} from '@nutmeg/server/recommender';
import { parseOptions } from './options.ts';
import type { WorkerBatch } from './forecast-worker.ts';

const PAGE = 2000;
const BATCH = 250;

/** A pool of engine threads: `run` hands a batch to the next free one. */
function enginePool(size: number, dir: string) {
  // A worker does not inherit the TypeScript loader: its first lines register tsx, then load the worker module.
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const file = JSON.stringify(new URL('./forecast-worker.ts', import.meta.url).href);
  const boot = `import(${tsx}).then((t) => { t.register(); return import(${file}); });`;
  const workers = Array.from({ length: size }, () => new Worker(boot, { eval: true, workerData: { dir } }));
  const idle = [...workers];
  const waiting: Array<() => void> = [];
  let next = 0;
  async function run(batch: Omit<WorkerBatch, 'id'>): Promise<StoredPatientForecast[]> {
    while (idle.length === 0) await new Promise<void>((r) => waiting.push(r));
    const w = idle.pop()!;
    const id = next++;
    try {
      return await new Promise<StoredPatientForecast[]>((resolve, reject) => {
        const onMessage = (m: { id: number; forecasts: StoredPatientForecast[] }) => {
          if (m.id !== id) return;
          w.off('error', reject);
          w.off('message', onMessage);
          resolve(m.forecasts);
        };
        w.on('message', onMessage);
        w.once('error', reject);
        w.postMessage({ ...batch, id });
      });
    } finally {
      idle.push(w);
      waiting.shift()?.();
    }
  }
  return { run, close: () => Promise.all(workers.map((w) => w.terminate())) };
}

export async function forecastRefresh(argv: string[]): Promise<number> {
  const o = parseOptions(argv);
  const threads = o.threads === undefined ? Math.max(1, os.availableParallelism()) : Number(o.threads);
  if (!Number.isInteger(threads) || threads < 1) throw new Error('--threads must be a whole number of at least 1');
  const config = loadConfig();
  const { ctx, engine, close } = await createServerContext(config);
  const pool = enginePool(threads, supportingDataDirOf(config));
  try {
    if (o.all === true) console.log(`Marked ${await markAllStale(ctx.db)} stored forecasts due.`);
    const today = jurisdictionToday(ctx.clock);
    const seasons = await seasonsInForceOn(ctx, today);
    const total = await countLivePatients(ctx.db);
    console.log(`${engine}: ${total} patients; CDSi ${ctx.recommender.version}; forecasts for ${today}; ${threads} engine threads`);
    const bar = new cliProgress.SingleBar(
      { format: 'patients {bar} {percentage}% | {value}/{total} | {stored} stored | {rate}/s | ETA {eta_formatted}', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { stored: 0, rate: 0 });
    const started = performance.now();
    let after: string | null = null;
    let seen = 0;
    let stored = 0;
    for (;;) {
      const ids = await livePatientIdsAfter(ctx.db, after, PAGE);
      if (ids.length === 0) break;
      const todo = await idsNeedingRefresh(ctx.db, ids, today, ctx.recommender.version);
      const loadedAt = new Date();
      const inputs = [...(await loadForecastInputs(ctx.db, todo))];
      const batches: Array<Promise<number>> = [];
      for (let i = 0; i < inputs.length; i += BATCH) {
        const patients = inputs.slice(i, i + BATCH);
        batches.push(pool.run({ assessmentDate: today, seasons, patients }).then((f) => storeComputedForecasts(ctx.db, f, loadedAt)));
      }
      for (const n of await Promise.all(batches)) stored += n;
      seen += ids.length;
      after = ids[ids.length - 1]!;
      bar.update(seen, { stored, rate: Math.round(seen / ((performance.now() - started) / 1000)) });
    }
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    console.log(`Stored ${stored} forecasts (${seen} patients examined) in ${seconds.toFixed(1)} s.`);
    return 0;
  } finally {
    await pool.close();
    await close();
  }
}
