import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestServer, type TestServer } from '../testing/test-server.ts';
import { DEMO_PASSWORD } from '../seed/demo-data.ts';
import { attemptLogin, codeOf, NEEDS_POSTGRES, ON_POSTGRES, range, secretOf, userIdOf, wrongCode } from './security.test-helpers.ts';

/**
 * The probe sent 99 wrong passwords (or 99 wrong TOTP codes) at once: the counter was read before
 * the argon2 check and written after, so every guess was tried and the right one still signed in.
 * Attempts are now counted in SQL before verifying, per account and per client address.
 */

const THRESHOLD = 5;
const PER_ADDRESS = 20;

describe.skipIf(!ON_POSTGRES)(`lockout under 100 parallel guesses ${NEEDS_POSTGRES}`, () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer({ LOCKOUT_THRESHOLD: THRESHOLD, LOGIN_FAILURES_PER_ADDRESS: PER_ADDRESS });
  });
  afterAll(async () => {
    await s.shutdown();
  });

  /** How many guesses were really checked (password or code verified and found wrong). */
  async function guessesChecked(filter: { userId?: string; ip?: string }) {
    let q = s.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'login.failure')
      .where(sql<string>`detail->>'step'`, 'in', ['password', 'otp', 'username']);
    if (filter.userId) q = q.where('actor_user_id', '=', filter.userId);
    if (filter.ip) q = q.where('ip', '=', filter.ip);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  // Each guess comes from its own address, as from a botnet, so only the account's own counter can stop them.
  const address = (i: number) => `198.51.${Math.floor(i / 250)}.${(i % 250) + 1}`;

  it('checks at most the threshold of 100 parallel wrong passwords and refuses the right one afterwards', async () => {
    const results = await Promise.all(
      range(100).map((i) => attemptLogin(s, { username: 'clinicstaff', password: `wrong-${i}` }, address(i))),
    );
    expect(results.filter((r) => r.statusCode === 200)).toEqual([]);
    const right = await attemptLogin(
      s,
      { username: 'clinicstaff', password: DEMO_PASSWORD, otp: await codeOf(s, 'clinicstaff') },
      '192.0.2.10',
    );
    expect(right.statusCode).toBe(401);
    expect(right.cookies).toEqual([]);
    expect(await guessesChecked({ userId: await userIdOf(s, 'clinicstaff') })).toBeLessThanOrEqual(THRESHOLD);
    // Once the lock has run out, the owner signs in again.
    s.clock.advance(16 * 60_000);
    const later = await attemptLogin(
      s,
      { username: 'clinicstaff', password: DEMO_PASSWORD, otp: await codeOf(s, 'clinicstaff') },
      '192.0.2.10',
    );
    expect(later.statusCode).toBe(200);
  });

  it('checks at most the threshold of 100 parallel wrong TOTP codes sent with the right password, and refuses the right code afterwards', async () => {
    const secret = await secretOf(s, 'cmo');
    const now = s.clock.now().getTime();
    const results = await Promise.all(
      range(100).map((i) => attemptLogin(s, { username: 'cmo', password: DEMO_PASSWORD, otp: wrongCode(secret, now, i) }, address(i))),
    );
    expect(results.filter((r) => r.statusCode === 200)).toEqual([]);
    const right = await attemptLogin(s, { username: 'cmo', password: DEMO_PASSWORD, otp: await codeOf(s, 'cmo') }, '192.0.2.11');
    expect(right.statusCode).toBe(401);
    expect(right.cookies).toEqual([]);
    expect(await guessesChecked({ userId: await userIdOf(s, 'cmo') })).toBeLessThanOrEqual(THRESHOLD);
  });

  it('throttles one client address guessing many accounts at once, and stops it before checking more', async () => {
    const usernames = ['coordinator', 'schoolnurse', 'dphanalyst', 'healthdirector', 'nobody-here', 'not-a-user', 'ghost'];
    const results = await Promise.all(
      range(100).map((i) => attemptLogin(s, { username: usernames[i % usernames.length]!, password: `spray-${i}` }, '203.0.113.50')),
    );
    expect(results.filter((r) => r.statusCode === 200)).toEqual([]);
    expect(results.some((r) => r.statusCode === 429)).toBe(true);
    expect(await guessesChecked({ ip: '203.0.113.50' })).toBeLessThanOrEqual(PER_ADDRESS);
    const right = await attemptLogin(s, { username: 'ceo', password: DEMO_PASSWORD, otp: await codeOf(s, 'ceo') }, '203.0.113.50');
    expect(right.statusCode).toBe(429);
    // Another address is not affected by this one's throttle.
    const elsewhere = await attemptLogin(s, { username: 'ceo', password: DEMO_PASSWORD, otp: await codeOf(s, 'ceo') }, '192.0.2.12');
    expect(elsewhere.statusCode).toBe(200);
  });
});
