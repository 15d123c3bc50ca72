import { describe, expect, it } from 'vitest';
import { evaluateAndForecast } from './evaluate-and-forecast.ts';
import { loadSupportingDataFromDir } from './node.ts';
import type { ForecastInput } from './types.ts';

const data = loadSupportingDataFromDir();

// A toddler with two influenza doses in the 2025–26 season (the one the 4.64 release describes: 2025-07-01 to
// 2026-06-30), assessed in December 2026, after that season's end.
const toddler: ForecastInput = {
  patient: { dob: '2024-01-12', sex: 'F' },
  doses: [
    { id: 'f1', date: '2025-11-13', cvx: '140' },
    { id: 'f2', date: '2025-12-15', cvx: '140' },
  ],
  assessmentDate: '2026-12-07',
};
const influenza = (input: ForecastInput) => evaluateAndForecast(input, data).vaccineGroups.find((g) => g.vaccineGroup === 'Influenza');

describe('season dates given with the input (ForecastInput.seasons)', () => {
  it('leaves the release’s season in force without them: past its end, influenza is not recommended', () => {
    const flu = influenza({ ...toddler, doses: [] });
    expect(flu?.status).toBe('Not Recommended');
    expect(flu?.reasons).toContain('Past seasonal recommendation end date');
  });

  it('forecasts the next season’s dose from the given season start: the past season’s doses do not make it complete', () => {
    // The release's own "2 or more doses during the current season" window is 2025–26: unmoved, it would skip the dose.
    const flu = influenza({ ...toddler, seasons: [{ vaccineGroup: 'Influenza', startDate: '2026-08-01', endDate: '2027-06-30' }] });
    expect(flu?.status).toBe('Not Complete');
    expect(flu?.forecastDoseNumber).toBe(1);
    expect(flu?.earliestDate).toBe('2026-08-01');
  });

  it('counts the doses of the given season for "2 or more doses during the current season"', () => {
    const flu = influenza({
      ...toddler,
      doses: [...toddler.doses, { id: 'f3', date: '2026-09-10', cvx: '140' }],
      seasons: [{ vaccineGroup: 'Influenza', startDate: '2026-08-01', endDate: '2027-06-30' }],
    });
    // Two or more doses before the season and one in it: the season's dose is done.
    expect(flu?.status).toBe('Complete');
  });

  it('ends the recommendation at the given season end', () => {
    const flu = influenza({
      ...toddler,
      assessmentDate: '2027-07-15',
      seasons: [{ vaccineGroup: 'Influenza', startDate: '2026-08-01', endDate: '2027-06-30' }],
    });
    expect(flu?.status).toBe('Not Recommended');
  });

  it('does not touch other vaccine groups', () => {
    const without = evaluateAndForecast(toddler, data).vaccineGroups.find((g) => g.vaccineGroup === 'MMR');
    const withSeasons = evaluateAndForecast(
      { ...toddler, seasons: [{ vaccineGroup: 'Influenza', startDate: '2026-08-01', endDate: '2027-06-30' }] },
      data,
    ).vaccineGroups.find((g) => g.vaccineGroup === 'MMR');
    expect(withSeasons).toEqual(without);
  });
});
