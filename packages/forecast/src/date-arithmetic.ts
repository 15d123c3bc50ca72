/**
 * Date arithmetic per Logic Specification chapter 3.4 (CALCDT-1 … CALCDT-6).
 *
 * Dates are handled as integer day numbers (days since 1970-01-01, proleptic Gregorian),
 * never as JS Date objects, so there are no time-zone effects.
 */

/** Integer day number (days since 1970-01-01). */
export type DayNumber = number;

/** A parsed CDSi duration such as "12 months - 4 days" or "8 months + 1 day". */
export interface Duration {
  readonly years: number;
  readonly months: number;
  /** weeks and days folded into days (CALCDT-3) */
  readonly days: number;
  /** original text, for explanations */
  readonly text: string;
  /** single-slot memo of the last addDuration (same patient → same date of birth); internal */
  memoFrom?: number;
  memoTo?: number;
}

/** The "assumed value if empty" dates of the specification. */
export const MIN_DATE: DayNumber = daysFromCivil(1900, 1, 1);
export const MAX_DATE: DayNumber = daysFromCivil(2999, 12, 31);

/** Howard Hinnant's days_from_civil. */
export function daysFromCivil(y: number, m: number, d: number): DayNumber {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

let lastDay = Number.NaN;
let lastCivil: readonly [number, number, number] = [1970, 1, 1];

/** Inverse of daysFromCivil (single-entry memo: the date of birth is converted again and again). */
export function civilFromDays(z: DayNumber): readonly [number, number, number] {
  if (z === lastDay) return lastCivil;
  const r = civilFromDaysUncached(z);
  lastDay = z;
  lastCivil = r;
  return r;
}

function civilFromDaysUncached(z: DayNumber): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parse 'YYYY-MM-DD' into a day number; throws on an invalid date. */
export function parseIsoDate(s: string): DayNumber {
  const m = ISO.exec(s);
  if (!m) throw new Error(`Invalid date '${s}', expected YYYY-MM-DD`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new Error(`Invalid date '${s}'`);
  return daysFromCivil(y, mo, d);
}

/** Parse a supporting-data date: 'YYYYMMDD' or 'MM/DD/YYYY'. Empty → undefined. */
export function parseSupportingDate(s: string | undefined): DayNumber | undefined {
  if (s === undefined) return undefined;
  const t = s.trim();
  if (t === '' || t.toLowerCase() === 'n/a') return undefined;
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return daysFromCivil(Number(m[3]), Number(m[1]), Number(m[2]));
  if (ISO.test(t)) return parseIsoDate(t);
  throw new Error(`Unrecognised date '${s}'`);
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

const FORMATTED = new Map<DayNumber, string>();

export function formatIsoDate(d: DayNumber): string {
  let s = FORMATTED.get(d);
  if (s === undefined) {
    const [y, m, day] = civilFromDays(d);
    s = `${pad(y, 4)}-${pad(m, 2)}-${pad(day, 2)}`;
    if (FORMATTED.size > 100_000) FORMATTED.clear(); // bounded memo
    FORMATTED.set(d, s);
  }
  return s;
}

const TERM = /^([+-])?\s*(\d+)\s*(year|years|month|months|week|weeks|day|days)$/i;

/**
 * Parse a CDSi duration: one or more signed terms, e.g. "6 months - 4 days", "8 months + 1 day".
 * Empty / 'n/a' → undefined.
 */
const PARSED = new Map<string, readonly [number, number, number, string]>();

export function parseDuration(text: string | undefined): Duration | undefined {
  if (text === undefined) return undefined;
  const known = PARSED.get(text);
  // each call returns a new object (its addDuration memo is per use site)
  if (known) return { years: known[0], months: known[1], days: known[2], text: known[3], memoFrom: Number.NaN, memoTo: 0 };
  const d = parseDurationText(text);
  if (d) PARSED.set(text, [d.years, d.months, d.days, d.text]);
  return d;
}

function parseDurationText(text: string): Duration | undefined {
  const t = text.trim();
  if (t === '' || t.toLowerCase() === 'n/a') return undefined;
  // split into signed terms
  const parts = t.replace(/\s+/g, ' ').split(/(?=[+-])/);
  let years = 0;
  let months = 0;
  let days = 0;
  for (const raw of parts) {
    const p = raw.trim();
    if (p === '') continue;
    const m = TERM.exec(p);
    if (!m) throw new Error(`Unrecognised duration '${text}'`);
    const sign = m[1] === '-' ? -1 : 1;
    const n = sign * Number(m[2]);
    const unit = (m[3] ?? '').toLowerCase();
    if (unit.startsWith('year')) years += n;
    else if (unit.startsWith('month')) months += n;
    else if (unit.startsWith('week')) days += 7 * n;
    else days += n;
  }
  return { years, months, days, text: t, memoFrom: Number.NaN, memoTo: 0 };
}

/**
 * Add a duration to a date.
 * CALCDT-6: years first, then months, then weeks/days.
 * CALCDT-1/2: years and months hold the day of month constant.
 * CALCDT-5: a computed date that is not a real date moves to the first day of the next month.
 * CALCDT-3/4: weeks and days add / subtract total days.
 */
export function addDuration(date: DayNumber, dur: Duration): DayNumber {
  if (dur.years === 0 && dur.months === 0) return date + dur.days;
  if (dur.memoFrom === date) return dur.memoTo as number;
  const r = addYearsMonthsDays(date, dur);
  dur.memoFrom = date;
  dur.memoTo = r;
  return r;
}

function addYearsMonthsDays(date: DayNumber, dur: Duration): DayNumber {
  const [y0, m0, d0] = civilFromDays(date);
  const totalMonths = (y0 + dur.years) * 12 + (m0 - 1) + dur.months;
  let y = Math.floor(totalMonths / 12);
  let m = totalMonths - y * 12 + 1;
  let d = d0;
  if (d > daysInMonth(y, m)) {
    // CALCDT-5
    d = 1;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return daysFromCivil(y, m, d) + dur.days;
}

/** Convenience: add a duration if present, otherwise return the fallback. */
export function addOr(date: DayNumber, dur: Duration | undefined, fallback: DayNumber): DayNumber {
  return dur ? addDuration(date, dur) : fallback;
}

/** Parse and add in one step (tests, explanations). */
export function addDurationText(iso: string, text: string): string {
  const dur = parseDuration(text);
  if (!dur) throw new Error(`Empty duration '${text}'`);
  return formatIsoDate(addDuration(parseIsoDate(iso), dur));
}
