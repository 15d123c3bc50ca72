import crypto from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { openDataFolder } from './data-folder.ts';

// DATE must stay a 'YYYY-MM-DD' string: pg would turn it into a Date shifted by the time zone.
pg.types.setTypeParser(1082, (v) => v);
// COUNT(*) and BIGINT ids fit comfortably in a double for our sizes.
pg.types.setTypeParser(20, (v) => Number(v));

/** embedded: our own PostgreSQL server on DATA_DIR/pg; postgres: a server named by DATABASE_URL. */
export type Engine = 'embedded' | 'postgres';

export interface DbHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** For people: "embedded PostgreSQL 18.4 in /x/data/pg", or "PostgreSQL at host:port/db". */
  description: string;
  /** Connection string of this database (through the socket for the embedded server). */
  url: string;
  /** Closes the pool (cancelling queries still running after a few seconds), then stops an embedded server. */
  close(): Promise<void>;
  /** Stops an embedded server at once without waiting (a second Ctrl-C); nothing for an outside server. */
  kill(): void;
}

export interface PoolOptions {
  poolSize?: number;
  /** A statement running longer is cancelled by the server (error 57014). 0 turns it off (migrations, bulk loads). */
  statementTimeoutMs?: number;
  /** Waiting longer for a connection (a new one, or a free one from a busy pool) fails. */
  connectTimeoutMs?: number;
}

export interface DbOptions extends PoolOptions {
  /** postgres://… selects that PostgreSQL server; otherwise the embedded server in dataDir is used. */
  databaseUrl?: string | undefined;
  /** The data folder of the embedded server (its cluster is dataDir/pg). */
  dataDir?: string | undefined;
  log?: (message: string) => void;
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** How long close() lets running queries finish before it cancels them (the server's shutdown has given its own grace). */
const CLOSE_GRACE_MS = 1_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const within = (p: Promise<unknown>, ms: number) => Promise.race([p.then(() => true), sleep(ms).then(() => false)]);

/** A Kysely over a pg.Pool with the timeouts set, and a close() that cannot hang on a stuck query. */
export function openPool(
  url: string,
  options: PoolOptions = {},
): { db: Kysely<Database>; applicationName: string; close(): Promise<void> } {
  // A name per pool, so close() can find and cancel this pool's own stuck queries on the server.
  const applicationName = `nutmeg-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    application_name: applicationName,
    statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    // No JIT: PostgreSQL compiles a large report query (coverage, reminder/recall over millions of stored forecasts)
    // for seconds before running it — 3.2 s of an 11.8 s query on 2.3 million people — and our statements are short.
    options: '-c jit=off',
    // A transaction left open (a bug, a killed request) must not hold its locks forever.
    idle_in_transaction_session_timeout: 60_000,
    connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    // A server process keeps the memory of its biggest statement (the demo seed's bulk load left one at
    // ~200 MB, 3.7 MB of it in use) and the job worker's polling never lets it idle out: renew connections.
    maxLifetimeSeconds: 300,
  });
  // A connection dropped by the server (restart, failover, a cancelled stuck query) must not crash the
  // process, idle or checked out: its query fails, and the pool replaces it on the next one.
  const lost = (err: Error) => console.warn(`database connection lost: ${err.message}`);
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closing: Promise<void> | undefined;
  return {
    db,
    applicationName,
    close() {
      closing ??= (async () => {
        const destroyed = db.destroy();
        if (await within(destroyed, CLOSE_GRACE_MS)) return;
        // pg's pool ends only once every checked-out client is back: end the stuck ones from the server side.
        await cancelBackends(url, applicationName);
        await within(destroyed, CLOSE_GRACE_MS);
      })();
      return closing;
    },
  };
}

async function cancelBackends(url: string, applicationName: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()', [
      applicationName,
    ]);
  } catch {
    // the server is gone: the pool's connections are too
  } finally {
    await client.end().catch(() => {});
  }
}

function describeUrl(url: string): string {
  const u = new URL(url);
  return `PostgreSQL at ${u.host}${u.pathname}`;
}

export async function createDb(options: DbOptions): Promise<DbHandle> {
  if (options.databaseUrl) {
    const { db, close } = openPool(options.databaseUrl, options);
    return { db, engine: 'postgres', description: describeUrl(options.databaseUrl), url: options.databaseUrl, close, kill: () => {} };
  }
  if (!options.dataDir) throw new Error('createDb needs DATABASE_URL or a data folder');
  const folder = await openDataFolder(options.dataDir, options.log);
  const { db, close } = openPool(folder.url, options);
  return {
    db,
    engine: 'embedded',
    description: `embedded PostgreSQL ${folder.server.version} in ${folder.server.dir}`,
    url: folder.url,
    async close() {
      await close();
      await folder.server.stop();
    },
    kill: () => folder.server.kill(),
  };
}
