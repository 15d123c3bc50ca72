// The reports benchmark's population (`nutmeg bench population`): N people with stored forecasts, generated in
// SQL slice by slice (patients' and recommender's set-based loads, one transaction per slice), so 5 million load
// in minutes where the realistic generator and the engine take hours. Resumable: a loaded slice is skipped.
import { isSuperuser, skipForeignKeyChecks, withDeferredIndexes, analyzeTables, type Database } from '@nutmeg/db';
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.ts';
import { addDays, jurisdictionToday } from '../dates.ts';
import { inTransaction } from '../transaction.ts';
import { listActiveOrganizations, townCounties } from '../modules/organizations/index.ts';
import { benchSliceLoaded, insertBenchPeople, PATIENT_BULK_TABLES } from '../modules/patients/index.ts';
import { BENCH_FORECAST_TABLES, insertBenchForecasts } from '../modules/recommender/index.ts';

type Db = Kysely<Database>;

export interface BenchPopulationOptions {
  people: number;
  /** PIN of the clinic whose 20,000 children the reminder/recall benchmark lists (default: the first medical home). */
  clinicPin?: string;
  clinicPatients?: number;
  slice?: number;
  onSlice?: (done: number, total: number, skipped: boolean) => void;
  /** Aborted: stop after the slice being loaded (the indexes are still rebuilt; running again resumes). */
  signal?: AbortSignal;
}

/** Bench people's IIS ids: no real id starts so (real ones are the state code and digits). */
export const BENCH_IIS_PREFIX = 'BENCH';
const TABLES = [...PATIENT_BULK_TABLES, ...BENCH_FORECAST_TABLES];

export async function loadBenchPopulation(
  ctx: AppContext,
  o: BenchPopulationOptions,
): Promise<{ loaded: number; skipped: number; clinic: { pin: string | null; name: string } }> {
  const clinics = await listActiveOrganizations(ctx.db, 'clinic');
  const clinic = o.clinicPin ? clinics.find((c) => c.pin === o.clinicPin) : clinics.find((c) => c.medicalHome);
  if (!clinic)
    throw new Error(o.clinicPin ? `No active clinic with PIN ${o.clinicPin}` : 'No medical-home clinic: seed the database first');
  const others = clinics.filter((c) => c.id !== clinic.id && c.medicalHome).map((c) => c.id);
  const towns = [...(await townCounties(ctx.db)).keys()].sort();
  if (towns.length === 0) throw new Error('No towns: seed the database first');
  const asOf = jurisdictionToday(ctx.clock);
  const slice = o.slice ?? 100_000;
  const base = {
    jurisdictionId: clinic.jurisdictionId,
    iisPrefix: BENCH_IIS_PREFIX,
    asOf,
    towns,
    benchClinicId: clinic.id,
    benchClinicPatients: Math.min(o.clinicPatients ?? 20_000, o.people),
    otherClinicIds: others.length ? others : [clinic.id],
  };
  const superuser = await isSuperuser(ctx.db);
  const slices: Array<{ from: number; to: number; done: boolean }> = [];
  for (let from = 1; from <= o.people; from += slice) {
    const to = Math.min(o.people, from + slice - 1);
    slices.push({ from, to, done: await benchSliceLoaded(ctx.db, BENCH_IIS_PREFIX, to) });
  }
  // Two slices at a time: one statement is single-threaded, and the machine has cores to spare while one waits on I/O.
  const run = async () => {
    let next = 0;
    const worker = async () => {
      while (next < slices.length && !o.signal?.aborted) {
        const sl = slices[next++]!;
        const skipped = sl.done;
        if (!skipped) await loadSlice(ctx, superuser, { ...base, from: sl.from, to: sl.to });
        sl.done = true;
        o.onSlice?.(sl.to, o.people, skipped);
      }
    };
    await Promise.all([worker(), worker()]);
  };
  const size = (list: typeof slices) => list.reduce((n, sl) => n + sl.to - sl.from + 1, 0);
  const todo = slices.filter((sl) => !sl.done);
  // Rebuilding the non-unique indexes once after the load beats maintaining them row by row (the trigram ones
  // above all); a load killed midway leaves them missing until the next run rebuilds them.
  if (todo.length) await withDeferredIndexes(ctx.db, TABLES, run);
  const counts = { loaded: size(todo.filter((sl) => sl.done)), skipped: size(slices) - size(todo) };
  await analyzeTables(ctx.db, TABLES);
  return { ...counts, clinic: { pin: clinic.pin, name: clinic.name } };
}

async function loadSlice(ctx: AppContext, superuser: boolean, s: Parameters<typeof insertBenchPeople>[1]): Promise<void> {
  await inTransaction(ctx.db, async (trx: Db) => {
    if (superuser) await skipForeignKeyChecks(trx);
    const people = await insertBenchPeople(trx, s);
    await insertBenchForecasts(trx, people, { asOf: s.asOf, release: ctx.recommender.version, refreshOn: addDays(s.asOf, 28) });
  });
}
