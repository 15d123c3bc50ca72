import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { listMigrations, MIGRATIONS_DIR } from './migrate.ts';

/**
 * A database as a stream of chunks, engine- and version-independent: the migrations it has, every row of
 * every table as JSON (row_to_json), and the sequences. Moving a PGlite folder over, `nutmeg backup` and
 * `nutmeg restore` all read and write this stream.
 */
export type Chunk =
  | { kind: 'migrations'; names: string[] }
  | { kind: 'rows'; table: string; rows: string[] }
  | { kind: 'sequence'; name: string; lastValue: string; isCalled: boolean }
  | { kind: 'end'; counts: Record<string, number> };

/** Runs one SQL statement: a pg client's query() or PGlite's. */
export type Query = (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function publicTables(q: Query): Promise<string[]> {
  const r = await q(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
  );
  return r.rows.map((row) => String(row.name));
}

/** Reads the whole database; the caller holds a transaction so that every table is read at one instant. */
export async function* readDatabase(q: Query, batch = 2000): AsyncGenerator<Chunk> {
  const migrations = await q('SELECT name FROM schema_migrations ORDER BY name');
  yield { kind: 'migrations', names: migrations.rows.map((r) => String(r.name)) };
  const counts: Record<string, number> = {};
  for (const table of await publicTables(q)) {
    counts[table] = 0;
    await q(`DECLARE nutmeg_copy NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS r FROM ${ident(table)} t`);
    for (;;) {
      const r = await q(`FETCH ${batch} FROM nutmeg_copy`);
      if (r.rows.length === 0) break;
      counts[table] += r.rows.length;
      yield { kind: 'rows', table, rows: r.rows.map((row) => String(row.r)) };
    }
    await q('CLOSE nutmeg_copy');
  }
  const seqs = await q(`SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`);
  for (const { name } of seqs.rows) {
    const s = await q(`SELECT last_value::text AS v, is_called FROM ${ident(String(name))}`);
    yield { kind: 'sequence', name: String(name), lastValue: String(s.rows[0]!.v), isCalled: Boolean(s.rows[0]!.is_called) };
  }
  yield { kind: 'end', counts };
}

interface Trigger {
  table: string;
  name: string;
  /** pg_trigger.tgenabled: O (origin), A (always), R (replica), D (disabled). */
  state: 'O' | 'A' | 'R' | 'D';
}
const TRIGGERS = `SELECT c.relname AS "table", t.tgname AS name, t.tgenabled AS state FROM pg_trigger t
  JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND NOT t.tgisinternal`;
const ENABLE = { O: 'ENABLE', A: 'ENABLE ALWAYS', R: 'ENABLE REPLICA' } as const;

/**
 * Writes the stream into an empty database in one transaction: the same migrations the source had (later
 * ones are applied by the normal start), then every row, sequences, and a row count check per table.
 * Nothing is left half-written: any failure rolls it all back.
 */
export async function writeDatabase(
  client: pg.Client,
  chunks: AsyncIterable<Chunk>,
  dir = MIGRATIONS_DIR,
): Promise<Record<string, number>> {
  const q: Query = (text, params) => client.query(text, params);
  const known = new Set(listMigrations(dir));
  const present = await q(`SELECT to_regclass('public.schema_migrations') IS NOT NULL AS has`);
  if (present.rows[0]!.has) {
    const n = await q('SELECT count(*)::int AS n FROM schema_migrations');
    if (Number(n.rows[0]!.n) > 0) throw new Error('The target database is not empty; restore only into a new, empty database.');
  }
  await q('BEGIN');
  try {
    // Replica mode: foreign keys and triggers are not checked row by row; the source was consistent.
    await q('SET LOCAL session_replication_role = replica');
    await q('SET LOCAL statement_timeout = 0');
    let counts: Record<string, number> | undefined;
    let triggers: Trigger[] = [];
    for await (const c of chunks) {
      if (c.kind === 'migrations') {
        await q('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
        for (const name of c.names) {
          if (!known.has(name))
            throw new Error(`It was made by a newer Nutmeg (migration ${name} is unknown here); use that version or newer.`);
          await q(fs.readFileSync(path.join(dir, name), 'utf8'));
        }
        // Migrations may insert rows; the copy brings the source's own. Like pg_dump's data section, rows load
        // with no trigger firing (guards such as refusing TRUNCATE are ENABLE ALWAYS, so replica mode is not
        // enough); each trigger gets its own state back at the end.
        triggers = (await q(TRIGGERS)).rows as unknown as Trigger[];
        for (const t of triggers) await q(`ALTER TABLE ${ident(t.table)} DISABLE TRIGGER ${ident(t.name)}`);
        const tables = await publicTables(q);
        if (tables.length) await q(`TRUNCATE ${tables.map(ident).join(', ')}`);
      } else if (c.kind === 'rows') {
        await q(`INSERT INTO ${ident(c.table)} SELECT * FROM json_populate_recordset(NULL::${ident(c.table)}, $1::json)`, [
          `[${c.rows.join(',')}]`,
        ]);
      } else if (c.kind === 'sequence') {
        await q('SELECT setval($1::regclass, $2::bigint, $3)', [ident(c.name), c.lastValue, c.isCalled]);
      } else counts = c.counts;
    }
    if (!counts) throw new Error('The copy ended early (no end marker): nothing was written.');
    for (const t of triggers) if (t.state !== 'D') await q(`ALTER TABLE ${ident(t.table)} ${ENABLE[t.state]} TRIGGER ${ident(t.name)}`);
    for (const [table, expected] of Object.entries(counts)) {
      const got = Number((await q(`SELECT count(*)::int AS n FROM ${ident(table)}`)).rows[0]!.n);
      if (got !== expected) throw new Error(`Table ${table}: ${got} rows written, ${expected} expected; nothing was written.`);
    }
    await q('COMMIT');
    return counts;
  } catch (err) {
    await q('ROLLBACK').catch(() => {});
    throw err;
  }
}
