import { describe, expect, it } from 'vitest';
import { deliveryHoursProblems, fullWeek } from './delivery-hours.ts';

describe('delivery hours', () => {
  it('accepts a week with one weekday window of exactly four hours', () => {
    expect(deliveryHoursProblems(fullWeek({ wed: [{ from: '09:00', to: '13:00' }] }))).toEqual([]);
  });

  it('refuses a week whose only long window is on a weekend, or whose weekday windows are all shorter than four hours (VFC)', () => {
    const weekend = deliveryHoursProblems(fullWeek({ sat: [{ from: '08:00', to: '17:00' }], mon: [{ from: '08:00', to: '11:59' }] }));
    expect(weekend).toEqual([{ path: 'deliveryHours', message: expect.stringMatching(/4 hours.*VFC/) }]);
    // Two short windows of one day do not add up to a 4-hour window.
    const split = deliveryHoursProblems(
      fullWeek({
        tue: [
          { from: '08:00', to: '10:00' },
          { from: '13:00', to: '16:00' },
        ],
      }),
    );
    expect(split.map((p) => p.path)).toEqual(['deliveryHours']);
    expect(deliveryHoursProblems(fullWeek({}))).toHaveLength(1);
  });

  it('names a window that ends before it starts and windows that overlap', () => {
    const p = deliveryHoursProblems(
      fullWeek({
        mon: [{ from: '08:00', to: '16:00' }],
        thu: [{ from: '12:00', to: '11:00' }],
        fri: [
          { from: '13:00', to: '15:00' },
          { from: '09:00', to: '14:00' },
        ],
      }),
    );
    expect(p.map((x) => x.path)).toEqual(['deliveryHours.thu.0.to', 'deliveryHours.fri']);
  });

  it('fills the missing days and orders each day’s windows', () => {
    const week = fullWeek({
      fri: [
        { from: '13:00', to: '15:00' },
        { from: '09:00', to: '11:00' },
      ],
    });
    expect(Object.keys(week)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(week.fri.map((w) => w.from)).toEqual(['09:00', '13:00']);
  });
});
