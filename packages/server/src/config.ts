import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
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
  /**
   * Failed sign-ins from one client address (any usernames) before that address is refused for
   * LOCKOUT_MINUTES: stops password spraying across accounts. A clinic behind one NAT address shares it.
   */
  LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(50),
  /** How long an activation link (new account, or a password reset by DPH) stays valid. */
  ACTIVATION_LINK_HOURS: z.coerce.number().positive().default(72),
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
  /** Run the background job worker in this process (mail delivery, session clean-up, audit checkpoints); at least one process must. */
  JOB_WORKER: z.enum(['on', 'off']).default('on'),
  /** Rate limit of requests per minute per client IP on the whole API. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /**
   * Reverse proxies whose X-Forwarded-For is believed: comma-separated addresses or CIDRs, e.g.
   * "10.0.0.5, 10.1.0.0/16". Default none: the client address is the TCP peer, so nobody can forge
   * the address that rate limits, sign-in throttling and the audit log see.
   */
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .refine((list) => list.every(isAddressOrCidr), 'a comma-separated list of IP addresses or CIDRs'),
  /**
   * The per-install secret that keys the audit chain, its checkpoints and certificate verification codes; it is
   * never written to the database. Unset: generated on the first start into DATA_DIR/secrets/install-secret
   * (mode 0600; back it up with the database). Several app instances on one database must all be given the same
   * value here (at least 32 characters, e.g. `openssl rand -hex 32`). Changing it makes the existing chain unverifiable.
   */
  INSTALL_SECRET: z.string().min(32, 'at least 32 characters (openssl rand -hex 32)').optional(),
  /**
   * Minutes between signed audit checkpoints (head count + hash, in the audit_checkpoints table and appended to
   * DATA_DIR/audit/checkpoints.jsonl). Rows newer than the last checkpoint can be cut unnoticed, so keep it short.
   */
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().positive().default(15),
  /** Public certificate checks per minute per client address (a code has 50 bits: guessing must stay hopeless). */
  CERTIFICATE_VERIFY_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** Patient look-ups by identifier (IIS id, MRN, phone alone) per user per hour before refusal (harvesting). */
  ID_LOOKUPS_PER_HOUR: z.coerce.number().int().positive().default(120),
  /** At this many look-ups by identifier in an hour, DPH is alerted (audit entry + the bulk look-ups list). */
  ID_LOOKUP_ALERT_AT: z.coerce.number().int().positive().default(60),
  /** Days before a program year ends when clinics without next year's approved provider agreement are mailed. */
  AGREEMENT_RENEWAL_NOTICE_DAYS: z.coerce.number().int().min(1).max(365).default(60),
  /**
   * Reminder letters, mailing labels and call-list PDFs for more patients than this are rendered by a background
   * report run (progress shown, the file kept for the user); up to it, in the request. 500 letters render in a few
   * seconds; 20,000 would hold a request for minutes.
   */
  REPORT_PDF_INLINE_MAX: z.coerce.number().int().min(0).default(500),
  /**
   * A background reminder/recall PDF run for more patients than this fails with a sentence before rendering: a file
   * of hundreds of thousands of letters is a mistake in the criteria, and would hold a worker and the disk.
   */
  REPORT_PDF_RUN_MAX: z.coerce.number().int().min(0).default(50_000),
  /** Days a finished PDF run's file (and the patient list its download audits name) is kept; then cleared nightly. */
  REPORT_RUN_FILE_DAYS: z.coerce.number().int().min(1).max(365).default(7),
});

function isAddressOrCidr(v: string): boolean {
  const [address = '', bits, ...extra] = v.split('/');
  const family = net.isIP(address);
  if (!family || extra.length) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

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

// One secret per test process: every test server in it shares the audit key, like instances of one install.
const TEST_INSTALL_SECRET = crypto.randomBytes(32).toString('hex');

const testDataDirs: string[] = [];

/** A data folder of its own (audit checkpoints, secrets) for a test server, removed when the process exits. */
function testDataDir(): string {
  if (testDataDirs.length === 0) process.once('exit', () => testDataDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nutmeg-test-data-'));
  testDataDirs.push(dir);
  return dir;
}

/** Settings for tests: quiet, fast hashing, no web bundle, a fresh data folder. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    {},
    {
      DATA_DIR: overrides.DATA_DIR ?? testDataDir(),
      INSTALL_SECRET: TEST_INSTALL_SECRET,
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
