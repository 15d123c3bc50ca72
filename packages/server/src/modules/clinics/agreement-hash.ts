// The SHA-256 of exactly what is signed: the program, year and revision, the conditions text and the data. Pure.
import crypto from 'node:crypto';

/** JSON with keys sorted at every level: the data comes back from jsonb with its keys in another order. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x !== null && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

export interface SignedContent {
  program: string;
  programYear: number;
  revision: number;
  conditionsVersion: string;
  conditionsText: string;
  data: unknown;
}

export function agreementHash(c: SignedContent): string {
  return crypto.createHash('sha256').update(canonicalJson(c), 'utf8').digest('hex');
}
