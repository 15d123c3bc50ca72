import type { FieldCode } from '@nutmeg/codes/tables';
import type { Generated, JSONColumnType } from 'kysely';
import type { DateString, NullableTimestamp, Timestamp } from './columns.ts';

// Owned by modules/immunizations: doses (master + reported), their change history, refusals, CDSi
// observations and printed certificates. Mirrors migrations/20261125100000_patients.sql and later ones.

export interface DoseTable {
  id: Generated<string>;
  master_id: string;
  patient_id: string;
  origin_patient_id: string;
  kind: 'administered' | 'historical';
  cvx: string;
  mvx: string | null;
  ndc: string | null;
  lot: string | null;
  lot_expiration: DateString | null;
  funding_source: FieldCode<'fundingSource'> | null;
  date: DateString;
  volume_ml: number | null;
  site: string | null;
  route: string | null;
  administered_by: string | null;
  ordering_provider: string | null;
  vis: JSONColumnType<Array<{ document: string; edition: string; presented: string }>, string | undefined, string>;
  vfc_eligibility: FieldCode<'vfcEligibility'> | null;
  /** Makes the dose sub-standard for the recommender (CDSi 6.1). */
  dose_condition: 'partial' | 'storage' | 'recall' | 'other' | null;
  historical_source: string | null;
  source_org_id: string | null;
  source_kind: Generated<string>;
  /** The interface (HL7 sender, FHIR client, import batch) that reported it; null for a person. */
  source_interface: string | null;
  not_administered: Generated<boolean>;
  entered_by: string | null;
  entered_at: Timestamp;
  updated_at: NullableTimestamp;
  deleted_at: NullableTimestamp;
  deleted_by: string | null;
  delete_reason: string | null;
}

export interface DoseChangeTable {
  id: Generated<number>;
  dose_id: string;
  patient_id: string;
  at: Timestamp;
  user_id: string | null;
  action: string;
  changes: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  reason: string | null;
}

export interface PatientRefusalTable {
  id: Generated<string>;
  patient_id: string;
  origin_patient_id: string;
  vaccine_group: string;
  date: DateString;
  reason: string;
  source_org_id: string | null;
  source_kind: Generated<'ui' | 'hl7' | 'fhir' | 'import' | 'cli' | 'generator'>;
  source_interface: string | null;
  entered_by: string | null;
  entered_at: Timestamp;
  deleted_at: NullableTimestamp;
  deleted_by: string | null;
  delete_reason: string | null;
}

export interface PatientObservationTable {
  id: Generated<string>;
  patient_id: string;
  origin_patient_id: string;
  kind: 'contraindication' | 'precaution' | 'immunity' | 'indication';
  code: string;
  text: string;
  date: DateString;
  /** 'unknown': a clinician could not determine whether the patient has it (CDSi "Unknown"); default 'active' */
  status: Generated<'active' | 'unknown'>;
  source_org_id: string | null;
  source_kind: Generated<'ui' | 'hl7' | 'fhir' | 'import' | 'cli' | 'generator'>;
  source_interface: string | null;
  entered_by: string | null;
  entered_at: Timestamp;
  deleted_at: NullableTimestamp;
  deleted_by: string | null;
  delete_reason: string | null;
}

/** A printed certificate and its verification code (immunizations module). */
export interface CertificateIssueTable {
  id: Generated<string>;
  code: string;
  patient_id: string;
  kind: 'full' | 'covid';
  printed_on: DateString;
  printed_by: string;
  issued_at: Timestamp;
  issued_by: string | null;
}

export interface ImmunizationTables {
  doses: DoseTable;
  dose_changes: DoseChangeTable;
  patient_refusals: PatientRefusalTable;
  patient_observations: PatientObservationTable;
  certificate_issues: CertificateIssueTable;
}
