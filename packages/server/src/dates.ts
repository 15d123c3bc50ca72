import type { Clock } from './context.ts';

/** Today in the jurisdiction ('YYYY-MM-DD'; Connecticut: America/New_York), never the UTC date. */
export function jurisdictionToday(clock: Clock, timeZone = 'America/New_York'): string {
  return jurisdictionDay(clock.now(), timeZone);
}

/** The jurisdiction's calendar day of an instant ('YYYY-MM-DD'): 02:00 UTC is still the evening before in Connecticut. */
export function jurisdictionDay(at: Date, timeZone = 'America/New_York'): string {
  return formatter(
    `day ${timeZone}`,
    () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  ).format(at);
}

// Building an Intl.DateTimeFormat costs far more than using one: one per zone and use, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** 'YYYY-MM-DD' plus (or minus) whole days, on the calendar (no time zone involved). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' plus (or minus) whole months; a day the target month lacks becomes its last (Mar 31 − 1 → Feb 28). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The zone's offset from UTC at an instant, in minutes (New York: −300 in winter, −240 in summer). */
function offsetMinutes(at: Date, timeZone: string): number {
  const name = formatter(`offset ${timeZone}`, () => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }))
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')!.value; // 'GMT-05:00' or 'GMT'
  const m = /GMT([+-])(\d\d):(\d\d)/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The instant a jurisdiction's day begins (midnight in Connecticut is 05:00 UTC in winter, 04:00 UTC in summer). */
export function jurisdictionDayStart(day: string, timeZone = 'America/New_York'): Date {
  return jurisdictionInstant(day, '00:00', timeZone);
}

const DAY_MS = 86_400_000;

/**
 * The instant the jurisdiction's clocks show `time` ('HH:MM') on `day`. A time the clocks skip (02:30 on the spring
 * day) is taken with the offset before the change, so it falls just after it (03:30); a time they show twice
 * (01:30 on the autumn day) is its first showing.
 */
export function jurisdictionInstant(day: string, time: string, timeZone = 'America/New_York'): Date {
  const wall = Date.parse(`${day}T${time}:00Z`);
  // The offsets a day either side: equal on most days, the two sides of the change on the days the clocks move.
  const before = offsetMinutes(new Date(wall - DAY_MS), timeZone);
  const after = offsetMinutes(new Date(wall + DAY_MS), timeZone);
  const shown = [before, after]
    .map((offset) => ({ offset, at: wall - offset * 60_000 }))
    .filter(({ offset, at }) => offsetMinutes(new Date(at), timeZone) === offset)
    .map(({ at }) => at);
  return new Date(shown.length ? Math.min(...shown) : wall - before * 60_000);
}
