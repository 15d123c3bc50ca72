import { describe, expect, it } from 'vitest';
import { foldName, matchStaff, parsePins } from './staff-match.ts';

const staff = [
  { firstName: 'Thomas', lastName: 'Nguyễn', email: 'tn@clinic.example' },
  { firstName: 'Kevin', lastName: "O'Neil", email: 'kevin@clinic.example' },
];

describe('staff list match', () => {
  it('matches by e-mail regardless of case', () => {
    expect(matchStaff({ firstName: 'X', lastName: 'Y', email: 'TN@Clinic.Example ' }, staff)).toBe('email');
  });
  it('matches by first and last name ignoring case and diacritics', () => {
    expect(matchStaff({ firstName: 'thomas', lastName: 'NGUYEN', email: 'other@x.example' }, staff)).toBe('name');
    expect(matchStaff({ firstName: 'Kevin', lastName: 'ONeil', email: 'other@x.example' }, staff)).toBe('name');
  });
  it('does not match on the last name alone', () => {
    expect(matchStaff({ firstName: 'Tom', lastName: 'Nguyen', email: 'other@x.example' }, staff)).toBeNull();
  });
  it('folds names', () => {
    expect(foldName('  José-María Đặng ')).toBe('josemariadang');
  });
});

describe('PIN list', () => {
  it('splits on commas, semicolons and spaces, upper-cases and de-duplicates', () => {
    expect(parsePins('ct1001, CT1002;CT1001  ct1003')).toEqual(['CT1001', 'CT1002', 'CT1003']);
    expect(parsePins(['CT1001', ' ct1002 '])).toEqual(['CT1001', 'CT1002']);
    expect(parsePins(' , ')).toEqual([]);
  });
});
