import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, totp, totpStepOf } from './totp.ts';

// RFC 6238 appendix B: secret "12345678901234567890", SHA-1, 8 digits.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
  ])('matches the RFC 6238 vector at T=%i', (t, expected) => {
    expect(hotp(base32Decode(RFC_SECRET), Math.floor(t / 30), 8)).toBe(expected);
  });

  it('round-trips base32', () => {
    const buf = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 7]);
    expect(base32Decode(base32Encode(buf))).toEqual(buf);
  });

  it('accepts the neighbouring step for clock drift but not two steps away, and says which step matched', () => {
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(totpStepOf(RFC_SECRET, totp(RFC_SECRET, now), now)).toBe(step);
    expect(totpStepOf(RFC_SECRET, totp(RFC_SECRET, now - 30_000), now)).toBe(step - 1);
    expect(totpStepOf(RFC_SECRET, totp(RFC_SECRET, now + 30_000), now)).toBe(step + 1);
    expect(totpStepOf(RFC_SECRET, totp(RFC_SECRET, now - 90_000), now)).toBeNull();
    expect(totpStepOf(RFC_SECRET, 'abcdef', now)).toBeNull();
  });
});
