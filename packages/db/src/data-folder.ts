import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { isAlive, socketUrl, startEmbeddedPostgres, type EmbeddedPostgres } from './embedded/embedded-postgres.ts';

/** The application's database inside the embedded cluster. */
export const APP_DATABASE = 'nutmeg';

/**
 * DATA_DIR layout: pg/ is the PostgreSQL cluster (its socket, its log/ folder); earlier versions kept a
 * PGlite cluster directly in DATA_DIR, which is moved over on first start (see pglite-import.ts).
 */
export function clusterDir(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'pg');
}

/** An earlier Nutmeg's PGlite data folder: a PostgreSQL cluster laid out directly in DATA_DIR. */
export function isPgliteFolder(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'PG_VERSION')) && fs.existsSync(path.join(dataDir, 'base'));
}

export async function createDatabaseIfMissing(url: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name}"`);
    return true;
  } finally {
    await client.end();
  }
}

/** Starts the embedded server of a data folder, with the application database in it (moving a PGlite folder over first). */
export async function openDataFolder(
  dataDir: string,
  log: (m: string) => void = (m) => console.log(m),
  settings?: Record<string, string>,
): Promise<{ server: EmbeddedPostgres; url: string }> {
  const server = await startEmbeddedPostgres({ dir: clusterDir(dataDir), log, ...(settings ? { settings } : {}) });
  try {
    await createDatabaseIfMissing(server.url('postgres'), APP_DATABASE);
    const url = server.url(APP_DATABASE);
    if (isPgliteFolder(dataDir)) {
      // Loaded only here: PGlite is needed for nothing but reading an old folder.
      const { importPgliteFolder } = await import('./pglite-import.ts');
      await importPgliteFolder(dataDir, url, log);
    }
    return { server, url };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

/**
 * The application database of a data folder for a command (backup, restore): through the socket of the
 * server Nutmeg is running, or a server started for the command's duration when none runs.
 */
export async function connectDataFolder(dataDir: string, log?: (m: string) => void): Promise<{ url: string; close(): Promise<void> }> {
  const dir = clusterDir(dataDir);
  const pidFile = path.join(dir, 'postmaster.pid');
  const running = fs.existsSync(pidFile) && isAlive(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]));
  if (running) return { url: socketUrl(dir, APP_DATABASE), close: async () => {} };
  const { server, url } = await openDataFolder(dataDir, log);
  return { url, close: () => server.stop() };
}
