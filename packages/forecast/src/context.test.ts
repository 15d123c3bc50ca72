import { describe, expect, it } from 'vitest';
import { isInForce } from './context.ts';
import { evaluateImmunizationHistory } from './evaluate-immunization-history.ts';
import { generateForecastDates } from './forecast-dates.ts';
import { formatIsoDate } from './date-arithmetic.ts';
import { loadSupportingDataFromDir } from './node.ts';
import { context, d, dur, run, series, seriesDose } from './test-fixtures.ts';

const data = loadSupportingDataFromDir();

describe('3.3 selecting supporting data (Table 3-5)', () => {
  const effective = d('2016-12-16');
  const cessation = d('2016-12-15');
  it.each([
    ['effective and cessation dates both n/a → always used (early anchor)', {}, '1900-01-01', true],
    ['effective and cessation dates both n/a → always used (late anchor)', {}, '2999-12-31', true],
    ['anchor on the effective date → used', { effectiveDate: effective }, '2016-12-16', true],
    ['anchor the day before the effective date → not used', { effectiveDate: effective }, '2016-12-15', false],
    ['anchor on the cessation date → used', { cessationDate: cessation }, '2016-12-15', true],
    ['anchor the day after the cessation date → not used', { cessationDate: cessation }, '2016-12-16', false],
    [
      'anchor between the effective and cessation dates → used',
      { effectiveDate: d('2010-01-01'), cessationDate: d('2020-01-01') },
      '2015-06-30',
      true,
    ],
    ['anchor after a closed range → not used', { effectiveDate: d('2010-01-01'), cessationDate: d('2020-01-01') }, '2020-01-02', false],
  ])('RELEVANT-1 / RELEVANT-2: %s', (_name, component, anchor, used) => {
    expect(isInForce(component, d(anchor))).toBe(used);
  });

  // HPV 3-dose series (4.64), target dose 3: absolute minimum interval from dose 1 of 16 weeks - 4 days
  // until 12/15/2016, 5 months - 4 days from 12/16/2016 (the example of section 3.3)
  const hpv3 = data.antigens.get('HPV')?.series.find((s) => s.name === 'HPV 3-dose series');
  const evaluateHpv = (dates: string[]) => {
    if (!hpv3) throw new Error('HPV 3-dose series missing from the 4.64 supporting data');
    const ctx = context({ dob: '2000-01-01', assessment: '2018-01-01', data, doses: dates.map((date) => ({ date, cvx: '165' })) });
    const r = run(ctx, hpv3);
    evaluateImmunizationHistory(r);
    return r.evals.map((e) => [e?.status, ...(e?.reasons ?? [])]);
  };

  it('RELEVANT-1: a third HPV dose 18 weeks after dose 1, given before 12/16/2016, is judged by the 16-week interval then in force', () => {
    expect(evaluateHpv(['2016-01-04', '2016-02-08', '2016-05-09'])).toEqual([['Valid'], ['Valid'], ['Valid', 'Interval: Grace Period']]);
  });

  it('RELEVANT-1: the same history given after 12/16/2016 is Too Soon for the 5 months - 4 days interval', () => {
    expect(evaluateHpv(['2017-01-02', '2017-02-06', '2017-05-08'])).toEqual([['Valid'], ['Valid'], ['Not Valid', 'Interval: Too Soon']]);
  });

  it('RELEVANT-2: the forecast uses the age instance in force on the assessment date', () => {
    const sd = seriesDose({
      doseNumber: 1,
      ages: [
        { minAge: dur('9 years'), cessationDate: cessation },
        { minAge: dur('15 years'), effectiveDate: effective },
      ],
    });
    const earliest = (assessment: string) => {
      const r = run(context({ dob: '2005-01-01', assessment }), series({ doses: [sd] }));
      return formatIsoDate(generateForecastDates(r, sd).earliestDate);
    };
    expect(earliest('2016-12-15')).toBe('2014-01-01');
    expect(earliest('2016-12-16')).toBe('2020-01-01');
  });

  it('RELEVANT-2: the forecast uses the interval instances in force on the assessment date', () => {
    const sd2 = seriesDose({
      doseNumber: 2,
      intervals: [
        { fromPrevious: true, minInt: dur('4 weeks'), cessationDate: cessation, priority: false },
        { fromPrevious: true, minInt: dur('8 weeks'), effectiveDate: effective, priority: false },
      ],
    });
    const s = series({ doses: [seriesDose({ doseNumber: 1 }), sd2] });
    const earliest = (assessment: string) => {
      const r = run(context({ dob: '2015-01-01', assessment, doses: [{ date: '2016-12-01', cvx: '20' }] }), s, ['Valid']);
      return formatIsoDate(generateForecastDates(r, sd2).earliestDate);
    };
    expect(earliest('2016-12-15')).toBe('2016-12-29');
    expect(earliest('2016-12-16')).toBe('2017-01-26');
  });
});
