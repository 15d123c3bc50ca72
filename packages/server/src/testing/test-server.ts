import type { PoolOptions } from '@nutmeg/db';
import { createTestDb } from '@nutmeg/db/testing';
import { testConfig, type Config } from '../config.ts';
import type { Clock } from '../context.ts';
import { createServer, type Server } from '../server.ts';
import { DEMO_PASSWORD, seedDemo, seedReference } from '../seed/index.ts';
import { totp } from '../modules/access/index.ts';
import { runOneJob } from '../modules/jobs/index.ts';
import { MAIL_DELIVERY_JOB } from '../modules/mail/index.ts';

export interface TestServer extends Server {
  /** Signs in as a demo user (all stages done); returns headers to send with requests. */
  signIn(username: string): Promise<{ cookie: string; 'x-csrf-token': string }>;
  /** Runs the mail jobs that are due at the test clock's time, as the job worker would (tests run without it); returns how many ran. */
  deliverMail(): Promise<number>;
  /** Runs the due jobs of these kinds at the test clock's time, as the job worker would; returns how many ran. */
  runJobs(kinds: readonly string[]): Promise<number>;
  clock: MutableClock;
}

export interface MutableClock extends Clock {
  set(d: Date): void;
  advance(ms: number): void;
}

export function mutableClock(start = new Date()): MutableClock {
  let t = start.getTime();
  return { now: () => new Date(t), set: (d) => (t = d.getTime()), advance: (ms) => (t += ms) };
}

/**
 * A server on a fresh test database (on the test run's PostgreSQL server, see @nutmeg/db/testing),
 * seeded with the demo organizations and users but no demo patients. `opts.pool` sets the database pool's
 * size and timeouts (the timeout tests make them small).
 */
export async function createTestServer(
  overrides: Partial<Config> = {},
  opts: { pool?: PoolOptions; logStream?: NodeJS.WritableStream } = {},
): Promise<TestServer> {
  const handle = await createTestDb(opts.pool);
  const clock = mutableClock();
  const config = testConfig({ NUTMEG_SEED: 'none', ...overrides });
  // Seed the demo organizations and users ourselves so tests know them; bootstrap then sees users and skips.
  await seedReference({ db: handle.db, config });
  await seedDemo({ db: handle.db, config });
  const server = await createServer(config, { handle, clock, ...(opts.logStream ? { logStream: opts.logStream } : {}) });
  async function signIn(username: string) {
    // A code signs in once; tests sign in many times at one clock time, as if each time with a fresh code.
    await server.ctx.db.updateTable('users').set({ mfa_last_step: null }).where('username', '=', username).execute();
    const user = await server.ctx.db.selectFrom('users').select('mfa_secret').where('username', '=', username).executeTakeFirstOrThrow();
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username, password: DEMO_PASSWORD, otp: totp(user.mfa_secret!, clock.now().getTime()) },
    });
    if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.body}`);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = await server.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    return { cookie, 'x-csrf-token': (me.json() as { csrfToken: string }).csrfToken };
  }
  async function deliverMail() {
    const handlers = { [MAIL_DELIVERY_JOB]: server.jobHandlers[MAIL_DELIVERY_JOB]! };
    let ran = 0;
    while (await runOneJob(server.ctx.db, 'test', handlers, clock.now())) ran++;
    return ran;
  }
  async function runJobs(kinds: readonly string[]) {
    const handlers = Object.fromEntries(kinds.map((k) => [k, server.jobHandlers[k]!]));
    let ran = 0;
    while (await runOneJob(server.ctx.db, 'test', handlers, clock.now())) ran++;
    return ran;
  }
  return { ...server, signIn, deliverMail, runJobs, clock };
}
