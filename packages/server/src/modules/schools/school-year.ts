// School years and grades: pure rules shared by rosters, rollover and compliance.
import type { SchoolGrade } from '@nutmeg/db';

/** Grades in order, from pre-kindergarten to 12th grade. */
export const GRADES: readonly SchoolGrade[] = ['PK', 'K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];

/** A school year starts on July 1 (Connecticut's fiscal and school-survey year) and is named by that calendar year. */
export function schoolYearOf(date: string): number {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m >= 7 ? y : y - 1;
}

/** 2026 → '2026–27'. */
export function schoolYearLabel(year: number): string {
  return `${year}–${String((year + 1) % 100).padStart(2, '0')}`;
}

/** The grade a student moves to next year (undefined after 12th grade). */
export function nextGrade(grade: SchoolGrade): SchoolGrade | undefined {
  return GRADES[GRADES.indexOf(grade) + 1];
}

export function gradeRank(grade: SchoolGrade): number {
  return GRADES.indexOf(grade);
}

/** Reads a grade as schools write it: 'K', 'KG', 'Kindergarten', 'PK', 'Pre-K', '07', '7th'. */
export function parseGrade(raw: string): SchoolGrade | undefined {
  const s = raw
    .trim()
    .toUpperCase()
    .replace(/[\s.-]/g, '');
  if (s === 'K' || s === 'KG' || s === 'KINDERGARTEN') return 'K';
  if (s === 'PK' || s === 'PREK' || s === 'PREKINDERGARTEN' || s === 'PRESCHOOL') return 'PK';
  const n = /^0?(\d{1,2})(ST|ND|RD|TH)?$/.exec(s);
  if (!n) return undefined;
  const g = String(Number(n[1]));
  return (GRADES as readonly string[]).includes(g) && g !== '0' ? (g as SchoolGrade) : undefined;
}

/** 'YYYY-MM-DD' plus an age written '<n> years|months|weeks|days' (month ends clamp: Feb 29 + 1 year → Feb 28). */
export function addAge(date: string, age: string): string {
  const [nText, unit] = age.split(' ') as [string, string];
  const n = Number(nText);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (unit === 'days' || unit === 'weeks') {
    const t = Date.UTC(y, m - 1, d) + n * (unit === 'weeks' ? 7 : 1) * 86_400_000;
    return new Date(t).toISOString().slice(0, 10);
  }
  const months = unit === 'years' ? n * 12 : n;
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whether 'YYYY-MM-DD' names a real calendar day. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** A day of a school year written 'MM-DD' as a date: July to December in the year it starts, January to June the next. */
export function dayOfSchoolYear(year: number, monthDay: string): string {
  return `${Number(monthDay.slice(0, 2)) >= 7 ? year : year + 1}-${monthDay}`;
}
