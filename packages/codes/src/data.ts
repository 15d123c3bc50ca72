// The shipped data files (built by scripts/build-codes.ts from ../shared/hl7; never read at run time from there).
// Indexes are built on first use, so importing the package costs nothing until a look-up runs.
import cvxJson from '../codesets/cvx.json' with { type: 'json' };
import mvxJson from '../codesets/mvx.json' with { type: 'json' };
import ndcJson from '../codesets/ndc.json' with { type: 'json' };
import tablesJson from '../codesets/tables.json' with { type: 'json' };
import tradeNamesJson from '../codesets/trade-names.json' with { type: 'json' };
import visJson from '../codesets/vis.json' with { type: 'json' };
import type { CodeTableData, Cvx, Mvx, NdcProduct, TradeName, VisDocument } from './types.ts';

export const CVX: readonly Cvx[] = cvxJson as Cvx[];
export const MVX: readonly Mvx[] = mvxJson as Mvx[];
export const NDC: readonly NdcProduct[] = ndcJson as NdcProduct[];
export const TRADE_NAMES: readonly TradeName[] = tradeNamesJson as TradeName[];
export const VIS: readonly VisDocument[] = visJson as VisDocument[];
export const TABLES: readonly CodeTableData[] = tablesJson as CodeTableData[];

/** A value computed once, on first call. */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** Groups items by a key, keeping their order. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string | readonly string[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) for (const k of [key(t)].flat()) m.set(k, [...(m.get(k) ?? []), t]);
  return m;
}
