import type { Clock } from './context.ts';

/** Today in the jurisdiction ('YYYY-MM-DD'; Connecticut: America/New_York), never the UTC date. */
export function jurisdictionToday(clock: Clock, timeZone = 'America/New_York'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(clock.now());
}
