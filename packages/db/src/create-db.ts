import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { citext } from '@electric-sql/pglite/contrib/citext';
import type { Database } from './schema.ts';
import { acquireFolderLock, type FolderLock } from './folder-lock.ts';

// DATE must stay a 'YYYY-MM-DD' string: pg would turn it into a Date shifted by the time zone.
pg.types.setTypeParser(1082, (v) => v);
// COUNT(*) and BIGINT ids fit comfortably in a double for our sizes.
pg.types.setTypeParser(20, (v) => Number(v));

export type Engine = 'pglite' | 'postgres';

export interface DbHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** The embedded instance, when engine is pglite (tests clone it). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres://… selects PostgreSQL; otherwise the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; 'memory://' for an in-memory database. */
  dataDir?: string | undefined;
  /** An already-open PGlite (tests); it is closed with the handle. */
  pglite?: PGlite | undefined;
  poolSize?: number;
}

export const PGLITE_EXTENSIONS = { pg_trgm, fuzzystrmatch, pgcrypto, unaccent, citext };

export async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<PGlite> {
  return PGlite.create(dataDir, {
    extensions: PGLITE_EXTENSIONS,
    ...(loadDataDir ? { loadDataDir } : {}),
  });
}

export async function createDb(options: DbOptions): Promise<DbHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', (err) => console.warn(`database connection lost: ${err.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  let lock: FolderLock | undefined;
  let pglite = options.pglite;
  if (!pglite) {
    const dataDir = options.dataDir ?? 'memory://';
    if (!dataDir.startsWith('memory://')) lock = acquireFolderLock(dataDir);
    try {
      pglite = await openPglite(dataDir);
    } catch (err) {
      lock?.release();
      throw err;
    }
  }
  const instance = pglite;
  // One connection: PGlite is single-session; pg's pool serialises callers onto it.
  const pool = new pg.Pool(createPgConfig(instance) as unknown as pg.PoolConfig);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'pglite',
    pglite: instance,
    async close() {
      await db.destroy();
      await instance.close();
      lock?.release();
    },
  };
}
