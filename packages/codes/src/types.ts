// The shapes of the shipped code-set data (codesets/*.json) and of what the look-ups return.
// Dates are ISO 'YYYY-MM-DD' strings; optional fields are absent rather than null in the data files.

/** CDC CVX status, as the CDC CVX table publishes it. */
export type CvxStatus = 'active' | 'inactive' | 'non-us' | 'never-active' | 'pending';

/**
 * AIRA codebase use-date window: a code used outside [notBefore, notAfter] is invalid; outside
 * [notExpectedBefore, notExpectedAfter] it is unexpected (a warning, e.g. an old vaccine reported as given this year).
 */
export interface UseDate {
  notBefore?: string;
  notExpectedBefore?: string;
  notExpectedAfter?: string;
  notAfter?: string;
}

/** AIRA codebase use-age window, in months of age at the date of use. */
export interface UseAge {
  notBeforeMonths?: number;
  notAfterMonths?: number;
}

export interface Deprecation {
  /** The code to use instead, when the source names one. */
  replacedBy?: string;
  effectiveDate?: string;
  reason?: string;
}

export interface VaccineGroupRef {
  /** CDC vaccine-group name, e.g. 'HepB', 'DTAP', 'FLU'. */
  name: string;
  /** The CVX that stands for the group ("unspecified formulation"), e.g. '45' for HepB. */
  cvx: string;
}

export interface Cvx {
  /** Canonical CVX as CDC publishes it: at least two digits ('08', '107'). */
  code: string;
  shortName: string;
  fullName: string;
  status: CvxStatus;
  lastUpdated: string;
  notes?: string;
  /** AIRA concept type: 'vaccine', 'unspecified', 'non vaccine', 'foreign vaccine', 'never active', 'pending'. */
  conceptType?: string;
  /** CDC CVX→vaccine-group map (a combination vaccine is in several groups). */
  vaccineGroups: VaccineGroupRef[];
  useDate?: UseDate;
  useAge?: UseAge;
}

export interface Mvx {
  code: string;
  name: string;
  status: 'active' | 'inactive';
  lastUpdated: string;
  notes?: string;
}

/** A CDC product (trade) name with the CVX and MVX it is reported under. */
export interface TradeName {
  name: string;
  cvx: string;
  mvx: string;
  status: 'active' | 'inactive';
  mvxStatus: 'active' | 'inactive';
  shortDescription: string;
  lastUpdated: string;
}

/** A Vaccine Information Statement edition. */
export interface VisDocument {
  name: string;
  editionDate: string;
  /** The fully-encoded string of the VIS bar code (OBX 69764-9 value), unique per edition. */
  encoded: string;
  /** GS1 GDTI document-type code shared by all editions of one VIS. */
  documentCode: string;
  status: 'current' | 'historic';
  lastUpdated: string;
  pdfUrl?: string;
  htmlUrl?: string;
  /** CVX codes this edition is given for (CDC CVX↔VIS map). */
  cvx: string[];
}

export interface NdcSale {
  /** Package form as CDC lists it, e.g. 'CARTON, 10 SYRINGE'. */
  package?: string;
  route?: string;
  /** Doses in one package, when the package description and its unit of use make it certain. */
  dosesPerPackage?: number;
  /** The unit-of-use NDCs inside this package (CDC NDC linker). */
  unitsOfUse: string[];
}

export interface NdcUse {
  /** Container as CDC lists it, e.g. 'SYRINGE, 0.5 mL', 'VIAL, MULTI-DOSE'. */
  package?: string;
  /** 1 for a single-dose container; absent when the source does not say (multi-dose vials). */
  doses?: number;
  /** The unit-of-sale NDCs that contain this unit (CDC NDC linker). */
  unitsOfSale: string[];
}

export interface NdcProduct {
  /** Canonical NDC: 11 digits as 5-4-2 with dashes, e.g. '49281-0545-03'. */
  ndc: string;
  /** The 10-digit form as labelled on the package (4-4-2, 5-3-2 or 5-4-1), e.g. '49281-545-03'. */
  ndc10: string;
  /** CVX codes CDC maps this NDC to; more than one for a few products (e.g. Engerix-B 43/44): ask the user. */
  cvx: string[];
  mvx?: string;
  tradeName: string;
  genericName: string;
  labeler: string;
  startDate?: string;
  /** Set when CDC lists the product as no longer distributed. */
  endDate?: string;
  lastUpdated: string;
  gtin?: string;
  /** Present when the NDC is a unit of sale (what is ordered and stocked). */
  sale?: NdcSale;
  /** Present when the NDC is a unit of use (what is administered: the syringe or vial). */
  use?: NdcUse;
}

/**
 * Status of an entry of an HL7/CDC table, from the AIRA codebase: 'active' (valid, offer it), 'deprecated'
 * (accepted in messages, do not offer; see `deprecated.replacedBy`), 'ignored' (a valid HL7 code the IIS does not
 * use), 'invalid' (never acceptable).
 */
export type EntryStatus = 'active' | 'deprecated' | 'ignored' | 'invalid';

/** Where an entry comes from: the AIRA codebase, the NIST IG value sets, or a Nutmeg local extension. */
export type EntrySource = 'aira' | 'nist' | 'local';

export interface CodeEntry {
  code: string;
  label: string;
  status: EntryStatus;
  source: EntrySource;
  /** The coding system to send in CWE-3 when it differs from the table's (e.g. NCIT route codes in table 0162). */
  system?: string;
  /** The same concept in the table's other coding system (e.g. IM ↔ C28161). */
  equivalent?: string;
  description?: string;
  deprecated?: Deprecation;
  useDate?: UseDate;
  useAge?: UseAge;
}

export interface CodeTableData {
  id: string;
  name: string;
  /** HL7 coding-system name to send in CWE-3, e.g. 'HL70163', 'CDCREC', 'CDCPHINVS'. */
  system: string;
  entries: CodeEntry[];
}
