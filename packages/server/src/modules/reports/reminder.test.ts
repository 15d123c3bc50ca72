import { describe, expect, it } from 'vitest';
import { addressProblem, dobRangeForAge, dueInWindow, type StoredDue } from './reminder.ts';

const group = (g: Partial<StoredDue>): StoredDue => ({
  vaccineGroup: 'MMR',
  status: 'Not Complete',
  forecastDoseNumber: 1,
  recommendedDate: '2026-03-01',
  pastDueDate: '2026-06-01',
  latestDate: null,
  ...g,
});
const window = { windowFrom: '2026-03-01', windowTo: '2026-03-31' };

describe('reminder/recall rules', () => {
  it('takes ages in whole months on the run date', () => {
    expect(dobRangeForAge('2026-12-07', 24, 35)).toEqual({ dobFrom: '2023-12-08', dobTo: '2024-12-07' });
    expect(dobRangeForAge('2026-03-31', 0, 0)).toEqual({ dobFrom: '2026-03-01', dobTo: '2026-03-31' });
  });

  it('lists a dose recommended in the window as due, one past due by its end as overdue', () => {
    expect(dueInWindow([group({})], { ...window, status: 'both' })).toMatchObject([{ status: 'due' }]);
    expect(dueInWindow([group({ pastDueDate: '2026-03-31' })], { ...window, status: 'both' })).toMatchObject([{ status: 'overdue' }]);
    expect(dueInWindow([group({ pastDueDate: '2026-03-31' })], { ...window, status: 'due' })).toEqual([]);
    expect(dueInWindow([group({ recommendedDate: '2026-04-01' })], { ...window, status: 'both' })).toEqual([]);
  });

  it('leaves out complete series and doses that can no longer be given', () => {
    expect(dueInWindow([group({ status: 'Complete' })], { ...window, status: 'both' })).toEqual([]);
    expect(dueInWindow([group({ latestDate: '2026-02-28' })], { ...window, status: 'both' })).toEqual([]);
  });

  it('flags missing and incomplete addresses', () => {
    const a = { street: '1 Elm St', street2: null, city: 'Hamden', state: 'CT', zip: '06514' };
    expect(addressProblem(a)).toBeNull();
    expect(addressProblem({ ...a, zip: '651' })).toBe('incomplete');
    expect(addressProblem({ ...a, city: null })).toBe('incomplete');
    expect(addressProblem({ street: null, street2: null, city: null, state: null, zip: null })).toBe('missing');
  });
});
