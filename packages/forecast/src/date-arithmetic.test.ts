import { describe, expect, it } from 'vitest';
import { evaluateAge } from './evaluate-age.ts';
import { indicationApplies } from './select-relevant-patient-series.ts';
import { lotExpirationDate } from './organize-immunization-history.ts';
import { context, d, dur } from './test-fixtures.ts';
import {
  addDuration,
  addDurationText,
  civilFromDays,
  daysFromCivil,
  formatIsoDate,
  parseDuration,
  parseIsoDate,
  parseSupportingDate,
} from './date-arithmetic.ts';

describe('3.4 date calculations (Table 3-6)', () => {
  // every example printed in Table 3-6, in the spec's order
  it.each([
    ['CALCDT-1: 01/01/2000 + 3 years = 01/01/2003', '2000-01-01', '3 years', '2003-01-01'],
    ['CALCDT-2: 01/01/2000 + 6 months = 07/01/2000', '2000-01-01', '6 months', '2000-07-01'],
    ['CALCDT-2: 11/01/2000 + 6 months = 05/01/2001 (year rolls over)', '2000-11-01', '6 months', '2001-05-01'],
    ['CALCDT-3: 01/01/2000 + 3 days = 01/04/2000', '2000-01-01', '3 days', '2000-01-04'],
    ['CALCDT-3: 01/01/2000 + 3 weeks = 01/22/2000', '2000-01-01', '3 weeks', '2000-01-22'],
    ['CALCDT-3: 02/01/2000 + 5 weeks = 03/07/2000 (leap year)', '2000-02-01', '5 weeks', '2000-03-07'],
    ['CALCDT-3: 02/01/2001 + 5 weeks = 03/08/2001 (not a leap year)', '2001-02-01', '5 weeks', '2001-03-08'],
    ['CALCDT-4: 01/15/2000 - 4 days = 01/11/2000', '2000-01-15', '- 4 days', '2000-01-11'],
    ['CALCDT-5: 03/31/2000 + 6 months = 10/01/2000 (September 31 does not exist)', '2000-03-31', '6 months', '2000-10-01'],
    ['CALCDT-5: 08/31/2000 + 6 months = 03/01/2001 (February 31 does not exist)', '2000-08-31', '6 months', '2001-03-01'],
    ['CALCDT-6: 01/31/2000 + 6 months - 4 days = 07/27/2000', '2000-01-31', '6 months - 4 days', '2000-07-27'],
  ])('%s', (_rule, from, text, expected) => {
    expect(addDurationText(from, text)).toBe(expected);
  });

  it.each([
    // CALCDT-1: years hold month and day; a Feb 29 that does not exist in the target year moves on (CALCDT-5)
    ['CALCDT-1: Feb 29 + 4 years lands on Feb 29', '2020-02-29', '4 years', '2024-02-29'],
    ['CALCDT-1: Feb 29 1996 + 4 years: 2000 is a leap year (divisible by 400)', '1996-02-29', '4 years', '2000-02-29'],
    ['CALCDT-1/5: Feb 29 2000 + 100 years: 2100 is not a leap year → 03/01/2100', '2000-02-29', '100 years', '2100-03-01'],
    ['CALCDT-1: "1 year" and "12 months" agree', '2023-05-17', '1 year', '2024-05-17'],
    ['CALCDT-2: "12 months" holds the day of month', '2023-05-17', '12 months', '2024-05-17'],
    ['CALCDT-2: December + 1 month rolls the year', '2000-12-15', '1 month', '2001-01-15'],
    ['CALCDT-2: 19 months crosses two year ends', '2000-11-30', '19 months', '2002-06-30'],
    // CALCDT-3 / CALCDT-4: weeks and days are plain day counts, across month, year and leap days
    ['CALCDT-4: across the year end', '2000-01-02', '- 4 days', '1999-12-29'],
    ['CALCDT-4: back across a leap day', '2000-03-02', '- 4 days', '2000-02-27'],
    ['CALCDT-4: back across Feb 28 of a common year', '2001-03-02', '- 4 days', '2001-02-26'],
    ['CALCDT-3: 6 weeks - 4 days = 38 days', '2025-01-01', '6 weeks - 4 days', '2025-02-08'],
    ['CALCDT-3: "28 days - 4 days" = 24 days', '2025-01-01', '28 days - 4 days', '2025-01-25'],
    // CALCDT-5: end-of-month roll-over
    ['CALCDT-5: Jan 31 + 1 month in a common year → 03/01', '2023-01-31', '1 month', '2023-03-01'],
    ['CALCDT-5: Jan 31 + 1 month in a leap year → 03/01 (February 31 does not exist)', '2024-01-31', '1 month', '2024-03-01'],
    ['CALCDT-5: Jan 30 + 1 month in a leap year → 03/01', '2024-01-30', '1 month', '2024-03-01'],
    ['CALCDT-2: Jan 29 + 1 month in a leap year is a real date', '2024-01-29', '1 month', '2024-02-29'],
    ['CALCDT-5: Mar 31 + 1 month → 05/01 (April 31 does not exist)', '2024-03-31', '1 month', '2024-05-01'],
    ['CALCDT-5: Feb 29 + 1 year → 03/01 of a common year', '2024-02-29', '1 year', '2025-03-01'],
    // CALCDT-6: years, then months, then weeks / days (negative parts such as "12 months - 4 days")
    ['CALCDT-6: 12 months - 4 days', '2024-01-10', '12 months - 4 days', '2025-01-06'],
    ['CALCDT-6: 12 months - 4 days from Mar 2 of a leap year', '2023-03-02', '12 months - 4 days', '2024-02-27'],
    ['CALCDT-6: 8 months + 1 day', '2024-01-10', '8 months + 1 day', '2024-09-11'],
    ['CALCDT-6: 3 months + 4 weeks', '2025-01-01', '3 months + 4 weeks', '2025-04-29'],
    ['CALCDT-6: 13 years + 4 weeks', '2012-01-01', '13 years + 4 weeks', '2025-01-29'],
    ['CALCDT-6: years then months then days', '1999-12-31', '1 year + 2 months - 4 days', '2001-02-25'],
    ['CALCDT-6: 16 years - 4 months (a negative month part) with CALCDT-5', '2008-03-31', '16 years - 4 months', '2023-12-01'],
    // the days are added to the date CALCDT-5 produced for the months
    ['CALCDT-5 then CALCDT-6: 03/31 + 6 months - 4 days = 09/27', '2000-03-31', '6 months - 4 days', '2000-09-27'],
    ['CALCDT-5 then CALCDT-6: 08/31 + 6 months - 4 days = 02/25', '2000-08-31', '6 months - 4 days', '2001-02-25'],
    ['CALCDT-5 then CALCDT-6: 12/31 + 6 months - 4 days = 06/27 (June 31 does not exist)', '2024-12-31', '6 months - 4 days', '2025-06-27'],
  ])('%s (%s + %s = %s)', (_rule, from, text, expected) => {
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

  it('the same parsed duration added to another date is computed again (the per-duration memo does not leak)', () => {
    const sixMonths = dur('6 months');
    expect(formatIsoDate(addDuration(d('2000-03-31'), sixMonths))).toBe('2000-10-01');
    expect(formatIsoDate(addDuration(d('2000-01-15'), sixMonths))).toBe('2000-07-15');
    expect(formatIsoDate(addDuration(d('2000-03-31'), sixMonths))).toBe('2000-10-01');
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

describe('3.4 lot expiration date (CALCDTLOTEXP-1)', () => {
  it.each([
    ['month, day and year known → that date', '2025-06-15', '2025-06-15'],
    ['month and year only → last day of a 31-day month', '2025-12', '2025-12-31'],
    ['month and year only → last day of a 30-day month', '2025-04', '2025-04-30'],
    ['month and year only → Feb 29 in a leap year', '2024-02', '2024-02-29'],
    ['month and year only → Feb 28 in a common year', '2023-02', '2023-02-28'],
    ['month and year only → Feb 29 in 2000 (divisible by 400)', '2000-02', '2000-02-29'],
    ['month and year only → Feb 28 in 1900 (century, not a leap year)', '1900-02', '1900-02-28'],
  ])('%s: %s → %s', (_name, text, expected) => {
    expect(formatIsoDate(lotExpirationDate(text) as number)).toBe(expected);
  });

  it('no lot expiration date → none (Table 6-2 assumes 12/31/2999)', () => {
    expect(lotExpirationDate(undefined)).toBeUndefined();
    expect(lotExpirationDate(null)).toBeUndefined();
    expect(lotExpirationDate('')).toBeUndefined();
  });

  it.each(['2025-13', '2025-00', '2025-02-30', '06/2025', '2025'])('rejects %s, which is not a month and year or a real date', (text) => {
    expect(() => lotExpirationDate(text)).toThrow(/Invalid/);
  });
});

describe('3.4 logical component dates (Table 3-7) follow the general date rules', () => {
  // a child born on 08/31: minimum age dates in months land on days that do not exist
  const dob = d('2024-08-31');
  it('CALCDTAGE-5 / CALCDTAGE-4 / CALCDTAGE-1: absolute minimum, minimum and maximum age dates are date of birth + age', () => {
    const age = evaluateAge(dob, { absMinAge: dur('6 months - 4 days'), minAge: dur('6 months'), maxAge: dur('7 years') }, d('2025-06-01'));
    expect(formatIsoDate(age.absoluteMinimumAgeDate)).toBe('2025-02-25'); // Feb 31 → 03/01 (CALCDT-5), then - 4 days
    expect(formatIsoDate(age.minimumAgeDate)).toBe('2025-03-01');
    expect(formatIsoDate(age.maximumAgeDate)).toBe('2031-08-31');
  });
  it('CALCDTIND-1 / CALCDTIND-2: an indication applies from date of birth + begin age, until the day before date of birth + end age', () => {
    const ind = { code: '160', text: '', description: '', guidance: '', beginAge: dur('6 months'), endAge: dur('19 years') };
    const at = (assessment: string) =>
      indicationApplies(context({ dob: '2024-08-31', assessment, observations: new Map([['160', undefined]]) }), ind);
    expect(at('2025-02-28')).toBe(false);
    expect(at('2025-03-01')).toBe(true); // 6 months after 08/31 is 03/01 (CALCDT-5)
    expect(at('2043-08-30')).toBe(true);
    expect(at('2043-08-31')).toBe(false);
  });
});
