// NDC look-ups: unit of sale (what a clinic orders and stocks) and unit of use (what is administered), with the
// CVX and MVX CDC maps them to.
import { NDC, lazy } from './data.ts';
import type { NdcProduct } from './types.ts';

const ndcIndex = lazy(() => new Map(NDC.map((p) => [p.ndc, p])));

/**
 * The canonical 11-digit NDC, 5-4-2 with dashes ('49281-0545-03'), from any usual form:
 * - dashed 10-digit as labelled (4-4-2 '0006-4109-02', 5-3-2 '49281-545-03', 5-4-1 '12345-6789-1'), padded;
 * - dashed or plain 11 digits ('49281054503');
 * - plain 10 digits, which is ambiguous (the dash positions are lost): resolved only when exactly one of its three
 *   readings is an NDC CDC lists, else null.
 * Returns null for anything else.
 */
export function normalizeNdc(input: string): string | null {
  const t = input.trim().replace(/\s+/g, '');
  const dashed = /^(\d{4,5})-(\d{3,4})-(\d{1,2})$/.exec(t);
  if (dashed) {
    const [l, p, k] = [dashed[1]!, dashed[2]!, dashed[3]!];
    const total = l.length + p.length + k.length;
    if (total === 11 ? l.length !== 5 || p.length !== 4 : total !== 10) return null;
    return `${l.padStart(5, '0')}-${p.padStart(4, '0')}-${k.padStart(2, '0')}`;
  }
  if (/^\d{11}$/.test(t)) return `${t.slice(0, 5)}-${t.slice(5, 9)}-${t.slice(9)}`;
  if (/^\d{10}$/.test(t)) {
    const readings = [
      `0${t.slice(0, 4)}-${t.slice(4, 8)}-${t.slice(8)}`,
      `${t.slice(0, 5)}-0${t.slice(5, 8)}-${t.slice(8)}`,
      `${t.slice(0, 5)}-${t.slice(5, 9)}-0${t.slice(9)}`,
    ];
    const known = readings.filter((r) => ndcIndex().has(r));
    return known.length === 1 ? known[0]! : null;
  }
  return null;
}

/** '49281-0545-03' → '49281054503' (the 11 digits without dashes, as some systems store them). */
export function ndcDigits(ndc: string): string | null {
  return normalizeNdc(ndc)?.replace(/-/g, '') ?? null;
}

/** The product an NDC (in any form `normalizeNdc` accepts) stands for, or undefined when CDC does not list it. */
export function ndcToProduct(ndc: string): NdcProduct | undefined {
  const n = normalizeNdc(ndc);
  return n === null ? undefined : ndcIndex().get(n);
}

/**
 * Whether a product is still distributed on a date (no CDC end date, or the end date not passed). CDC's start and
 * end dates are distribution dates: a dose given from stock after the end date can still be valid.
 */
export function isNdcCurrent(product: NdcProduct, onDate: string): boolean {
  return product.endDate === undefined || product.endDate >= onDate;
}

export function allNdc(): readonly NdcProduct[] {
  return NDC;
}
