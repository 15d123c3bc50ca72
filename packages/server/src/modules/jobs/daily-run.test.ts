import { describe, expect, it } from 'vitest';
import { addDays, jurisdictionToday } from '../../dates.ts';
import { nextDailyRun } from './daily-run.ts';

const next = (now: string, time: string) => nextDailyRun(new Date(now), time).toISOString();

describe('nextDailyRun on Connecticut’s clocks', () => {
  it('runs at the local time: 07:30 UTC in winter, 06:30 UTC in summer', () => {
    expect(next('2026-12-07T12:00:00Z', '02:30')).toBe('2026-12-08T07:30:00.000Z');
    expect(next('2026-07-01T12:00:00Z', '02:30')).toBe('2026-07-02T06:30:00.000Z');
  });

  it('runs later the same local day when its time has not come, and on the next day once it has', () => {
    // 22:00 on December 6 in Connecticut, already December 7 in UTC.
    expect(next('2026-12-07T03:00:00Z', '02:30')).toBe('2026-12-07T07:30:00.000Z');
    expect(next('2026-12-07T07:30:00Z', '02:30')).toBe('2026-12-08T07:30:00.000Z');
    expect(next('2026-12-08T04:59:00Z', '00:00')).toBe('2026-12-08T05:00:00.000Z');
  });

  it('on the spring day runs a time the clocks skip just after the change, and at summer time from then on', () => {
    // March 8, 2026: 02:00 EST becomes 03:00 EDT.
    expect(next('2026-03-07T12:00:00Z', '02:30')).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(next('2026-03-07T12:00:00Z', '01:30')).toBe('2026-03-08T06:30:00.000Z'); // still EST
    expect(next('2026-03-07T12:00:00Z', '03:00')).toBe('2026-03-08T07:00:00.000Z'); // EDT
    expect(next('2026-03-08T07:30:00Z', '02:30')).toBe('2026-03-09T06:30:00.000Z');
  });

  it('on the autumn day runs a time the clocks show twice at its first showing, and once only', () => {
    // November 1, 2026: 02:00 EDT becomes 01:00 EST.
    expect(next('2026-10-31T12:00:00Z', '01:30')).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT
    expect(next('2026-11-01T05:30:00Z', '01:30')).toBe('2026-11-02T06:30:00.000Z'); // not 01:30 EST the same day
    expect(next('2026-10-31T12:00:00Z', '02:30')).toBe('2026-11-01T07:30:00.000Z'); // EST
  });

  it('a job that re-queues itself as it runs runs once on every local day of a year, the clock changes included', () => {
    for (const time of ['00:00', '01:30', '02:00', '02:30', '23:30']) {
      const localDay = (at: Date) => jurisdictionToday({ now: () => at });
      let at = nextDailyRun(new Date('2026-01-01T12:00:00Z'), time);
      for (let i = 0; i < 365; i++) {
        const following = nextDailyRun(at, time);
        expect(localDay(following)).toBe(addDays(localDay(at), 1));
        at = following;
      }
    }
  });
});
