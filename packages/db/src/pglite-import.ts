import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { isAlive } from './embedded/embedded-postgres.ts';
import { readDatabase, writeDatabase, type Query } from './logical-copy.ts';

/**
 * Moves an earlier Nutmeg's PGlite data folder (a cluster laid out directly in DATA_DIR) into the embedded
 * PostgreSQL database at `url`: every row copied in one transaction and counted, then the old files moved
 * into DATA_DIR/pglite-old-<time>/ (kept until the user deletes them). PGlite is loaded here only, never on
 * the normal start path.
 */
export async function importPgliteFolder(dataDir: string, url: string, log: (m: string) => void): Promise<void> {
  const target = new pg.Client({ connectionString: url });
  await target.connect();
  try {
    const done = await target.query(`SELECT to_regclass('public.schema_migrations') IS NOT NULL AS has`);
    if (done.rows[0].has) {
      // A previous start copied the data and stopped before moving the old files.
      log(`${dataDir} still holds the PGlite files of an earlier Nutmeg, already copied; moving them aside.`);
    } else {
      log(`${dataDir} holds a database from an earlier Nutmeg (PGlite); copying it into PostgreSQL (${path.join(dataDir, 'pg')}).`);
      const started = Date.now();
      const counts = await copyFromPglite(dataDir, target);
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      log(`Copied ${rows} rows in ${Object.keys(counts).length} tables in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    }
  } finally {
    await target.end();
  }
  const aside = moveAside(dataDir);
  log(`The old PGlite files are in ${aside}; delete that folder once you have checked your data.`);
}

async function copyFromPglite(dataDir: string, target: pg.Client): Promise<Record<string, number>> {
  const { PGlite } = await import('@electric-sql/pglite');
  const [{ pg_trgm }, { fuzzystrmatch }, { pgcrypto }, { unaccent }, { citext }] = await Promise.all([
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/fuzzystrmatch'),
    import('@electric-sql/pglite/contrib/pgcrypto'),
    import('@electric-sql/pglite/contrib/unaccent'),
    import('@electric-sql/pglite/contrib/citext'),
  ]);
  // The lock file of the PGlite era: a live one means an old Nutmeg still runs on this folder.
  const lock = path.join(dataDir, 'nutmeg.lock');
  if (fs.existsSync(lock)) {
    const pid = Number(fs.readFileSync(lock, 'utf8'));
    if (pid > 0 && pid !== process.pid && isAlive(pid))
      throw new Error(`${dataDir} is in use by another Nutmeg process (pid ${pid}); stop it first.`);
  }
  const source = await PGlite.create(dataDir, { extensions: { pg_trgm, fuzzystrmatch, pgcrypto, unaccent, citext } });
  try {
    return await source.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      const q: Query = (text, params) => tx.query(text, params);
      return writeDatabase(target, readDatabase(q));
    });
  } finally {
    await source.close();
  }
}

/** What a PostgreSQL cluster (and the PGlite era's lock) puts in its folder; nothing else of DATA_DIR is touched. */
const CLUSTER_ENTRY =
  /^(PG_VERSION|base|global|pg_[a-z_]+|postgresql(\.auto)?\.conf|pg_hba\.conf|pg_ident\.conf|postmaster\.(opts|pid)|nutmeg\.lock)$/;

/** The PGlite cluster's files and folders into one folder beside pg/. */
function moveAside(dataDir: string): string {
  const aside = path.join(dataDir, `pglite-old-${new Date().toISOString().slice(0, 19).replaceAll(':', '')}`);
  fs.mkdirSync(aside);
  for (const name of fs.readdirSync(dataDir)) {
    if (CLUSTER_ENTRY.test(name)) fs.renameSync(path.join(dataDir, name), path.join(aside, name));
  }
  return aside;
}
