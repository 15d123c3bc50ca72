// Bulk loading of synthetic (or imported) people: one multi-row INSERT … SELECT FROM unnest($arrays) per table
// per batch — one round trip per table, no per-row statements.
// Used by `nutmeg generate --people N` and by the demo seed.

import { randomFillSync } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { maidenKey, nameKeys } from './patient-keys.ts';
import { childRows } from './patient.repo.ts';
import { seedNamedDemoPatients } from './demo-patients.ts';
import { generatePopulationBatches, type SyntheticPerson } from './synthetic-population.ts';

type Db = Kysely<Database>;

// Time-ordered UUIDs (version 7 layout: 48-bit milliseconds, 12-bit sequence, random tail): index inserts land at
// the right edge of the B-trees instead of random pages, which keeps a multi-million-row load from thrashing.
let lastMs = 0;
let seq = 0;
const pool = Buffer.alloc(8 * 4096);
let poolAt = pool.length;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function uuid7(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    seq++;
    if (seq > 0xfff) {
      lastMs++;
      seq = 0;
    }
    ms = lastMs;
  } else {
    lastMs = ms;
    seq = 0;
  }
  if (poolAt + 8 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const r = pool.subarray(poolAt, poolAt + 8);
  poolAt += 8;
  const t = ms.toString(16).padStart(12, '0');
  const s = (0x7000 | seq).toString(16);
  const v = HEX[(r[0]! & 0x3f) | 0x80]! + HEX[r[1]!]!;
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-${s}-${v}-${HEX[r[2]!]}${HEX[r[3]!]}${HEX[r[4]!]}${HEX[r[5]!]}${HEX[r[6]!]}${HEX[r[7]!]}`;
}

/** Column arrays for one table; `push` appends one row. */
class Columns<K extends string> {
  readonly data: Record<K, unknown[]>;
  constructor(readonly names: readonly K[]) {
    this.data = Object.fromEntries(names.map((n) => [n, []])) as unknown as Record<K, unknown[]>;
  }
  /** Missing columns are NULL. */
  push(row: Partial<Record<K, unknown>>): void {
    for (const n of this.names) this.data[n].push(row[n] ?? null);
  }
  get length(): number {
    return this.data[this.names[0]!].length;
  }
}

const SEP = '\u001f';

async function insertUnnest<K extends string>(
  db: Db,
  table: string,
  cols: Columns<K>,
  types: Record<K, string>,
  expressions: Partial<Record<K, string>> = {},
): Promise<void> {
  if (cols.length === 0) return;
  const t0 = performance.now();
  const names = cols.names;
  const params = names.map((n) => sql`${cols.data[n]}::${sql.raw(types[n])}[]`);
  const selects = names.map((n, i) => sql.raw(expressions[n]?.replaceAll('$', `c${i}`) ?? `c${i}`));
  await sql`INSERT INTO ${sql.table(table)} (${sql.join(names.map((n) => sql.ref(n)))})
    SELECT ${sql.join(selects)} FROM unnest(${sql.join(params)}) AS t(${sql.raw(names.map((_, i) => `c${i}`).join(', '))})`.execute(db);
  if (process.env.NUTMEG_BULK_TIMING) console.log(table, cols.length, Math.round(performance.now() - t0), 'ms');
}

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

/** Inserts one batch of people with their child rows, source reports and doses. */
export async function loadPeople(db: Db, people: readonly SyntheticPerson[], opts: LoadOptions): Promise<LoadCounts> {
  const patients = new Columns([
    'id',
    'jurisdiction_id',
    'first_name',
    'middle_name',
    'last_name',
    'suffix',
    'dob',
    'sex',
    'multiple_birth',
    'birth_order',
    'mothers_maiden_name',
    'race',
    'ethnicity',
    'language',
    'emails',
    'birth_state',
    'birth_country',
    'notes',
    'first_norm',
    'last_norm',
    'first_soundex',
    'last_soundex',
    'mmn_norm',
    'town',
    'owner_org_id',
    'created_org_id',
  ] as const);
  const names = new Columns([
    'patient_id',
    'type',
    'first_name',
    'middle_name',
    'last_name',
    'first_norm',
    'last_norm',
    'last_soundex',
  ] as const);
  const addresses = new Columns([
    'patient_id',
    'street',
    'street2',
    'city',
    'state',
    'zip',
    'county',
    'type',
    'current',
    'street_norm',
    'position',
  ] as const);
  const phones = new Columns(['patient_id', 'number', 'use', 'position'] as const);
  const guardians = new Columns([
    'patient_id',
    'first_name',
    'last_name',
    'relationship',
    'phone',
    'first_norm',
    'last_norm',
    'position',
  ] as const);
  const identifiers = new Columns(['patient_id', 'type', 'value', 'assigner'] as const);
  const reports = new Columns(['patient_id', 'origin_patient_id', 'source_org_id', 'source_kind', 'data'] as const);
  const statuses = new Columns(['patient_id', 'organization_id', 'status'] as const);
  const doses = new Columns([
    'id',
    'master_id',
    'patient_id',
    'origin_patient_id',
    'kind',
    'cvx',
    'mvx',
    'lot',
    'lot_expiration',
    'funding_source',
    'date',
    'volume_ml',
    'site',
    'route',
    'administered_by',
    'ordering_provider',
    'vis',
    'vfc_eligibility',
    'historical_source',
    'source_org_id',
    'source_kind',
  ] as const);
  const refusals = new Columns(['patient_id', 'origin_patient_id', 'vaccine_group', 'date', 'reason', 'source_org_id'] as const);
  const observations = new Columns(['patient_id', 'origin_patient_id', 'kind', 'code', 'text', 'date', 'source_org_id'] as const);

  for (const person of people) {
    const p = person.record.patient;
    const id = uuid7();
    const current = p.addresses.find((a) => a.current) ?? p.addresses[0];
    patients.push({
      id,
      jurisdiction_id: opts.jurisdictionId,
      first_name: p.name.first,
      middle_name: p.name.middle,
      last_name: p.name.last,
      suffix: p.name.suffix,
      dob: p.dob,
      sex: p.sex,
      multiple_birth: p.multipleBirth,
      birth_order: p.birthOrder,
      mothers_maiden_name: p.mothersMaidenName,
      race: p.race,
      ethnicity: p.ethnicity,
      language: p.language,
      emails: p.emails.join(SEP),
      birth_state: p.birthState,
      birth_country: p.birthCountry,
      notes: p.notes,
      ...nameKeys(p.name.first, p.name.last),
      mmn_norm: maidenKey(p.mothersMaidenName),
      town: current?.city,
      owner_org_id: opts.medicalHomes.has(person.clinicId) ? person.clinicId : null,
      created_org_id: person.clinicId,
    });
    const children = childRows(id, p);
    for (const r of children.names) names.push(r);
    for (const r of children.addresses) addresses.push(r);
    for (const r of children.phones) phones.push(r);
    for (const r of children.guardians) guardians.push(r);
    for (const r of children.identifiers) identifiers.push(r);
    reports.push({
      patient_id: id,
      origin_patient_id: id,
      source_org_id: person.clinicId,
      source_kind: 'generator',
      data: JSON.stringify(p),
    });
    statuses.push({ patient_id: id, organization_id: person.clinicId, status: 'active' });
    for (const d of opts.skipDoses ? [] : person.record.doses) {
      const doseId = uuid7();
      if (d.kind === 'administered') {
        doses.push({
          id: doseId,
          master_id: doseId,
          patient_id: id,
          origin_patient_id: id,
          kind: 'administered',
          cvx: d.cvx,
          mvx: d.mvx,
          lot: d.lot,
          lot_expiration: d.lotExpiration,
          funding_source: d.fundingSource,
          date: d.date,
          volume_ml: d.volumeMl,
          site: d.site,
          route: d.route,
          administered_by: d.administeredBy,
          ordering_provider: d.orderingProvider,
          vis: JSON.stringify(d.vis),
          vfc_eligibility: d.vfcEligibility,
          historical_source: null,
          source_org_id: d.clinicId ?? person.clinicId,
          source_kind: 'generator',
        });
      } else {
        doses.push({
          id: doseId,
          master_id: doseId,
          patient_id: id,
          origin_patient_id: id,
          kind: 'historical',
          cvx: d.cvx,
          date: d.date,
          vis: '[]',
          historical_source: d.source,
          source_org_id: person.clinicId,
          source_kind: 'generator',
        });
      }
    }
    for (const r of person.record.refusals)
      refusals.push({
        patient_id: id,
        origin_patient_id: id,
        vaccine_group: r.vaccineGroup,
        date: r.date,
        reason: r.reason,
        source_org_id: person.clinicId,
      });
    for (const o of person.record.observations)
      observations.push({
        patient_id: id,
        origin_patient_id: id,
        kind: o.kind,
        code: o.code,
        text: o.text,
        date: o.date,
        source_org_id: person.clinicId,
      });
  }

  const run = async (trx: Db) => {
    await insertUnnest(
      trx,
      'patients',
      patients,
      {
        id: 'uuid',
        jurisdiction_id: 'text',
        first_name: 'text',
        middle_name: 'text',
        last_name: 'text',
        suffix: 'text',
        dob: 'date',
        sex: 'text',
        multiple_birth: 'boolean',
        birth_order: 'smallint',
        mothers_maiden_name: 'text',
        race: 'text',
        ethnicity: 'text',
        language: 'text',
        emails: 'text',
        birth_state: 'text',
        birth_country: 'text',
        notes: 'text',
        first_norm: 'text',
        last_norm: 'text',
        first_soundex: 'text',
        last_soundex: 'text',
        mmn_norm: 'text',
        town: 'text',
        owner_org_id: 'uuid',
        created_org_id: 'uuid',
      },
      { emails: `CASE WHEN $ = '' THEN '{}'::text[] ELSE string_to_array($, chr(31)) END` },
    );
    await insertUnnest(trx, 'patient_names', names, {
      patient_id: 'uuid',
      type: 'text',
      first_name: 'text',
      middle_name: 'text',
      last_name: 'text',
      first_norm: 'text',
      last_norm: 'text',
      last_soundex: 'text',
    });
    await insertUnnest(trx, 'patient_addresses', addresses, {
      patient_id: 'uuid',
      street: 'text',
      street2: 'text',
      city: 'text',
      state: 'text',
      zip: 'text',
      county: 'text',
      type: 'text',
      current: 'boolean',
      street_norm: 'text',
      position: 'smallint',
    });
    await insertUnnest(trx, 'patient_phones', phones, { patient_id: 'uuid', number: 'text', use: 'text', position: 'smallint' });
    await insertUnnest(trx, 'patient_guardians', guardians, {
      patient_id: 'uuid',
      first_name: 'text',
      last_name: 'text',
      relationship: 'text',
      phone: 'text',
      first_norm: 'text',
      last_norm: 'text',
      position: 'smallint',
    });
    await insertUnnest(trx, 'patient_identifiers', identifiers, { patient_id: 'uuid', type: 'text', value: 'text', assigner: 'text' });
    await insertUnnest(trx, 'patient_reports', reports, {
      patient_id: 'uuid',
      origin_patient_id: 'uuid',
      source_org_id: 'uuid',
      source_kind: 'text',
      data: 'jsonb',
    });
    await insertUnnest(trx, 'patient_org_status', statuses, { patient_id: 'uuid', organization_id: 'uuid', status: 'text' });
    await insertUnnest(trx, 'doses', doses, {
      id: 'uuid',
      master_id: 'uuid',
      patient_id: 'uuid',
      origin_patient_id: 'uuid',
      kind: 'text',
      cvx: 'text',
      mvx: 'text',
      lot: 'text',
      lot_expiration: 'date',
      funding_source: 'text',
      date: 'date',
      volume_ml: 'real',
      site: 'text',
      route: 'text',
      administered_by: 'text',
      ordering_provider: 'text',
      vis: 'jsonb',
      vfc_eligibility: 'text',
      historical_source: 'text',
      source_org_id: 'uuid',
      source_kind: 'text',
    });
    await insertUnnest(trx, 'patient_refusals', refusals, {
      patient_id: 'uuid',
      origin_patient_id: 'uuid',
      vaccine_group: 'text',
      date: 'date',
      reason: 'text',
      source_org_id: 'uuid',
    });
    await insertUnnest(trx, 'patient_observations', observations, {
      patient_id: 'uuid',
      origin_patient_id: 'uuid',
      kind: 'text',
      code: 'text',
      text: 'text',
      date: 'date',
      source_org_id: 'uuid',
    });
  };
  const withTriggersOff = async (trx: Db) => {
    // Trusted, internally consistent synthetic rows: a superuser skips per-row FK triggers for the batch.
    if (opts.skipForeignKeyChecks) await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await run(trx);
  };
  if (db.isTransaction) await withTriggersOff(db);
  else await db.transaction().execute(withTriggersOff);
  return { patients: patients.length, doses: doses.length };
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

const BULK_TABLES = [
  'patients',
  'patient_names',
  'patient_addresses',
  'patient_phones',
  'patient_guardians',
  'patient_identifiers',
  'patient_reports',
  'patient_org_status',
  'doses',
  'patient_refusals',
  'patient_observations',
];

/**
 * Loading into empty tables: drop the non-unique indexes first and build them once at the end (the usual
 * bulk-load practice; maintaining trigram GIN indexes row by row is what makes a big load slow). The index
 * definitions are read from the catalog, so this follows the migrations without repeating them.
 */
async function withDeferredIndexes<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const defs = (
    await sql<{ indexname: string; indexdef: string }>`SELECT indexname, indexdef FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename = ANY(${BULK_TABLES}::text[]) AND indexdef NOT LIKE 'CREATE UNIQUE%'`.execute(db)
  ).rows;
  for (const d of defs) await sql`DROP INDEX ${sql.ref(d.indexname)}`.execute(db);
  try {
    return await fn();
  } finally {
    for (const d of defs) await sql.raw(d.indexdef).execute(db);
  }
}

/** Generates and loads a population over the jurisdiction's clinics, yielding to the event loop between batches. */
export async function loadPopulation(db: Db, opts: PopulationOptions): Promise<LoadCounts> {
  const empty = !(await db.selectFrom('patients').select('id').limit(1).executeTakeFirst());
  if (opts.deferIndexes === true && empty && !db.isTransaction) {
    return withDeferredIndexes(db, () => loadPopulationBatches(db, opts));
  }
  return loadPopulationBatches(db, opts);
}

/** The jurisdiction's active clinics (by PIN) and how to load people reported by them. */
export async function clinicsForLoading(db: Db): Promise<{ clinics: Array<{ id: string; pin: string | null }>; load: LoadOptions }> {
  const clinics = await db
    .selectFrom('organizations')
    .select(['id', 'pin', 'medical_home', 'jurisdiction_id'])
    .where('kind', '=', 'clinic')
    .where('active', '=', true)
    .orderBy('pin')
    .execute();
  if (clinics.length === 0) throw new Error('No clinics in the database: seed the organizations first (nutmeg seed)');
  const superuser =
    (await sql<{ s: boolean }>`SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user`.execute(db)).rows[0]?.s ?? false;
  return {
    clinics,
    load: {
      jurisdictionId: clinics[0]!.jurisdiction_id,
      medicalHomes: new Set(clinics.filter((c) => c.medical_home).map((c) => c.id)),
      skipForeignKeyChecks: superuser,
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
  const asOf = ctx.clock.now().toISOString().slice(0, 10);
  await loadPopulation(ctx.db, { seed: 2026, people: count, duplicates: Math.max(3, Math.floor(count / 100)), asOf });
  await seedNamedDemoPatients(ctx.db);
  await enrolDemoStudents(ctx.db, asOf);
}

/**
 * Until school rosters exist (reports/schools issue), the demo links the school-age children living in a
 * school's town to that school, so the demo school nurse has students to look up.
 */
async function enrolDemoStudents(db: Db, asOf: string): Promise<void> {
  await sql`INSERT INTO patient_org_status (patient_id, organization_id, status, reason)
    SELECT p.id, o.id, 'active', 'demo roster'
    FROM organizations o JOIN patients p ON p.town = o.town
    WHERE o.kind = 'school' AND p.merged_into IS NULL
      AND p.dob BETWEEN (${asOf}::date - interval '12 years')::date AND (${asOf}::date - interval '5 years')::date
    ON CONFLICT DO NOTHING`.execute(db);
}
