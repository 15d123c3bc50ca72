import { describe, expect, it } from 'vitest';
import { addDays, addMonths, jurisdictionDay, jurisdictionDayStart, jurisdictionToday } from './dates.ts';

describe('dates on the jurisdiction calendar', () => {
  it('is still today in Connecticut after 19:00 there, when UTC has moved on', () => {
    expect(jurisdictionToday({ now: () => new Date('2026-12-08T03:30:00Z') })).toBe('2026-12-07');
  });

  it('gives the Connecticut day of any instant, across midnight and the daylight-saving change', () => {
    expect(jurisdictionDay(new Date('2026-12-08T04:59:00Z'))).toBe('2026-12-07');
    expect(jurisdictionDay(new Date('2026-12-08T05:00:00Z'))).toBe('2026-12-08');
    expect(jurisdictionDay(new Date('2026-07-01T03:59:00Z'))).toBe('2026-06-30');
    expect(jurisdictionDay(new Date('2026-07-01T04:00:00Z'))).toBe('2026-07-01');
  });

  it('adds days across months and years, and subtracts them', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('adds months, keeping the day or taking the shorter month’s last', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', 13)).toBe('2027-02-15');
    expect(addMonths('2026-01-15', -25)).toBe('2023-12-15');
  });

  it('starts a Connecticut day at 05:00 UTC in winter and 04:00 UTC in summer, the days the clocks change included', () => {
    expect(jurisdictionDayStart('2026-12-07').toISOString()).toBe('2026-12-07T05:00:00.000Z');
    expect(jurisdictionDayStart('2026-07-01').toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(jurisdictionDayStart('2026-03-08').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(jurisdictionDayStart('2026-11-01').toISOString()).toBe('2026-11-01T04:00:00.000Z');
  });
});
