import { describe, expect, it } from 'vitest';
import { acceptedCodes } from '@nutmeg/codes/tables';
import { codeLabel, codeOptions } from './code-options';

describe('the forms’ coded choices', () => {
  it('offer the dose sites the server accepts, the vastus lateralis ones too (they had drifted apart)', () => {
    const offered = codeOptions('site').map(([code]) => code);
    expect(offered).toEqual(expect.arrayContaining(['LVL', 'RVL', 'LT', 'RT', 'LD', 'RD']));
    expect(offered.every((c) => acceptedCodes('site').includes(c))).toBe(true);
    expect(codeLabel('site', 'RVL')).toBe('Right Vastus Lateralis');
  });

  it('keep a record’s code that is no longer offered, marked, instead of hiding it', () => {
    expect(codeOptions('race', 'W').at(-1)).toEqual(['W', 'White (no longer used)']);
    expect(codeOptions('vfcEligibility', null, true)[1]).toEqual(['V02', 'V02 VFC eligible - Medicaid/Medicaid Managed Care']);
  });
});
