// Loads people (synthetic, or the named demo patients) into the registry, in batches: each batch goes to the
// owning modules' bulk loads in one transaction — patients' tables through patients, doses, refusals and
// observations through immunizations — so this tool touches no table itself. Used by `nutmeg generate
// --people N` and by the demo seed.

import { isSuperuser, skipForeignKeyChecks, uuid7, withDeferredIndexes, analyzeTables, type Database } from '@nutmeg/db';
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.ts';
import { jurisdictionToday } from '../dates.ts';
import { IMMUNIZATION_BULK_TABLES, insertHistoriesBulk } from '../modules/immunizations/index.ts';
import { listActiveOrganizations } from '../modules/organizations/index.ts';
import { insertPatientsBulk, noPatientsYet, PATIENT_BULK_TABLES } from '../modules/patients/index.ts';
import { seedNamedDemoPatients } from './demo-patients.ts';
import { generatePopulationBatches, type SyntheticPerson } from './synthetic-population.ts';

type Db = Kysely<Database>;

export interface LoadOptions {
  jurisdictionId: string;
  /** Organizations that are medical homes take ownership of the people they report. */
  medicalHomes: ReadonlySet<string>;
  /** Skip FK triggers (superuser only); the loader's rows reference only rows it just wrote or looked up. */
  skipForeignKeyChecks?: boolean;
  /** Demographics only (a quick load for search benchmarks). */
  skipDoses?: boolean;
}

export interface LoadCounts {
  patients: number;
  doses: number;
}

/** Each person gets the id of their master now, so that their history can name it in the same batch. */
function withIds(people: readonly SyntheticPerson[]) {
  return people.map((person) => ({ id: uuid7(), person }));
}

/** Inserts one batch of people with their child rows, source reports and histories, in one transaction. */
export async function loadPeople(db: Db, people: readonly SyntheticPerson[], opts: LoadOptions): Promise<LoadCounts> {
  const batch = withIds(people);
  const run = async (trx: Db): Promise<number> => {
    if (opts.skipForeignKeyChecks) await skipForeignKeyChecks(trx);
    await insertPatientsBulk(
      trx,
      batch.map(({ id, person }) => ({
        id,
        patient: person.record.patient,
        jurisdictionId: opts.jurisdictionId,
        sourceOrgId: person.clinicId,
        ownerOrgId: opts.medicalHomes.has(person.clinicId) ? person.clinicId : null,
      })),
    );
    return insertHistoriesBulk(
      trx,
      batch.map(({ id, person }) => ({
        patientId: id,
        sourceOrgId: person.clinicId,
        doses: opts.skipDoses ? [] : person.record.doses,
        refusals: person.record.refusals,
        observations: person.record.observations,
      })),
    );
  };
  const doses = db.isTransaction ? await run(db) : await db.transaction().execute(run);
  return { patients: people.length, doses };
}

export interface PopulationOptions {
  seed: number;
  people: number;
  duplicates: number;
  asOf: string;
  batchSize?: number;
  skipDoses?: boolean;
  /**
   * Into empty tables only: build the non-unique indexes after the load (about 1.5x faster at 100,000 people).
   * Opt-in, because a load killed midway leaves the tables without those indexes until they are recreated.
   */
  deferIndexes?: boolean;
  /** Called after each batch with the running totals. */
  onProgress?: (done: LoadCounts) => void;
}

const BULK_TABLES = [...PATIENT_BULK_TABLES, ...IMMUNIZATION_BULK_TABLES];

/** Generates and loads a population over the jurisdiction's clinics, yielding to the event loop between batches. */
export async function loadPopulation(db: Db, opts: PopulationOptions): Promise<LoadCounts> {
  if (opts.deferIndexes === true && !db.isTransaction && (await noPatientsYet(db))) {
    return withDeferredIndexes(db, BULK_TABLES, () => loadPopulationBatches(db, opts));
  }
  return loadPopulationBatches(db, opts);
}

/** Fresh planner statistics after a big load, so searches use the new indexes at once. */
export function analyzeLoadedTables(db: Db): Promise<void> {
  return analyzeTables(db, BULK_TABLES);
}

/** The jurisdiction's active clinics (by PIN) and how to load people reported by them. */
export async function clinicsForLoading(db: Db): Promise<{ clinics: Array<{ id: string; pin: string | null }>; load: LoadOptions }> {
  const clinics = await listActiveOrganizations(db, 'clinic');
  if (clinics.length === 0) throw new Error('No clinics in the database: seed the organizations first (nutmeg seed)');
  return {
    clinics,
    load: {
      jurisdictionId: clinics[0]!.jurisdictionId,
      medicalHomes: new Set(clinics.filter((c) => c.medicalHome).map((c) => c.id)),
      skipForeignKeyChecks: await isSuperuser(db),
    },
  };
}

async function loadPopulationBatches(db: Db, opts: PopulationOptions): Promise<LoadCounts> {
  const { clinics, load: base } = await clinicsForLoading(db);
  const load: LoadOptions = { ...base, skipDoses: opts.skipDoses ?? false };
  const total: LoadCounts = { patients: 0, doses: 0 };
  for (const batch of generatePopulationBatches(
    { seed: opts.seed, people: opts.people, duplicates: opts.duplicates, asOf: opts.asOf, clinicIds: clinics.map((c) => c.id) },
    opts.batchSize ?? 2000,
  )) {
    const n = await loadPeople(db, batch, load);
    total.patients += n.patients;
    total.doses += n.doses;
    opts.onProgress?.(total);
  }
  return total;
}

/** The demo seed's patients (DemoPatientSeeder): a living registry over the demo clinics, 1% planted duplicates. */
export async function seedDemoPatients(ctx: AppContext, count: number): Promise<void> {
  const asOf = jurisdictionToday(ctx.clock);
  await loadPopulation(ctx.db, { seed: 2026, people: count, duplicates: Math.max(3, Math.floor(count / 100)), asOf });
  await seedNamedDemoPatients(ctx.db);
}
