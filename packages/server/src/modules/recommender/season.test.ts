import { describe, expect, it } from 'vitest';
import { createRecommender } from './recommender.ts';
import { releaseCovers, seasonsInForce, type SeasonOverride } from './season.ts';

const r = createRecommender();
const dph = (vaccineGroup: string, startDate: string, endDate: string): SeasonOverride => ({
  vaccineGroup,
  startDate,
  endDate,
  reason: 'ACIP 2026–27',
  setBy: 'dphadmin',
  setAt: new Date('2026-09-01T12:00:00Z'),
});

describe('the seasons of the installed release (4.64)', () => {
  it('reads the influenza season and the open-ended COVID-19 season from the seasonal series doses', () => {
    expect(r.seasons.get('Influenza')).toEqual({ vaccineGroup: 'Influenza', startDate: '2025-07-01', endDate: '2026-06-30' });
    expect(r.seasons.get('COVID-19')).toEqual({ vaccineGroup: 'COVID-19', startDate: '2025-08-27', endDate: null });
    expect(r.seasons.has('MMR')).toBe(false);
  });

  it('covers a date up to its end, and every date when it has no end', () => {
    const flu = r.seasons.get('Influenza')!;
    expect(releaseCovers(flu, '2026-06-30')).toBe(true);
    expect(releaseCovers(flu, '2026-07-01')).toBe(false);
    expect(releaseCovers(r.seasons.get('COVID-19')!, '2031-01-01')).toBe(true);
  });
});

describe('DPH season dates in force on a date', () => {
  const set = [dph('Influenza', '2026-07-01', '2027-06-30')];

  it('are used once the release’s season has ended', () => {
    expect(seasonsInForce(r.seasons, set, '2026-12-07').map((s) => s.vaccineGroup)).toEqual(['Influenza']);
  });

  it('are not used while the installed release covers the date', () => {
    expect(seasonsInForce(r.seasons, set, '2026-03-01')).toEqual([]);
  });

  it('are ignored for a group the release has no season for', () => {
    expect(seasonsInForce(r.seasons, [dph('MMR', '2026-07-01', '2027-06-30')], '2026-12-07')).toEqual([]);
  });
});
