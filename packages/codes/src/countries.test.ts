import { describe, expect, it } from 'vitest';
import { countryLabel } from './countries.ts';

describe('birth country labels', () => {
  it('names a listed ISO alpha-3 code whatever its case', () => {
    expect(countryLabel('USA')).toBe('United States');
    expect(countryLabel('mex')).toBe('Mexico');
  });
  it('shows an unlisted code as given rather than guessing', () => {
    expect(countryLabel('ZZZ')).toBe('ZZZ');
  });
});
