// @nutmeg/codes: immunization code sets as typed look-ups over data files shipped with the package
// (built by scripts/build-codes.ts from ../shared/hl7/codesets). Pure: no I/O, no clock.
export type {
  CodeEntry,
  CodeTableData,
  Cvx,
  CvxStatus,
  Deprecation,
  EntrySource,
  EntryStatus,
  Mvx,
  NdcProduct,
  NdcSale,
  NdcUse,
  TradeName,
  UseAge,
  UseDate,
  VaccineGroupRef,
  VisDocument,
} from './types.ts';
export {
  allCvx,
  allMvx,
  allTradeNames,
  allVisDocuments,
  canonicalCvx,
  cvx,
  mvx,
  tradeNames,
  vaccineGroups,
  visByBarcode,
  visDocuments,
} from './vaccines.ts';
export { allNdc, isNdcCurrent, ndcDigits, ndcToProduct, normalizeNdc } from './ndc.ts';
export { activeEntries, entry, isActive, isKnown, label, table, TABLE_IDS, useAgeStatus, useDateStatus } from './tables.ts';
export type { CodeTable, TableId, WindowStatus } from './tables.ts';
export { searchVaccines } from './search.ts';
export type { SearchOptions, VaccineMatch } from './search.ts';
