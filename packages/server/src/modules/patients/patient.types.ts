// Domain types for a patient record and its doses (docs: shared/domain.md "Patients", "Doses").
// Pure types and code tables: no I/O. Codes follow the CDC HL7 v2.5.1 immunization guide tables
// so that HL7/FHIR adapters map them without translation.

/** Calendar date 'YYYY-MM-DD' (no time zone: a birth date or a dose date is a civil date). */
export type IsoDate = string;

export const Sex = { F: 'F', M: 'M', X: 'X', U: 'U' } as const;
export type Sex = keyof typeof Sex;

/** CDC race codes (HL7 0005 / CDCREC). */
export const Race = {
  '1002-5': 'American Indian or Alaska Native',
  '2028-9': 'Asian',
  '2054-5': 'Black or African-American',
  '2076-8': 'Native Hawaiian or Other Pacific Islander',
  '2106-3': 'White',
  '2131-1': 'Other Race',
} as const;
export type Race = keyof typeof Race;

/** CDC ethnicity codes (HL7 0189 / CDCREC). */
export const Ethnicity = {
  '2135-2': 'Hispanic or Latino',
  '2186-5': 'Not Hispanic or Latino',
} as const;
export type Ethnicity = keyof typeof Ethnicity;

/** Address type (HL7 0190): H home, M mailing, BA bad address, BR residence at birth. */
export const AddressType = { H: 'H', M: 'M', BA: 'BA', BR: 'BR' } as const;
export type AddressType = keyof typeof AddressType;

/** Telecom use (HL7 0201) + equipment (HL7 0202) collapsed into the useful cases. */
export const PhoneUse = { PRN: 'PRN', ORN: 'ORN', WPN: 'WPN', CP: 'CP' } as const;
export type PhoneUse = keyof typeof PhoneUse;

/** Relationship of a responsible person (HL7 0063, subset seen in immunization messages). */
export const Relationship = {
  MTH: 'Mother',
  FTH: 'Father',
  GRD: 'Guardian',
  GRP: 'Grandparent',
  FCH: 'Foster parent',
  SEL: 'Self',
  OTH: 'Other',
} as const;
export type Relationship = keyof typeof Relationship;

export interface PersonName {
  first: string;
  middle?: string;
  last: string;
  suffix?: string;
}

/** A name the patient is or was also known as (maiden name, alias, previous legal name). */
export interface PatientAlias extends PersonName {
  /** HL7 0200 name type: A alias, M maiden, B birth, L legal (older). */
  type: 'A' | 'M' | 'B' | 'L';
}

export interface Address {
  street: string;
  street2?: string;
  /** City or town; in Connecticut the town drives local-health-director scope. */
  city: string;
  state: string;
  zip: string;
  county?: string;
  type: AddressType;
  current: boolean;
}

export interface Phone {
  /** Digits only, 10 for US numbers. */
  number: string;
  use: PhoneUse;
}

export interface Guardian {
  name: PersonName;
  relationship: Relationship;
  phone?: string;
}

export const IdentifierType = {
  /** The registry's own id. */
  IIS: 'IIS',
  /** Medical record number assigned by a clinic (HL7 PID-3 type MR). */
  MR: 'MR',
  /** Medicaid number (HL7 PID-3 type MA). */
  MA: 'MA',
} as const;
export type IdentifierType = keyof typeof IdentifierType;

export interface PatientIdentifier {
  type: IdentifierType;
  value: string;
  /** Clinic id that assigned an MRN; the state for IIS and Medicaid ids. */
  assigner: string;
}

export interface Patient {
  /** IIS id, present once the record is stored. */
  id?: string;
  name: PersonName;
  aliases: PatientAlias[];
  dob: IsoDate;
  sex: Sex;
  /** true when the patient was part of a multiple birth (twins, triplets). */
  multipleBirth: boolean;
  /** 1-based order within a multiple birth (PID-25); absent for single births. */
  birthOrder?: number;
  mothersMaidenName?: string;
  race?: Race;
  ethnicity?: Ethnicity;
  /** ISO 639 language code (e.g. 'en', 'es', 'pt', 'vi'). */
  language?: string;
  addresses: Address[];
  phones: Phone[];
  emails: string[];
  guardians: Guardian[];
  identifiers: PatientIdentifier[];
  birthState?: string;
  /** ISO 3166 alpha-3 country code (PID-23 uses it), 'USA' by default. */
  birthCountry?: string;
  notes?: string;
}

