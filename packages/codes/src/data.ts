// The shipped data files (built by scripts/build-codes.ts from ../shared/hl7; never read at run time from there).
// Indexes are built on first use, so importing the package costs nothing until a look-up runs.
import cvxJson from '../codesets/cvx.json' with { type: 'json' };
import ndcJson from '../codesets/ndc.json' with { type: 'json' };
import tradeNamesJson from '../codesets/trade-names.json' with { type: 'json' };
import visJson from '../codesets/vis.json' with { type: 'json' };
import type { Cvx, NdcProduct, TradeName, VisDocument } from './types.ts';

export { groupBy, lazy } from './lazy.ts';
export { MVX, TABLES } from './table-data.ts';

export const CVX: readonly Cvx[] = cvxJson as Cvx[];
export const NDC: readonly NdcProduct[] = ndcJson as NdcProduct[];
export const TRADE_NAMES: readonly TradeName[] = tradeNamesJson as TradeName[];
export const VIS: readonly VisDocument[] = visJson as VisDocument[];
