import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.ts';
import { DEMO_PASSWORD } from '../seed/demo-data.ts';
import { attemptLogin, codeOf, range } from './security.test-helpers.ts';

// Count argon2 verifications: the time a sign-in takes is the time of its argon2 check, so an
// unknown username that skips it answers measurably faster than a real one.
const argon = vi.hoisted(() => ({ verifications: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...real,
    verify: (...args: Parameters<typeof real.verify>) => {
      argon.verifications++;
      return real.verify(...args);
    },
  };
});

/**
 * Whether a username exists must not show: not in the answer, not in the time it takes (an argon2
 * check for every attempt, against a dummy hash for unknown names), not in the lockout message.
 */
describe('usernames cannot be told apart at sign-in', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer({ LOCKOUT_THRESHOLD: 3 });
  });
  afterAll(async () => {
    await s.shutdown();
  });

  async function verificationsFor(username: string): Promise<number> {
    const before = argon.verifications;
    await attemptLogin(s, { username, password: 'a-wrong-password' });
    return argon.verifications - before;
  }

  it('runs the same password check for an unknown username as for a real one', async () => {
    expect(await verificationsFor('healthdirector')).toBe(1);
    expect(await verificationsFor('no-such-person')).toBe(1);
  });

  it('answers a locked account exactly as an unknown username, right password or not', async () => {
    const answers = async (username: string, password: string) => {
      const last = [];
      for (const _ of range(5)) last.push(await attemptLogin(s, { username, password: `${password}-${_}` }));
      return last.map((r) => ({ status: r.statusCode, body: r.json() as unknown }));
    };
    const known = await answers('schoolnurse', 'wrong');
    const unknown = await answers('no-such-nurse', 'wrong');
    expect(known).toEqual(unknown);
    // Locked now: even the right password and code answer like an unknown name.
    const right = await attemptLogin(s, { username: 'schoolnurse', password: DEMO_PASSWORD, otp: await codeOf(s, 'schoolnurse') });
    const stranger = await attemptLogin(s, { username: 'no-such-nurse', password: DEMO_PASSWORD, otp: await codeOf(s, 'schoolnurse') });
    expect({ status: right.statusCode, body: right.json() as unknown }).toEqual({
      status: stranger.statusCode,
      body: stranger.json() as unknown,
    });
  });

  it('tells the owner of a locked account by e-mail instead of on the sign-in page', async () => {
    const mails = await s.ctx.db
      .selectFrom('mail_outbox')
      .select('subject')
      .where('to_address', '=', 'schoolnurse@demo.nutmeg.example')
      .execute();
    expect(mails.map((m) => m.subject)).toEqual(['Nutmeg IIS: your account is locked for a while']);
  });
});
