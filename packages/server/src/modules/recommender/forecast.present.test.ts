import { describe, expect, it } from 'vitest';
import type { PresentedVaccineGroup } from '@nutmeg/api-types';
import { presentForecast, urgencyOf } from './forecast.present.ts';
import { createRecommender } from './recommender.ts';

const r = createRecommender();

describe('status words follow the dates', () => {
  const notComplete = { status: 'Not Complete' as const, recommendedDate: '2028-01-12', pastDueDate: '2031-02-08' };
  it.each([
    ['2026-12-07', 'not_yet_due'],
    ['2028-01-12', 'due_now'],
    ['2031-02-07', 'due_now'],
    ['2031-02-08', 'overdue'],
  ])('on %s a dose recommended 2028-01-12, past due 2031-02-08, is %s', (asOf, word) => {
    expect(urgencyOf(notComplete, asOf)).toBe(word);
  });

  it.each([
    ['Complete', 'complete'],
    ['Immune', 'immune'],
    ['Contraindicated', 'contraindicated'],
    ['Not Recommended', 'not_recommended'],
    ['Aged Out', 'aged_out'],
  ] as const)('a %s series is %s', (status, word) => {
    expect(urgencyOf({ status }, '2026-12-07')).toBe(word);
  });
});

describe('the presented forecast of a toddler (born 2024-01-12, MMR and varicella at 12 months), 2026-12-07', () => {
  const input = {
    patient: { dob: '2024-01-12', sex: 'F' as const },
    doses: [
      { id: 'mmr', date: '2025-01-17', cvx: '03' },
      { id: 'var', date: '2025-01-17', cvx: '21' },
    ],
    assessmentDate: '2026-12-07',
  };
  const result = r.forecast(input);
  const presented = presentForecast(r, result);
  const group = (name: string) => presented.vaccineGroups.find((g) => g.vaccineGroup === name) as PresentedVaccineGroup;

  it('says MMR dose 2 is not yet due although it may be given already (recommended at 4 years)', () => {
    expect(group('MMR')).toMatchObject({ forecastDoseNumber: 2, recommendedDate: '2028-01-12', urgency: 'not_yet_due' });
    expect(group('MMR').earliestDate! <= '2026-12-07').toBe(true);
  });

  it('puts groups whose first dose is more than a year away later in life, and nothing started', () => {
    expect(group('Zoster').laterInLife).toBe(true);
    expect(group('HPV').laterInLife).toBe(true);
    expect(group('MMR').laterInLife).toBe(false);
    expect(group('DTaP/Tdap/Td').laterInLife).toBe(false);
  });

  it('says the installed release has no influenza season for the date, not that influenza is not recommended', () => {
    expect(group('Influenza')).toMatchObject({
      urgency: 'no_season_data',
      season: { startDate: '2025-07-01', endDate: '2026-06-30', setBy: 'release' },
      notice: expect.stringContaining(
        'The installed CDSi release (4.64) has no Influenza season for 2026-12-07: update the supporting data.',
      ),
    });
  });

  it('does not call influenza complete for a season that is over (two doses in 2025–26)', () => {
    const flu = presentForecast(
      r,
      r.forecast({
        ...input,
        doses: [
          { id: 'f1', date: '2025-10-01', cvx: '140' },
          { id: 'f2', date: '2025-11-01', cvx: '140' },
        ],
      }),
    ).vaccineGroups.find((g) => g.vaccineGroup === 'Influenza');
    expect(flu).toMatchObject({ status: 'Complete', urgency: 'no_season_data' });
    expect(flu?.notice).toMatch(/no Influenza season for 2026-12-07/);
  });

  it('names DPH as the source of the season dates it was forecast with', () => {
    const seasons = [{ vaccineGroup: 'Influenza', startDate: '2026-07-01', endDate: '2027-06-30' }];
    const withDph = presentForecast(r, r.forecast({ ...input, seasons }), seasons);
    const flu = withDph.vaccineGroups.find((g) => g.vaccineGroup === 'Influenza');
    expect(flu).toMatchObject({ urgency: 'due_now', season: { startDate: '2026-07-01', endDate: '2027-06-30', setBy: 'dph' } });
    expect(flu?.notice).toBeUndefined();
  });

  it('lists what matters today first: overdue, due now, not yet due', () => {
    const order = presented.vaccineGroups.map((g) => g.urgency);
    const rank = [
      'overdue',
      'due_now',
      'not_yet_due',
      'no_season_data',
      'contraindicated',
      'complete',
      'immune',
      'not_recommended',
      'aged_out',
    ];
    expect(order.map((u) => rank.indexOf(u))).toEqual([...order.map((u) => rank.indexOf(u))].sort((a, b) => a - b));
  });
});
