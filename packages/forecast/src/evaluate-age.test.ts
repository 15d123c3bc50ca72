import { describe, expect, it } from 'vitest';
import { evaluateAge, selectAge } from './evaluate-age.ts';
import { d, dur, seriesDose } from './test-fixtures.ts';

// Table 6-15 WAS THE VACCINE DOSE ADMINISTERED AT A VALID AGE? (DTaP dose 2: abs min 6 weeks - 4 days, min 6 weeks, max 7 years)
const age = { absMinAge: dur('6 weeks - 4 days'), minAge: dur('6 weeks'), maxAge: dur('7 years') };
const dob = d('2025-01-01');

describe('6.4 evaluate age (Table 6-15)', () => {
  it.each([
    ['before the absolute minimum age → too young', '2025-02-07', 'Too Young'],
    ['at the absolute minimum age (6 weeks - 4 days) → grace period', '2025-02-08', 'Grace Period'],
    ['one day before the minimum age → grace period', '2025-02-11', 'Grace Period'],
    ['at the minimum age → valid', '2025-02-12', 'Valid'],
    ['one day before the maximum age → valid', '2031-12-31', 'Valid'],
    ['at the maximum age → too old (extraneous)', '2032-01-01', 'Too Old'],
  ])('%s', (_name, date, outcome) => {
    expect(evaluateAge(dob, age, d(date)).outcome).toBe(outcome);
  });

  it('no age attributes → valid', () => {
    expect(evaluateAge(dob, undefined, d('1999-01-01')).outcome).toBe('Valid');
  });

  it('selects the age instance in force on the date administered (RELEVANT-1)', () => {
    const sd = seriesDose({
      doseNumber: 3,
      ages: [
        { minAge: dur('16 weeks'), cessationDate: d('2016-12-15') },
        { minAge: dur('5 months'), effectiveDate: d('2016-12-16') },
      ],
    });
    expect(selectAge(sd, d('2016-12-15'))?.minAge?.text).toBe('16 weeks');
    expect(selectAge(sd, d('2016-12-16'))?.minAge?.text).toBe('5 months');
  });
});
