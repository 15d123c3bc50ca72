/** A person on a clinic's staff list, as far as the account check needs them. */
export interface StaffEntry {
  firstName: string;
  lastName: string;
  email: string;
}

export interface Person {
  firstName: string;
  lastName: string;
  email: string;
}

export type StaffMatch = 'email' | 'name' | null;

/** Case- and diacritics-insensitive form of a name: "Nguyễn" and "NGUYEN" compare equal; spaces, hyphens, apostrophes are ignored. */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Is the person on the staff list? By e-mail first (case-insensitive), otherwise by first and
 * last name together. A clinic's list is short, so this runs in memory over its active entries.
 */
export function matchStaff(person: Person, staff: readonly StaffEntry[]): StaffMatch {
  const email = person.email.trim().toLowerCase();
  if (staff.some((s) => s.email.trim().toLowerCase() === email)) return 'email';
  const first = foldName(person.firstName);
  const last = foldName(person.lastName);
  if (first && last && staff.some((s) => foldName(s.firstName) === first && foldName(s.lastName) === last)) return 'name';
  return null;
}

/** "CT1001, ct1002;CT1003" → ["CT1001", "CT1002", "CT1003"]: upper-cased, de-duplicated, in order. */
export function parsePins(input: string | readonly string[]): string[] {
  const parts = (typeof input === 'string' ? [input] : input).flatMap((s) => s.split(/[\s,;]+/));
  const out: string[] = [];
  for (const p of parts) {
    const pin = p.trim().toUpperCase();
    if (pin && !out.includes(pin)) out.push(pin);
  }
  return out;
}
