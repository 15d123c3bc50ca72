import { describe, expect, it } from 'vitest';
import { fieldLabel } from '@nutmeg/codes';
import { addressProblem, ageOn, callPhones, dobRangeForAge, dueInWindow, formatPhone, type StoredDue } from './reminder.ts';

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

  it('lists the patient’s phones by use, then each guardian’s that has one, named with the relationship', () => {
    const phones = callPhones(
      {
        phones: [{ number: '2035550101', use: 'CP' }],
        guardians: [
          { name: 'Rosa Due', relationship: 'MTH', phone: '2035550103' },
          { name: 'Tom Due', relationship: 'FTH', phone: null },
        ],
      },
      fieldLabel,
    );
    expect(phones).toEqual([
      { number: '2035550101', whose: 'patient', label: 'Cellular phone' },
      { number: '2035550103', whose: 'guardian', label: 'Rosa Due, Mother' },
    ]);
    expect(formatPhone('2035550101')).toBe('(203) 555-0101');
    expect(formatPhone('+44 20 7946 0018')).toBe('+44 20 7946 0018');
  });

  it('lists a guardian’s number once when it is the patient’s own (the household phone), named on that entry', () => {
    const phones = callPhones(
      {
        phones: [{ number: '2035550101', use: 'CP' }],
        guardians: [{ name: 'Rosa Due', relationship: 'MTH', phone: '(203) 555-0101' }],
      },
      fieldLabel,
    );
    expect(phones).toEqual([{ number: '2035550101', whose: 'patient', label: 'Cellular phone (Rosa Due, Mother)' }]);
  });

  it('says an age as staff do on the phone', () => {
    expect(ageOn('2025-07-16', '2026-06-15')).toBe('10 months');
    expect(ageOn('2024-01-10', '2026-06-15')).toBe('2 years 5 months');
    expect(ageOn('2023-06-15', '2026-06-15')).toBe('3 years');
    expect(ageOn('2025-05-15', '2026-06-15')).toBe('1 year 1 month');
  });
});
