import type { DbOptions } from '@nutmeg/db';
import type { Config } from './config.ts';

/** The database settings of the config: DATABASE_URL's server, or the embedded one in DATA_DIR. */
export function dbOptions(config: Config): DbOptions {
  return {
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
  };
}
