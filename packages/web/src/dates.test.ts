import { describe, expect, it } from 'vitest';
import { formatDateTime, jurisdictionToday } from './dates';

describe('dates in the jurisdiction', () => {
  it('fills in Connecticut’s date after 19:00 there, when the UTC date is already tomorrow', () => {
    const evening = new Date('2026-12-08T00:30:00Z'); // 19:30 on 7 December in Hartford
    expect(evening.toISOString().slice(0, 10)).toBe('2026-12-08');
    expect(jurisdictionToday(evening)).toBe('2026-12-07');
  });

  it('takes summer time into account', () => {
    expect(jurisdictionToday(new Date('2026-07-01T03:59:00Z'))).toBe('2026-06-30'); // 23:59 EDT
    expect(jurisdictionToday(new Date('2026-07-01T04:00:00Z'))).toBe('2026-07-01');
  });

  it('shows an instant on Connecticut’s clock', () => {
    expect(formatDateTime('2026-12-08T00:30:00Z')).toBe('Dec 7, 2026, 7:30 PM');
    expect(formatDateTime(null)).toBe('—');
  });
});