// ---- Doses ----------------------------------------------------------------

export const FundingSource = { public: 'public', private: 'private' } as const;
export type FundingSource = keyof typeof FundingSource;

/** VFC eligibility per dose (HL7 table 0064). */
export const VfcEligibility = {
  V01: 'Not VFC eligible',
  V02: 'VFC eligible – Medicaid/Medicaid managed care',
  V03: 'VFC eligible – Uninsured',
  V04: 'VFC eligible – American Indian/Alaska Native',
  V05: 'VFC eligible – Underinsured (FQHC/RHC)',
  V07: 'Local-specific eligibility',
} as const;
export type VfcEligibility = keyof typeof VfcEligibility;

/** Administration route (HL7 0162 / NCIT subset). */
export const Route = { IM: 'IM', SC: 'SC', ID: 'ID', PO: 'PO', NS: 'NS' } as const;
export type Route = keyof typeof Route;

/** Administration site (HL7 0163 subset). */
export const Site = { LA: 'LA', RA: 'RA', LT: 'LT', RT: 'RT', LD: 'LD', RD: 'RD', LVL: 'LVL', RVL: 'RVL' } as const;
export type Site = keyof typeof Site;

export interface VisGiven {
  /** VIS document (vaccine) name or GDTI barcode. */
  document: string;
  /** Edition date printed on the VIS. */
  edition: IsoDate;
  presented: IsoDate;
}

export interface AdministeredDose {
  kind: 'administered';
  cvx: string;
  mvx?: string;
  ndc?: string;
  lot?: string;
  lotExpiration?: IsoDate;
  fundingSource?: FundingSource;
  date: IsoDate;
  volumeMl?: number;
  site?: Site;
  route?: Route;
  administeredBy?: string;
  orderingProvider?: string;
  vis: VisGiven[];
  vfcEligibility?: VfcEligibility;
  /** Clinic that gave the dose. */
  clinicId?: string;
}

/** Source of a historical record (HL7 NIP001 subset). */
export const HistoricalSource = {
  '01': 'Historical, source unspecified',
  '02': 'Other provider',
  '03': 'Parent written record',
  '04': 'Parent recall',
  '05': 'Other registry',
  '06': 'Birth certificate',
  '07': 'School record',
  '08': 'Public agency',
} as const;
export type HistoricalSource = keyof typeof HistoricalSource;

export interface HistoricalDose {
  kind: 'historical';
  /** CVX; unspecified formulations exist (e.g. '107' DTaP NOS). */
  cvx: string;
  date: IsoDate;
  source: HistoricalSource;
}

export type Dose = AdministeredDose | HistoricalDose;

/** Refusal reason (NIP002). */
export const RefusalReason = {
  '00': 'Parental decision',
  '01': 'Religious exemption',
  '02': 'Other',
  '03': 'Patient decision',
} as const;
export type RefusalReason = keyof typeof RefusalReason;

export interface Refusal {
  /** CDSi vaccine group name, e.g. 'MMR', 'HPV', 'COVID-19'. */
  vaccineGroup: string;
  date: IsoDate;
  reason: RefusalReason;
}

/**
 * A CDSi observation: contraindication, precaution, evidence of immunity or risk condition.
 * `code` is the CDSi observation code ('089' = severe allergic reaction after previous dose of varicella,
 * '024' = provider-verified varicella history …) so the recommender can use it directly.
 */
export interface Observation {
  kind: 'contraindication' | 'precaution' | 'immunity' | 'indication';
  code: string;
  text: string;
  date: IsoDate;
}

/** A few CDSi observation codes the generator and UI use by name (ScheduleSupportingData 4.64). */
export const ObservationCode = {
  labImmunityHepB: '019',
  labImmunityMeasles: '020',
  labImmunityVaricella: '023',
  varicellaHistory: '024',
  intussusception: '028',
  severeAllergyRotavirus: '083',
  severeAllergyPertussis: '086',
  severeAllergyVaricella: '089',
  eggAllergy: '101',
  gelatinAllergy: '102',
  neomycinAllergy: '107',
  immunocompromised: '003',
  pregnant: '007',
  scid: '013',
} as const;

/** Everything the registry knows about one person: demographics + history. */
export interface PatientRecord {
  patient: Patient;
  doses: Dose[];
  refusals: Refusal[];
  observations: Observation[];
}
