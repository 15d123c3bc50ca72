import type { FieldCode } from '@nutmeg/codes/tables';
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { DateString, NullableTimestamp, Timestamp } from './columns.ts';

// Owned by modules/patients: the master record, its child rows, source reports, edit history, statuses,
// merges and the identifier look-up counts. Mirrors migrations/20261125100000_patients.sql and later ones.
// A coded column whose CHECK lists fixed codes is typed by the field of @nutmeg/codes that lists the same codes
// (FieldCode<…>); a column holding any code of a CDC table (site, route, race, ethnicity, relationship, historical
// source, refusal reason, MVX) is a string, checked against @nutmeg/codes at the API, so that CDC can add a code
// without a migration or a type change here.

export interface PatientTable {
  id: Generated<string>;
  iis_id: Generated<string>;
  jurisdiction_id: string;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  suffix: string | null;
  dob: DateString;
  sex: FieldCode<'sex'>;
  multiple_birth: Generated<boolean>;
  birth_order: number | null;
  mothers_maiden_name: string | null;
  race: string | null;
  ethnicity: string | null;
  language: string | null;
  emails: Generated<string[]>;
  birth_state: string | null;
  birth_country: string | null;
  notes: string | null;
  first_norm: string;
  last_norm: string;
  first_soundex: string;
  last_soundex: string;
  mmn_norm: string | null;
  town: string | null;
  jurisdiction_status: Generated<'active' | 'moved' | 'deceased'>;
  deceased_date: DateString | null;
  owner_org_id: string | null;
  opted_out: Generated<boolean>;
  merged_into: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  created_org_id: string | null;
  /** PD1-11 (table 0215) as last reported, with PD1-18 (20261211120000_patient_publicity_code.sql); optional on insert. */
  publicity_code: ColumnType<string | null, string | null | undefined, string | null>;
  publicity_code_date: ColumnType<DateString | null, DateString | null | undefined, DateString | null>;
}

export interface PatientNameTable {
  id: Generated<string>;
  patient_id: string;
  type: FieldCode<'nameType'>;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  first_norm: string;
  last_norm: string;
  last_soundex: string;
}

export interface PatientAddressTable {
  id: Generated<string>;
  patient_id: string;
  street: string;
  street2: string | null;
  city: string;
  state: string;
  zip: string;
  county: string | null;
  type: Generated<FieldCode<'addressType'>>;
  current: Generated<boolean>;
  street_norm: string;
  position: Generated<number>;
}

export interface PatientPhoneTable {
  id: Generated<string>;
  patient_id: string;
  number: string;
  use: Generated<FieldCode<'phoneUse'>>;
  position: Generated<number>;
}

export interface PatientGuardianTable {
  id: Generated<string>;
  patient_id: string;
  first_name: string;
  last_name: string;
  relationship: string;
  phone: string | null;
  first_norm: string;
  last_norm: string;
  position: Generated<number>;
}

export interface PatientIdentifierTable {
  id: Generated<string>;
  patient_id: string;
  type: FieldCode<'identifierType'> | 'IIS';
  value: string;
  assigner: string;
}

export interface PatientReportTable {
  id: Generated<string>;
  patient_id: string;
  origin_patient_id: string;
  source_org_id: string | null;
  source_kind: 'ui' | 'hl7' | 'fhir' | 'import' | 'cli' | 'generator' | 'merge';
  /** The interface (HL7 sender, FHIR client, import batch) that reported it; null for a person. */
  source_interface: string | null;
  reported_by: string | null;
  received_at: Timestamp;
  data: JSONColumnType<Record<string, unknown>, string, string>;
}

export interface PatientChangeTable {
  id: Generated<number>;
  patient_id: string;
  at: Timestamp;
  user_id: string | null;
  organization_id: string | null;
  action: string;
  changes: JSONColumnType<Record<string, { from: unknown; to: unknown }>, string | undefined, string>;
  reason: string | null;
}

export interface PatientOrgStatusTable {
  patient_id: string;
  organization_id: string;
  status: 'active' | 'inactive_moved' | 'inactive_not_patient';
  reason: string | null;
  changed_at: Timestamp;
  changed_by: string | null;
}

export interface PatientStatusHistoryTable {
  id: Generated<number>;
  patient_id: string;
  scope: 'organization' | 'jurisdiction' | 'ownership' | 'opt_out';
  organization_id: string | null;
  status: string;
  reason: string | null;
  effective_date: DateString | null;
  at: Timestamp;
  user_id: string | null;
}

export interface PatientMergeTable {
  id: Generated<string>;
  survivor_id: string;
  merged_id: string;
  at: Timestamp;
  user_id: string | null;
  reason: string;
  survivor_before: JSONColumnType<Record<string, unknown>, string, string>;
  moved: JSONColumnType<Record<string, unknown>, string, string>;
  undone_at: NullableTimestamp;
  undone_by: string | null;
  undo_reason: string | null;
}

/** Look-ups by identifier per user per hour (patients module: bulk look-up throttle and DPH alert). */
export interface PatientLookupCountTable {
  user_id: string;
  window_start: Timestamp;
  lookups: number;
  alerted_at: NullableTimestamp;
}

export interface PatientTables {
  patients: PatientTable;
  patient_names: PatientNameTable;
  patient_addresses: PatientAddressTable;
  patient_phones: PatientPhoneTable;
  patient_guardians: PatientGuardianTable;
  patient_identifiers: PatientIdentifierTable;
  patient_reports: PatientReportTable;
  patient_changes: PatientChangeTable;
  patient_org_status: PatientOrgStatusTable;
  patient_status_history: PatientStatusHistoryTable;
  patient_merges: PatientMergeTable;
  patient_lookup_counts: PatientLookupCountTable;
  patient_possible_duplicates: PatientPossibleDuplicateTable;
  patient_duplicate_scans: PatientDuplicateScanTable;
}

/** The possible-duplicate queue: one row per unordered pair (patient_low < patient_high), kept once resolved. */
export interface PatientPossibleDuplicateTable {
  id: Generated<string>;
  patient_low: string;
  patient_high: string;
  score: number;
  reasons: Generated<string[]>;
  source: 'ui' | 'hl7' | 'fhir' | 'import' | 'cli' | 'scan';
  status: Generated<'open' | 'merged' | 'not_duplicate'>;
  queued_at: Timestamp;
  resolved_at: NullableTimestamp;
  resolved_by: string | null;
  resolution_note: string | null;
}

/** A possible-duplicate scan (migrations/20261211110000): at most one queued or running (partial unique index). */
export interface PatientDuplicateScanTable {
  id: Generated<string>;
  requested_by: string;
  requested_at: Timestamp;
  job_id: string | null;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  progress: Generated<number>;
  progress_note: string | null;
  progress_at: NullableTimestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  birth_years: number | null;
  candidate_pairs: number | null;
  pairs_queued: number | null;
  error: string | null;
}
