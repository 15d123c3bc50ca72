import { addDays, jurisdictionInstant, jurisdictionToday } from '../../dates.ts';

/**
 * The next time a nightly job runs: `time` ('HH:MM') on the jurisdiction's clocks, strictly after `now` (so a job
 * that re-queues itself as it runs lands on the next day). Once per local day across the clock changes: a time the
 * clocks skip runs just after the change, one they show twice runs at its first showing only.
 */
export function nextDailyRun(now: Date, time: string, timeZone = 'America/New_York'): Date {
  const today = jurisdictionToday({ now: () => now }, timeZone);
  const run = jurisdictionInstant(today, time, timeZone);
  return run > now ? run : jurisdictionInstant(addDays(today, 1), time, timeZone);
}
