// Builds a plausible input from a route's zod schema (through its JSON Schema) and lists every string in it,
// so the fuzz battery can put a bad value in one field at a time, on every route the server has.
import { z } from 'zod';

type Json = Record<string, unknown>;
export type Path = Array<string | number>;
export interface StringLeaf {
  path: Path;
  /** Whether the field holds a calendar date (a date pattern, or a date-like name). */
  isDate: boolean;
}

const DATE_PATTERN = /\\d\{4\}-\\d\{2\}-\\d\{2\}/;
const DATE_FORMATS = new Set(['date', 'date-time', 'date-or-date-time']);
const DATE_NAME = /(^|[a-z])(date|Date|dob|asOf|edition|presented|Expiration)$/;

/** Values tried, in order, for a string with a pattern: the first one the pattern accepts is used. */
const PATTERN_CANDIDATES = ['2020-01-15', '06510', '03', '024', '01', '123456', 'CT', 'CT1001', 'A1'];

function sampleString(s: Json, name: string): string {
  if (s.enum) return String((s.enum as unknown[])[0]);
  if (s.const !== undefined) return String(s.const);
  if (s.format === 'uuid') return crypto.randomUUID();
  if (s.format === 'email' || /email/i.test(name)) return 'someone@example.org';
  if (s.format === 'date-time') return '2020-01-15T12:00:00.000Z';
  if (DATE_FORMATS.has(String(s.format))) return '2020-01-15';
  if (typeof s.pattern === 'string') {
    const re = new RegExp(s.pattern);
    const hit = PATTERN_CANDIDATES.find((c) => re.test(c));
    if (hit) return hit;
  }
  if (DATE_NAME.test(name)) return '2020-01-15';
  if (/phone|number/i.test(name)) return '203-555-0100';
  if (/^state$/i.test(name)) return 'CT';
  if (/zip/i.test(name)) return '06510';
  if (/password/i.test(name)) return 'Correct-Horse-Battery-9';
  if (/otp|code/i.test(name)) return '123456';
  if (/pin/i.test(name)) return 'CT1001';
  const min = Number(s.minLength ?? 0);
  return 'Sample text for a field'.padEnd(min, 'x').slice(0, Number(s.maxLength ?? 200));
}

function sample(s: Json | undefined, name: string, path: Path, leaves: StringLeaf[]): unknown {
  if (!s) return undefined;
  if (s.oneOf || s.anyOf) return sample(((s.oneOf ?? s.anyOf) as Json[])[0], name, path, leaves);
  if (s.allOf) return sample(Object.assign({}, ...(s.allOf as Json[])), name, path, leaves);
  switch (s.type) {
    case 'object': {
      const out: Json = {};
      for (const [k, sub] of Object.entries((s.properties ?? {}) as Record<string, Json>)) out[k] = sample(sub, k, [...path, k], leaves);
      return out;
    }
    case 'array': {
      const item = sample(s.items as Json | undefined, name, [...path, 0], leaves);
      return item === undefined ? [] : [item];
    }
    case 'string': {
      const isDate = DATE_FORMATS.has(String(s.format)) || (typeof s.pattern === 'string' && DATE_PATTERN.test(s.pattern));
      leaves.push({ path, isDate });
      return sampleString(s, name);
    }
    case 'integer':
    case 'number':
      return Math.max(Number(s.minimum ?? 1), Number(s.exclusiveMinimum ?? 0) + 1);
    case 'boolean':
      return false;
    default:
      return undefined;
  }
}

/** A sample input for one part of a request (body, querystring, params) and the string fields in it. */
export function sampleInput(schema: unknown): { value: unknown; leaves: StringLeaf[] } {
  if (!(schema instanceof z.ZodType)) return { value: undefined, leaves: [] };
  const leaves: StringLeaf[] = [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return { value: sample(json, '', [], leaves), leaves };
}

/** A deep copy of `value` with `replacement` at `path`. */
export function withValueAt(value: unknown, path: Path, replacement: string): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1)!] = replacement;
  return copy;
}
