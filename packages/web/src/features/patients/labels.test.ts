import { describe, expect, it } from 'vitest';
import { countryLabel, describeChange, describeStatus, identifierLabel, languageLabel, relationshipLabel } from './labels';

describe('labels instead of codes', () => {
  it('names languages, countries, relationships and identifier types', () => {
    expect(languageLabel('en')).toBe('English');
    expect(languageLabel('pt')).toBe('Portuguese');
    expect(countryLabel('USA')).toBe('United States');
    expect(countryLabel('ZZZ')).toBe('ZZZ');
    expect(relationshipLabel('MTH')).toBe('Mother');
    expect(identifierLabel({ type: 'MR', value: '44955361' })).toBe('MRN 44955361');
  });

  it('describes a demographic change by the fields it changed', () => {
    expect(describeChange('update', ['language', 'addresses'])).toBe('Demographics changed: language, address');
    expect(describeChange('create', [])).toBe('Record created');
  });

  it('describes status and medical-home changes in words', () => {
    expect(
      describeStatus({ scope: 'organization', status: 'inactive_moved', organization: 'Elm City Pediatrics', effectiveDate: null }),
    ).toBe('Status at Elm City Pediatrics: Inactive — moved or gone elsewhere');
    expect(describeStatus({ scope: 'ownership', status: 'owned', organization: 'Elm City Pediatrics', effectiveDate: null })).toBe(
      'Medical home: Elm City Pediatrics',
    );
    expect(describeStatus({ scope: 'ownership', status: 'released', organization: null, effectiveDate: null })).toBe(
      'No medical home (released)',
    );
    expect(describeStatus({ scope: 'jurisdiction', status: 'deceased', organization: null, effectiveDate: '2026-01-02' })).toBe(
      'Status in the jurisdiction: Deceased (2026-01-02)',
    );
  });
});
