// Domain types for a patient record and its doses (docs: shared/domain.md "Patients", "Doses"). Pure types: no I/O.
// Codes follow the CDC HL7 v2.5.1 immunization guide tables so that HL7/FHIR adapters map them without translation;
// the tables themselves (codes, labels, status) are in @nutmeg/codes, and the demographics are the API's JSON shape
// in @nutmeg/api-types, each written once.
import type { IsoDate, Patient } from '@nutmeg/api-types';
import type { FieldCode } from '@nutmeg/codes';

export type { Address, Guardian, IsoDate, Patient, PatientAlias, PatientIdentifier, PersonName, Phone } from '@nutmeg/api-types';

export type Sex = FieldCode<'sex'>;
/** CDC race code (HL7 0005 / CDCREC). */
export type Race = FieldCode<'race'>;
/** CDC ethnicity code (HL7 0189 / CDCREC). */
export type Ethnicity = FieldCode<'ethnicity'>;

// ---- Doses ----------------------------------------------------------------

export type FundingSource = FieldCode<'fundingSource'>;
/** VFC eligibility per dose (HL7 table 0064). */
export type VfcEligibility = FieldCode<'vfcEligibility'>;
/** Administration route (HL7 0162). */
export type Route = FieldCode<'route'>;
/** Administration site (HL7 0163). */
export type Site = FieldCode<'site'>;

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

/** Source of a historical record (HL7 NIP001). */
export type HistoricalSource = FieldCode<'historicalSource'>;

export interface HistoricalDose {
  kind: 'historical';
  /** CVX; unspecified formulations exist (e.g. '107' DTaP NOS). */
  cvx: string;
  date: IsoDate;
  source: HistoricalSource;
}

export type Dose = AdministeredDose | HistoricalDose;

/** Refusal reason (NIP002). */
export type RefusalReason = FieldCode<'refusalReason'>;

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
