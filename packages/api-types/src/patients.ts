// JSON shapes of patient records: search, the record, its history and each source's reported version. The
// demographics (`Patient`) are also the body the web sends to add or edit a patient. Coded fields are typed from
// @nutmeg/codes (`FieldCode`): a union where Nutmeg stores a fixed list, else any code of the field's table.
import type { FieldCode } from '@nutmeg/codes/tables';

/** Calendar date 'YYYY-MM-DD' (a birth date or a dose date is a civil date, with no time zone). */
export type IsoDate = string;

export interface PersonName {
  first: string;
  middle?: string;
  last: string;
  suffix?: string;
}

/** A name the patient is or was also known as (maiden name, alias, previous legal name). */
export interface PatientAlias extends PersonName {
  /** HL7 0200 name type: A alias, M maiden, B birth, L legal (older). */
  type: FieldCode<'nameType'>;
}

export interface Address {
  street: string;
  street2?: string;
  /** City or town; in Connecticut the town drives local-health-director scope. */
  city: string;
  state: string;
  zip: string;
  county?: string;
  type: FieldCode<'addressType'>;
  current: boolean;
}

export interface Phone {
  /** Digits only, 10 for US numbers. */
  number: string;
  use: FieldCode<'phoneUse'>;
}

export interface Guardian {
  name: PersonName;
  relationship: FieldCode<'relationship'>;
  phone?: string;
}

export interface PatientIdentifier {
  /** MR a clinic's medical record number, MA Medicaid; IIS the registry's own id. */
  type: FieldCode<'identifierType'> | 'IIS';
  value: string;
  /** Clinic id that assigned an MRN; the state for IIS and Medicaid ids. */
  assigner: string;
}

/** A person's demographics as the registry holds them (the consolidated record, or one source's report). */
export interface Patient {
  /** IIS id, present once the record is stored. */
  id?: string;
  name: PersonName;
  aliases: PatientAlias[];
  dob: IsoDate;
  sex: FieldCode<'sex'>;
  /** true when the patient was part of a multiple birth (twins, triplets). */
  multipleBirth: boolean;
  /** 1-based order within a multiple birth (PID-25); absent for single births. */
  birthOrder?: number;
  mothersMaidenName?: string;
  race?: FieldCode<'race'>;
  ethnicity?: FieldCode<'ethnicity'>;
  /** ISO 639-1 language code ('en', 'es', 'pt'); HL7 messages send its ISO 639-2 code. */
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

export type JurisdictionStatus = 'active' | 'moved' | 'deceased';
/** The patient's status at one clinic. */
export type OrganizationStatus = 'active' | 'inactive_moved' | 'inactive_not_patient';

/** GET /api/patients/:id: the consolidated record with statuses and ownership. */
export interface PatientView {
  id: string;
  iisId: string;
  /** Send it back when editing (a stale edit is refused with 409). */
  version: number;
  patient: Patient;
  jurisdictionStatus: JurisdictionStatus;
  deceasedDate: string | null;
  optedOut: boolean;
  /** The medical home. */
  owner: { id: string; name: string } | null;
  organizationStatuses: Array<{
    organizationId: string;
    organizationName: string;
    status: OrganizationStatus;
    reason: string | null;
    changedAt: string;
  }>;
  /** Status at the caller's organization, if the patient has one there. */
  myStatus: OrganizationStatus | null;
  /** How many sources' reported versions are kept. */
  reports: number;
  merges: Array<{ id: string; mergedId: string; mergedIisId: string; at: string; reason: string }>;
  canEdit: boolean;
  /** The caller's clinic's own relationship with the patient: not offered to DPH, schools or health departments. */
  clinicActions: { setStatus: boolean; takeMedicalHome: boolean };
}

/** One ranked candidate of a search or a duplicate check. */
export interface PatientSearchResult {
  id: string;
  iisId: string;
  name: { first: string; middle: string | null; last: string; suffix: string | null };
  dob: string;
  sex: string;
  town: string | null;
  score: number;
  classification: 'likely' | 'possible' | 'unlikely';
  summary: string;
  reasons: string[];
  jurisdictionStatus: string;
}

/** POST /api/patients/search */
export interface PatientSearchResults {
  results: PatientSearchResult[];
}

/** POST /api/patients/duplicates, and the body of the 409 that refuses to add a likely duplicate. */
export interface DuplicateCandidates {
  candidates: PatientSearchResult[];
}

/** POST /api/patients (201). */
export interface PatientCreated {
  id: string;
  iisId: string;
}

/** PUT /api/patients/:id */
export interface PatientUpdated {
  id: string;
  version: number;
  /** Names of the fields that changed. */
  changed: string[];
}

/** GET /api/patients/:id/history: who changed what and when. */
export interface PatientHistory {
  changes: Array<{
    at: string;
    /** create | update | merge | unmerge */
    action: string;
    fields: Record<string, { from: unknown; to: unknown }>;
    reason: string | null;
    by: string | null;
    organization: string | null;
  }>;
  statuses: Array<{
    at: string;
    scope: 'organization' | 'jurisdiction' | 'ownership' | 'opt_out';
    status: string;
    reason: string | null;
    effectiveDate: string | null;
    by: string | null;
    organization: string | null;
  }>;
}

/** One source's version of the patient. */
export interface PatientReport {
  id: string;
  /** ui | hl7 | fhir | import | generator | merge */
  sourceKind: string;
  source: string | null;
  receivedAt: string;
  /** Came with a duplicate record merged into this one. */
  fromMergedRecord: boolean;
  /** The patient as that source reported it (a Patient, or only some of its fields). */
  data: Record<string, unknown>;
}

/** GET /api/patients/:id/reports: each source's version, newest first. */
export interface PatientReports {
  reports: PatientReport[];
}
