import path from 'node:path';
import { z } from 'zod';

/** Every setting, documented, validated once at start. Tests override with loadConfig({ ... }). */
const ConfigSchema = z.object({
  /** HTTP port of the API and the web UI. */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  /** Data folder of the embedded PostgreSQL server (cluster in DATA_DIR/pg), used when DATABASE_URL is not set. */
  DATA_DIR: z.string().default('./data'),
  /** postgres://user@host:port/db: that PostgreSQL server instead of the embedded one; same SQL and migrations. */
  DATABASE_URL: z.string().url().optional(),
  /** A query running longer is cancelled and its request answered 503 (0: no limit). */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  /** Waiting longer for a database connection (all busy, or the server down) answers 503. */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** GET /api/health reports the database down when `SELECT 1` takes longer. */
  HEALTH_DB_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
  /** On shutdown, requests still running after this long have their queries cancelled. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(3_000),
  /** demo: seed the demo jurisdiction on first start; none: start empty with one DPH administrator. */
  NUTMEG_SEED: z.enum(['demo', 'none']).default('demo'),
  /** Synthetic patients in the demo seed. */
  NUTMEG_DEMO_PATIENTS: z.coerce.number().int().min(0).default(3000),
  /** smtp://user:pass@host:port; without it mail goes to the dev outbox page only. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Nutmeg IIS <no-reply@nutmeg.local>'),
  /** Public base URL used in e-mailed links (password reset); defaults to http://localhost:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(12),
  /** Failed logins before the account is locked, and for how long. */
  LOCKOUT_THRESHOLD: z.coerce.number().int().positive().default(5),
  LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  /** CDSi supporting-data release to load from packages/forecast/supporting-data/<release>. */
  CDSI_RELEASE: z
    .string()
    .regex(/^\d+\.\d+$/, 'a CDC release number such as 4.64')
    .default('4.64'),
  /** A supporting-data folder outside the package (e.g. a CDC release being tried); overrides CDSI_RELEASE. */
  CDSI_DATA_DIR: z.string().optional(),
  /** Built web UI to serve; absent in API-only tests. */
  WEB_DIST: z.string().default(path.resolve(import.meta.dirname, '../../web/dist')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Argon2id cost; tests lower it. */
  ARGON2_MEMORY_KIB: z.coerce.number().int().min(1024).default(19456),
  /** Run the background job worker in this process (sessions clean-up and later jobs). */
  JOB_WORKER: z.enum(['on', 'off']).default('on'),
  /** Rate limit of requests per minute per client IP on the whole API. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
});

export type Config = Omit<z.infer<typeof ConfigSchema>, 'PUBLIC_URL'> & { PUBLIC_URL: string };

export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const merged = { ...parsed.data, ...overrides };
  return { ...merged, PUBLIC_URL: merged.PUBLIC_URL ?? `http://localhost:${merged.PORT}` };
}

/** Settings for tests: quiet, fast hashing, no web bundle. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    {},
    {
      LOG_LEVEL: 'silent',
      ARGON2_MEMORY_KIB: 1024,
      RATE_LIMIT_PER_MINUTE: 100_000,
      JOB_WORKER: 'off',
      NUTMEG_SEED: 'none',
      WEB_DIST: '/nonexistent',
      ...overrides,
    },
  );
}
