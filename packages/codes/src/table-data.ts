// The small data files: HL7/CDC tables and MVX (about 75 kB). Kept apart from data.ts so that what the web UI
// imports (@nutmeg/codes/tables) never pulls in the CVX, NDC, trade-name and VIS files.
import mvxJson from '../codesets/mvx.json' with { type: 'json' };
import tablesJson from '../codesets/tables.json' with { type: 'json' };
import type { CodeTableData, Mvx } from './types.ts';

export const MVX: readonly Mvx[] = mvxJson as Mvx[];
export const TABLES: readonly CodeTableData[] = tablesJson as CodeTableData[];
