import { describe, expect, it } from 'vitest';
import { checkPasswordRules, hashPassword, verifyPassword } from './password.ts';

describe('password rules (NIST 800-63B)', () => {
  it('needs 8 characters with MFA and 15 without', () => {
    expect(checkPasswordRules('lantern-quay', { mfa: true })).toEqual([]);
    expect(checkPasswordRules('lantern-quay', { mfa: false })[0]?.message).toMatch(/at least 15/);
  });
  it('refuses common and breached passwords whatever their case', () => {
    expect(checkPasswordRules('Password123', { mfa: true })[0]?.message).toMatch(/common or breached/);
  });
  it('does not demand character classes', () => {
    expect(checkPasswordRules('correct horse battery staple', { mfa: false })).toEqual([]);
  });
  it('refuses a password containing the username', () => {
    expect(checkPasswordRules('jsmith-garden-gate', { mfa: true, username: 'jsmith' })).toHaveLength(1);
  });
  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('a long enough secret', 1024);
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'a long enough secret')).toBe(true);
    expect(await verifyPassword(h, 'a long enough secreT')).toBe(false);
  });
});
