import { describe, expect, it } from 'vitest';
import { profileChanges } from './profile-diff.ts';

describe('profile changes', () => {
  it('lists each changed leaf with its value before and after, and nothing unchanged', () => {
    const before = {
      legalName: 'Elm City Pediatrics',
      physicalAddress: { street: '1 Elm St', city: 'New Haven' },
      contacts: { primary: null },
    };
    const after = {
      legalName: 'Elm City Pediatrics',
      physicalAddress: { street: '2 Elm St', city: 'New Haven' },
      contacts: { primary: { name: 'Maria Delgado', email: 'm@elm.example' } },
    };
    expect(profileChanges(before, after)).toEqual([
      { field: 'physicalAddress.street', before: '1 Elm St', after: '2 Elm St' },
      { field: 'contacts.primary.name', before: null, after: 'Maria Delgado' },
      { field: 'contacts.primary.email', before: null, after: 'm@elm.example' },
    ]);
  });

  it('compares a day’s delivery windows as one value', () => {
    const a = { deliveryHours: { mon: [{ from: '08:00', to: '12:00' }] } };
    const b = { deliveryHours: { mon: [{ from: '08:00', to: '13:00' }] } };
    expect(profileChanges(a, b)).toEqual([{ field: 'deliveryHours.mon', before: a.deliveryHours.mon, after: b.deliveryHours.mon }]);
    expect(profileChanges(a, structuredClone(a))).toEqual([]);
    // As read back from jsonb: the same window with its keys in another order is no change.
    expect(profileChanges(a, { deliveryHours: { mon: [{ to: '12:00', from: '08:00' }] } })).toEqual([]);
  });

  it('records a removed value as changed to null', () => {
    expect(profileChanges({ fax: '203-555-0101', shippingAddress: { zip: '06510' } }, { fax: null, shippingAddress: null })).toEqual([
      { field: 'fax', before: '203-555-0101', after: null },
      { field: 'shippingAddress.zip', before: '06510', after: null },
    ]);
  });
});
