// Name normalisation and string similarity for patient matching.
// The database side blocks candidates with fuzzystrmatch `soundex()` and pg_trgm `similarity()`; the TS
// functions here compute the same values over the same normalised text, so a key stored from TS and a key
// computed in SQL agree (`soundex` below follows fuzzystrmatch's C code, `trigramSimilarity` pg_trgm's).

/** Letters NFD does not decompose into base + combining mark. */
const SPECIAL_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  œ: 'oe',
  Œ: 'OE',
  þ: 'th',
  Þ: 'TH',
  ð: 'd',
  Ð: 'D',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
};
const SPECIAL_RE = /[ßæÆøØđĐłŁœŒþÞðÐıħĦ]/g;

/** Fold diacritics: "Nguyễn" → "Nguyen", "Zoë" → "Zoe", "Müller" → "Muller", "Đặng" → "Dang". */
export function foldDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(SPECIAL_RE, (c) => SPECIAL_FOLDS[c] ?? c);
}

/** Surname particles ignored when comparing name parts ("de la Cruz" ~ "Cruz"), kept in the compact form. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'de',
  'del',
  'della',
  'der',
  'den',
  'la',
  'las',
  'los',
  'le',
  'les',
  'van',
  'von',
  'da',
  'das',
  'dos',
  'di',
  'du',
  'y',
  'e',
  'bin',
  'ibn',
  'al',
  'el',
  'ter',
  'ten',
  'st',
  'saint',
]);

const SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'v']);

/**
 * Canonical text of a name field: diacritics folded, lower case, apostrophes and periods dropped
 * ("O'Brien" → "obrien", "St. John" → "st john"), every other non-letter a single space.
 * Hyphens become spaces, so "Garcia-Lopez" → "garcia lopez".
 */
export function normalizeName(s: string | undefined | null): string {
  if (!s) return '';
  return foldDiacritics(s)
    .toLowerCase()
    .replace(/['’`.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Significant parts of a name: hyphenated and compound surnames split, particles and suffixes dropped. */
export function nameParts(s: string | undefined | null): string[] {
  const parts = normalizeName(s)
    .split(' ')
    .filter((p) => p.length > 0);
  const significant = parts.filter((p) => !NAME_PARTICLES.has(p) && !SUFFIXES.has(p));
  return significant.length > 0 ? significant : parts;
}

/** The name with all spaces removed: "Mc Donald" and "McDonald", "De La Cruz" and "Delacruz" agree. */
export function compactName(s: string | undefined | null): string {
  return normalizeName(s).replace(/ /g, '');
}

// ---- Soundex (fuzzystrmatch-compatible) ------------------------------------------------------------------

//                           ABCDEFGHIJKLMNOPQRSTUVWXYZ
const SOUNDEX_TABLE = '01230120022455012623010202';

function soundexCode(c: string): string {
  const u = c.toUpperCase();
  const i = u.charCodeAt(0) - 65;
  return i >= 0 && i < 26 ? SOUNDEX_TABLE[i]! : u;
}

function isAsciiAlpha(c: string | undefined): boolean {
  return c !== undefined && /^[A-Za-z]$/.test(c);
}

/**
 * Soundex as PostgreSQL's fuzzystrmatch computes it (H and W code as vowels, adjacent equal codes collapse,
 * non-letters skipped). Applied to the folded name, so `soundex(unaccent(x))` in SQL gives the same key.
 * Returns '' for a name without letters (fuzzystrmatch returns an empty string too).
 */
export function soundex(input: string): string {
  const s = foldDiacritics(input);
  let i = 0;
  while (i < s.length && !isAsciiAlpha(s[i])) i++;
  if (i >= s.length) return '';
  let out = s[i]!.toUpperCase();
  i++;
  while (i < s.length && out.length < 4) {
    const c = s[i]!;
    if (isAsciiAlpha(c) && soundexCode(c) !== soundexCode(s[i - 1]!)) {
      const code = soundexCode(c);
      if (code !== '0') out += code;
    }
    i++;
  }
  return out.padEnd(4, '0');
}

// ---- Similarity ------------------------------------------------------------------------------------------

/** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const aMatch = new Uint8Array(la);
  const bMatch = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (bMatch[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      aMatch[i] = 1;
      bMatch[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** pg_trgm's trigram set: each alphanumeric word lower-cased and padded "  word ". */
export function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const word of foldDiacritics(s)
    .toLowerCase()
    .split(/[^a-z0-9]+/)) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** pg_trgm `similarity(a, b)`: shared trigrams / all distinct trigrams. */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return common / (ta.size + tb.size - common);
}

/** Normalised street line: "123 North Main St., Apt 4" → "123 n main st apt 4". */
export function normalizeStreet(s: string | undefined | null): string {
  const words = normalizeName(s).split(' ').filter(Boolean);
  return words.map((w) => STREET_ABBREVIATIONS[w] ?? w).join(' ');
}

const STREET_ABBREVIATIONS: Record<string, string> = {
  street: 'st',
  avenue: 'ave',
  av: 'ave',
  road: 'rd',
  drive: 'dr',
  lane: 'ln',
  court: 'ct',
  place: 'pl',
  boulevard: 'blvd',
  terrace: 'ter',
  circle: 'cir',
  highway: 'hwy',
  parkway: 'pkwy',
  square: 'sq',
  turnpike: 'tpke',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  apartment: 'apt',
  unit: 'apt',
  suite: 'ste',
  number: 'apt',
};

/** Digits only; a leading US country code 1 on an 11-digit number is dropped. */
export function normalizePhone(s: string | undefined | null): string {
  const d = (s ?? '').replace(/\D/g, '');
  return d.length === 11 && d.startsWith('1') ? d.slice(1) : d;
}
