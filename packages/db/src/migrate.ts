import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations');

const NAME = /^\d{14}_[a-z0-9_]+\.sql$/;
// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_KEY = 7_042_001;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export function listMigrations(dir = MIGRATIONS_DIR): string[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql'));
  for (const f of files) {
    if (!NAME.test(f)) throw new Error(`Migration file name ${f} must look like 20261125080000_what_it_does.sql`);
  }
  return files.sort();
}

/**
 * Applies pending plain-SQL migrations in name (timestamp) order, each in its own transaction,
 * under an advisory lock so several app processes starting together on one PostgreSQL do not race.
 */
export async function migrate(db: Kysely<Database>, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const files = listMigrations(dir);
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const file of files) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
      // An index built over a large table may take longer than the pool's statement timeout.
      await sql`SET LOCAL statement_timeout = 0`.execute(trx);
      const seen = await sql<{ name: string }>`SELECT name FROM schema_migrations WHERE name = ${file}`.execute(trx);
      if (seen.rows.length > 0) return false;
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      try {
        await sql.raw(text).execute(trx);
      } catch (err) {
        throw new Error(`Migration ${file} failed: ${(err as Error).message}`, { cause: err });
      }
      await sql`INSERT INTO schema_migrations (name) VALUES (${file})`.execute(trx);
      return true;
    });
    if (done) applied.push(file);
    else alreadyApplied++;
  }
  return { applied, alreadyApplied };
}
