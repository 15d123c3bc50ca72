import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, openPglite, type DbHandle } from './create-db.ts';
import { listMigrations, migrate, MIGRATIONS_DIR } from './migrate.ts';

/**
 * Database tests run against PGlite by default, or against PostgreSQL when TEST_DATABASE_URL is set
 * (CI runs them both ways). Either way each call returns a fresh, migrated, isolated database:
 * a clone of a migrated PGlite template, or a PostgreSQL database created from a migrated template.
 */
export async function createTestDb(): Promise<DbHandle> {
  const url = process.env.TEST_DATABASE_URL;
  return url ? createPostgresTestDb(url) : createPgliteTestDb();
}

function migrationsFingerprint(): string {
  const h = crypto.createHash('sha256');
  for (const f of listMigrations()) h.update(f).update(fs.readFileSync(path.join(MIGRATIONS_DIR, f)));
  return h.digest('hex').slice(0, 12);
}

let templateDump: Promise<Blob> | undefined;

/**
 * A migrated database as a PGlite data-folder dump, cached on disk per migration fingerprint so
 * that test files (each in a fresh module scope) load it instead of migrating again.
 */
function pgliteTemplate(): Promise<Blob> {
  templateDump ??= (async () => {
    const file = path.join(os.tmpdir(), `nutmeg-pglite-template-${migrationsFingerprint()}.tar`);
    if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
    const pglite = await openPglite('memory://');
    const handle = await createDb({ pglite });
    await migrate(handle.db);
    const dump = await pglite.dumpDataDir('none');
    await handle.close();
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, file); // atomic: concurrent workers never read half a file
    return dump;
  })();
  return templateDump;
}

async function createPgliteTestDb(): Promise<DbHandle> {
  const pglite = await openPglite('memory://', await pgliteTemplate());
  return createDb({ pglite });
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

const templateReady = new Map<string, Promise<string>>();

async function ensurePostgresTemplate(url: string): Promise<string> {
  const name = `nutmeg_tpl_${migrationsFingerprint()}`;
  let ready = templateReady.get(name);
  if (!ready) {
    ready = withAdmin(url, async (admin) => {
      // Test workers race to build the template: serialise on an advisory lock.
      await admin.query('SELECT pg_advisory_lock(7042002)');
      try {
        const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) {
          await admin.query(`CREATE DATABASE ${name}`);
          const handle = await createDb({ databaseUrl: withDatabase(url, name), poolSize: 1 });
          try {
            await migrate(handle.db);
          } catch (err) {
            await handle.close();
            await admin.query(`DROP DATABASE ${name}`);
            throw err;
          }
          await handle.close();
        }
      } finally {
        await admin.query('SELECT pg_advisory_unlock(7042002)');
      }
      return name;
    });
    templateReady.set(name, ready);
  }
  return ready;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function createPostgresTestDb(url: string): Promise<DbHandle> {
  const tpl = await ensurePostgresTemplate(url);
  const name = `nutmeg_t_${crypto.randomBytes(6).toString('hex')}`;
  await withAdmin(url, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${tpl}`));
  const handle = await createDb({ databaseUrl: withDatabase(url, name), poolSize: 4 });
  return {
    ...handle,
    async close() {
      await handle.close();
      await withAdmin(url, async (admin) => {
        // pg's pool.end() resolves before the server has seen every connection go; dropping WITH (FORCE)
        // at once would kill a closing connection and surface as an uncaught "terminating connection".
        for (let i = 0; i < 50; i++) {
          const left = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
          if (left.rows[0]?.n === 0) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    },
  };
}
