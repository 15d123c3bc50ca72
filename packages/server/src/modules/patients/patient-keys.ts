// Search keys stored beside names (patients.first_norm, last_soundex …) and the DOB variants searched for a
// typed DOB. Pure; shared by the repository, the bulk loader and the tests.

import { compactName, normalizeName, normalizePhone, normalizeStreet, soundex } from './name-normalize.ts';
import { areNicknames, relatedNames } from './nicknames.ts';

export interface NameKeys {
  first_norm: string;
  last_norm: string;
  first_soundex: string;
  last_soundex: string;
}

export function nameKeys(first: string, last: string): NameKeys {
  return {
    first_norm: normalizeName(first),
    last_norm: normalizeName(last),
    first_soundex: soundex(compactName(first)),
    last_soundex: soundex(compactName(last)),
  };
}

export function maidenKey(name: string | undefined | null): string | null {
  const n = normalizeName(name);
  return n || null;
}

export { normalizePhone, normalizeStreet, normalizeName, areNicknames };

export function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/**
 * Dates a mistyped DOB may stand for: itself, month and day swapped, and every swap of two adjacent digits
 * that gives a real date (2019-03-12 → 2019-03-21, 2091-03-12 …). Used to block candidates by DOB.
 */
export function dobVariants(dob: string): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dob);
  if (!m) return [];
  const out = new Set<string>([dob]);
  const [y, mo, d] = [m[1]!, m[2]!, m[3]!];
  if (isValidDate(Number(y), Number(d), Number(mo))) out.add(`${y}-${d}-${mo}`);
  const digits = `${y}${mo}${d}`;
  for (let i = 0; i + 1 < digits.length; i++) {
    if (digits[i] === digits[i + 1]) continue;
    const s = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
    const yy = Number(s.slice(0, 4));
    const mm = Number(s.slice(4, 6));
    const dd = Number(s.slice(6, 8));
    if (yy >= 1880 && isValidDate(yy, mm, dd)) out.add(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`);
  }
  return [...out];
}

/** A given name and every formal/nickname linked to it, normalised ("bill" → william, will, billy …). */
export function givenNameVariants(first: string): string[] {
  const n = normalizeName(first);
  if (!n) return [];
  const out = new Set<string>([n, ...relatedNames(n)]);
  return [...out];
}
