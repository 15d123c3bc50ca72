// What changed between two versions of a clinic profile, field by field (DPH reviews these). Pure.
import { canonicalJson } from './agreement-hash.ts';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Flattens nested objects to dotted paths; arrays (delivery windows of a day) stay whole values. */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  out.set(prefix, value ?? null);
}

// Keys sorted: a value read back from jsonb has its keys in another order than the one written.
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** Every leaf whose value differs, with its value before and after (null where a side has none), in field order. */
export function profileChanges(before: object, after: object): FieldChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before, '', a);
  flatten(after, '', b);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields
    .filter((f) => !same(a.get(f) ?? null, b.get(f) ?? null))
    .map((f) => ({ field: f, before: a.get(f) ?? null, after: b.get(f) ?? null }));
}
