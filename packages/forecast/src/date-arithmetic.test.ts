import { describe, expect, it } from 'vitest';
import {
  addDurationText,
  civilFromDays,
  daysFromCivil,
  formatIsoDate,
  parseDuration,
  parseIsoDate,
  parseSupportingDate,
} from './date-arithmetic.ts';

describe('3.4 date calculations (Table 3-6)', () => {
  it.each([
    ['CALCDT-1', '2000-01-01', '3 years', '2003-01-01'],
    ['CALCDT-2', '2000-01-01', '6 months', '2000-07-01'],
    ['CALCDT-2 year roll', '2000-11-01', '6 months', '2001-05-01'],
    ['CALCDT-3 days', '2000-01-01', '3 days', '2000-01-04'],
    ['CALCDT-3 weeks', '2000-01-01', '3 weeks', '2000-01-22'],
    ['CALCDT-3 leap year', '2000-02-01', '5 weeks', '2000-03-07'],
    ['CALCDT-3 not a leap year', '2001-02-01', '5 weeks', '2001-03-08'],
    ['CALCDT-4', '2000-01-15', '- 4 days', '2000-01-11'],
    ['CALCDT-5 Sep 31', '2000-03-31', '6 months', '2000-10-01'],
    ['CALCDT-5 Feb 31', '2000-08-31', '6 months', '2001-03-01'],
    ['CALCDT-6', '2000-01-31', '6 months - 4 days', '2000-07-27'],
    ['12 months - 4 days', '2024-01-10', '12 months - 4 days', '2025-01-06'],
    ['8 months + 1 day', '2024-01-10', '8 months + 1 day', '2024-09-11'],
    ['Feb 29 + 1 year is not a date → Mar 1', '2024-02-29', '1 year', '2025-03-01'],
    ['end of month + 1 month', '2023-01-31', '1 month', '2023-03-01'],
    ['end of month into leap Feb', '2024-01-30', '1 month', '2024-03-01'],
    ['Jan 29 + 1 month in a leap year', '2024-01-29', '1 month', '2024-02-29'],
    ['years then months then days', '1999-12-31', '1 year + 2 months - 4 days', '2001-02-25'],
  ])('%s: %s + %s = %s', (_rule, from, text, expected) => {
    expect(addDurationText(from, text)).toBe(expected);
  });

  it('parses signed multi-term durations', () => {
    expect(parseDuration('12 months - 4 days')).toMatchObject({ years: 0, months: 12, days: -4 });
    expect(parseDuration('8 months + 1 day')).toMatchObject({ months: 8, days: 1 });
    expect(parseDuration('4 years + 4 weeks')).toMatchObject({ years: 4, days: 28 });
    expect(parseDuration('1 years - 4 days')).toMatchObject({ years: 1, days: -4 });
    expect(parseDuration('')).toBeUndefined();
    expect(parseDuration('n/a')).toBeUndefined();
    expect(() => parseDuration('6 fortnights')).toThrow(/Unrecognised duration/);
  });

  it('round-trips day numbers', () => {
    for (const s of ['1900-01-01', '1957-01-01', '2000-02-29', '2025-11-10', '2999-12-31']) {
      expect(formatIsoDate(parseIsoDate(s))).toBe(s);
    }
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(civilFromDays(0)).toEqual([1970, 1, 1]);
  });

  it('rejects invalid ISO dates', () => {
    expect(() => parseIsoDate('2025-02-30')).toThrow();
    expect(() => parseIsoDate('11/10/2025')).toThrow();
  });

  it('parses supporting data dates', () => {
    expect(formatIsoDate(parseSupportingDate('20161216') as number)).toBe('2016-12-16');
    expect(formatIsoDate(parseSupportingDate('01/01/1957') as number)).toBe('1957-01-01');
    expect(parseSupportingDate('')).toBeUndefined();
  });
});
