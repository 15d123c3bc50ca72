// Bulk loading (the synthetic population, imports): rows sent as one array per column and inserted with one
// INSERT … SELECT FROM unnest($arrays) per table per batch, time-ordered ids, and the load-time switches
// (deferred index builds, no per-row FK triggers). Generic plumbing: the owning module's repository names
// its table and columns (`db.insertInto('patients').columns(c.names).expression(unnestSelect(c, TYPES))`).

import { randomFillSync } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './schema.ts';

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

/** Column arrays for one table; `push` appends one row (missing columns are NULL). */
export class Columns<K extends string> {
  readonly data: Record<K, unknown[]>;
  constructor(readonly names: readonly K[]) {
    this.data = Object.fromEntries(names.map((n) => [n, []])) as unknown as Record<K, unknown[]>;
  }
  push(row: Partial<Record<K, unknown>>): void {
    for (const n of this.names) this.data[n].push(row[n] ?? null);
  }
  get length(): number {
    return this.data[this.names[0]!].length;
  }
}

/** A column's value as it is inserted: the unnested array element, or an expression of it. */
export type ColumnExpression = (value: RawBuilder<unknown>) => RawBuilder<unknown>;

/**
 * SELECT <columns> FROM unnest($1::type[], $2::type[], …): the rows of `cols`, one array parameter per column.
 * `types` are PostgreSQL type names of the columns (from the owning repository, never from input).
 */
export function unnestSelect<K extends string>(
  cols: Columns<K>,
  types: Record<K, string>,
  expressions: Partial<Record<K, ColumnExpression>> = {},
): RawBuilder<unknown> {
  const alias = (i: number) => sql.id(`c${i}`);
  const params = cols.names.map((n) => sql`${cols.data[n]}::${sql.raw(types[n])}[]`);
  const selects = cols.names.map((n, i) => expressions[n]?.(sql`${alias(i)}`) ?? alias(i));
  return sql`SELECT ${sql.join(selects)} FROM unnest(${sql.join(params)}) AS t(${sql.join(cols.names.map((_, i) => alias(i)))})`;
}

/** Whether the connected role is a superuser (it may then switch FK triggers off for a trusted load). */
export async function isSuperuser(db: Kysely<Database>): Promise<boolean> {
  return (await sql<{ s: boolean }>`SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user`.execute(db)).rows[0]?.s ?? false;
}

/** Trusted, internally consistent rows: a superuser skips per-row FK triggers for the rest of the transaction. */
export async function skipForeignKeyChecks(trx: Kysely<Database>): Promise<void> {
  await sql`SET LOCAL session_replication_role = replica`.execute(trx);
}

/**
 * Loading into empty tables: drop their non-unique indexes first and build them once at the end (the usual
 * bulk-load practice; maintaining trigram GIN indexes row by row is what makes a big load slow). The index
 * definitions are read from the catalog, so this follows the migrations without repeating them.
 */
export async function withDeferredIndexes<T>(db: Kysely<Database>, tables: readonly string[], fn: () => Promise<T>): Promise<T> {
  const defs = (
    await sql<{ indexname: string; indexdef: string }>`SELECT indexname, indexdef FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename = ANY(${[...tables]}::text[]) AND indexdef NOT LIKE 'CREATE UNIQUE%'`.execute(db)
  ).rows;
  for (const d of defs) await sql`DROP INDEX ${sql.ref(d.indexname)}`.execute(db);
  try {
    return await fn();
  } finally {
    for (const d of defs) await sql.raw(d.indexdef).execute(db);
  }
}

/** Fresh planner statistics after a load, so queries use the new rows' distribution at once. */
export async function analyzeTables(db: Kysely<Database>, tables: readonly string[]): Promise<void> {
  await sql`ANALYZE ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
}
