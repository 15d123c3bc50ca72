// Small text helpers shared by the readers of the CDC and AIRA source files (build time only).
import { XMLParser } from 'fast-xml-parser';

/** Collapses runs of white space (the CDC files hold padded codes and non-breaking spaces) and trims. */
export function clean(s: unknown): string {
  if (s === undefined || s === null) return '';
  const text = typeof s === 'object' && '#text' in s ? (s as { '#text': unknown })['#text'] : s;
  return String(text)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** '3/20/2011' → '2011-03-20'; '20250701' → '2025-07-01'; '2025-07-16 00:00:00' → '2025-07-16'; '' → undefined. */
export function isoDate(s: string): string | undefined {
  const t = clean(s);
  if (!t) return undefined;
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{4}-\d{2}-\d{2})( \d{2}:\d{2}:\d{2})?$/.exec(t);
  if (m) return m[1];
  throw new Error(`unreadable date '${t}'`);
}

/** Canonical CVX: digits with at least two of them ('8' → '08'), as CDC publishes the table. */
export function cvxCode(s: string): string {
  const t = clean(s);
  if (!/^\d{1,3}$/.test(t)) throw new Error(`not a CVX code: '${t}'`);
  return String(Number(t)).padStart(2, '0');
}

export function status<T extends string>(s: string, allowed: Record<string, T>, what: string): T {
  const v = allowed[clean(s).toLowerCase()];
  if (!v) throw new Error(`unknown ${what} status '${s}'`);
  return v;
}

/** Parses XML keeping every value a string ('08' stays '08') and the named elements always arrays. */
export function parseXml(text: string, arrays: readonly string[]): unknown {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    isArray: (name) => arrays.includes(name),
  });
  return parser.parse(text);
}

/** The CDC "Name/Value" records (mvx.xml, vac2vg.xml, tradename.xml): parallel arrays of names and values. */
export function nameValueRecord(node: { Name: unknown; Value: unknown }): Record<string, string> {
  const names = [node.Name].flat();
  const values = [node.Value].flat();
  if (names.length !== values.length) throw new Error(`record with ${names.length} names and ${values.length} values`);
  return Object.fromEntries(names.map((n, i) => [clean(n), clean(values[i])]));
}

/** Splits a CDC pipe-delimited file (CRLF lines, no header). */
export function pipeRows(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('|').map(clean));
}

/** Drops undefined and empty-string fields so the data files hold only what the source says. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
}
