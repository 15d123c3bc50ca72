// @nutmeg/codes: immunization code sets as typed look-ups over data files shipped with the package
// (built by scripts/build-codes.ts from ../shared/hl7/codesets). Pure: no I/O, no clock.
// The web UI imports '@nutmeg/codes/tables' (tables-index.ts) instead: the tables and fields without the large data.
export * from './tables-index.ts';
export type { Cvx, CvxStatus, Mvx, NdcProduct, NdcSale, NdcUse, TradeName, VaccineGroupRef, VisDocument } from './types.ts';
export {
  allCvx,
  allMvx,
  allTradeNames,
  allVisDocuments,
  canonicalCvx,
  cvx,
  isAdministrable,
  mvx,
  tradeNames,
  vaccineGroups,
  visByBarcode,
  visDocuments,
} from './vaccines.ts';
export { allNdc, isNdcCurrent, ndcDigits, ndcToProduct, normalizeNdc } from './ndc.ts';
export { searchVaccines } from './search.ts';
export type { SearchOptions, VaccineMatch } from './search.ts';
