import { describe, expect, it } from 'vitest';
import { isValidNpi } from './npi.ts';

describe('NPI check digit', () => {
  it('accepts NPIs whose tenth digit is the Luhn check of 80840 and the first nine', () => {
    // CMS's worked example, and two issued NPIs.
    for (const npi of ['1234567893', '1245319599', '1003000126']) expect(isValidNpi(npi), npi).toBe(true);
  });

  it('refuses a wrong check digit, a transposition, and anything but ten digits', () => {
    for (const npi of ['1234567890', '1234567839', '2134567893', '123456789', '12345678931', '12345678a3', ''])
      expect(isValidNpi(npi), npi).toBe(false);
  });
});
