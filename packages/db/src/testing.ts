import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openPool, type DbHandle, type PoolOptions } from './create-db.ts';
import { listMigrations, migrate, MIGRATIONS_DIR } from './migrate.ts';

/**
 * Database tests run on one PostgreSQL server per test run: the embedded server that the vitest
 * globalSetup (test-global-setup.ts) starts, or the server of TEST_DATABASE_URL (CI runs them on both).
 * Each call returns a fresh database cloned from a migrated template (CREATE DATABASE … TEMPLATE).
 */
export async function createTestDb(options: PoolOptions = {}): Promise<DbHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'createTestDb needs a PostgreSQL server: run the tests through vitest (its globalSetup starts one) or set TEST_DATABASE_URL.',
    );
  }
  const tpl = process.env.NUTMEG_TEST_TEMPLATE ?? (await ensureTemplate(url));
  const name = `nutmeg_t_${crypto.randomBytes(6).toString('hex')}`;
  await withAdmin(url, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${tpl}`));
  const dbUrl = withDatabase(url, name);
  const pool = openPool(dbUrl, { poolSize: 4, ...options });
  return {
    db: pool.db,
    engine: 'postgres',
    description: `test database ${name}`,
    url: dbUrl,
    kill: () => {},
    async close() {
      await pool.close();
      await withAdmin(url, async (admin) => {
        // pg's pool.end() resolves before the server has seen every connection go; dropping WITH (FORCE)
        // at once would kill a closing connection and surface as an uncaught "terminating connection".
        for (let i = 0; i < 50; i++) {
          const left = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = $2', [
            name,
            pool.applicationName,
          ]);
          if (left.rows[0]?.n === 0) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    },
  };
}

function migrationsFingerprint(): string {
  const h = crypto.createHash('sha256');
  for (const f of listMigrations()) h.update(f).update(fs.readFileSync(path.join(MIGRATIONS_DIR, f)));
  return h.digest('hex').slice(0, 12);
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The migrated template database on the server of `url` (built once per set of migrations), by name. */
export async function ensureTemplate(url: string): Promise<string> {
  const name = `nutmeg_tpl_${migrationsFingerprint()}`;
  return withAdmin(url, async (admin) => {
    // Test workers (and CI's two runs) may race to build the template: serialise on an advisory lock.
    await admin.query('SELECT pg_advisory_lock(7042002)');
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        await admin.query(`CREATE DATABASE ${name}`);
        const pool = openPool(withDatabase(url, name), { poolSize: 1 });
        try {
          await migrate(pool.db);
        } catch (err) {
          await pool.close();
          await admin.query(`DROP DATABASE ${name}`);
          throw err;
        }
        await pool.close();
      }
    } finally {
      await admin.query('SELECT pg_advisory_unlock(7042002)');
    }
    return name;
  });
}
