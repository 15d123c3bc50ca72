import { describe, expect, it } from 'vitest';
import { iisIdProblem, luhnValid } from './iis-id.ts';

describe('registry ids', () => {
  it('checks the Luhn digit (the standard test number, one digit off, two digits swapped)', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398714')).toBe(false);
    expect(luhnValid('79927389713')).toBe(false);
  });

  it('refuses a checked id with a wrong check digit, and leaves older sequential ids and other strings alone', () => {
    expect(iisIdProblem('CT4830192750316427')).toBeUndefined();
    expect(iisIdProblem('ct4830192750316427 ')).toBeUndefined();
    expect(iisIdProblem('CT4830192750316428')).toMatch(/check digit/);
    expect(iisIdProblem('CT4830192750316472')).toMatch(/check digit/);
    expect(iisIdProblem('CT0001000042')).toBeUndefined();
  });
});
