import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { DateString, NullableTimestamp, Timestamp } from './columns.ts';

// Owned by modules/clinics: storage units and provider agreements (clinic facts themselves stay in organizations).

export type StorageUnitKind = 'refrigerator' | 'freezer' | 'ultra_cold';

export interface StorageUnitTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  kind: StorageUnitKind;
  make: string | null;
  model: string | null;
  data_logger_id: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export type AgreementProgram = 'cvp' | 'covid19';
export type AgreementStatus = 'draft' | 'signing' | 'submitted' | 'returned' | 'approved' | 'superseded';

export interface ProviderAgreementTable {
  id: Generated<string>;
  organization_id: string;
  program: AgreementProgram;
  program_year: number;
  revision: number;
  status: ColumnType<AgreementStatus, AgreementStatus | undefined, AgreementStatus>;
  conditions_version: string;
  conditions_text: string;
  data: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  signed_hash: string | null;
  valid_from: DateString | null;
  valid_until: DateString | null;
  review_comment: string | null;
  reviewed_by: string | null;
  reviewed_at: NullableTimestamp;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export type EnrolmentStatus = 'not_enrolled' | 'pending' | 'enrolled' | 'suspended' | 'terminated';

export interface ClinicProfileTable {
  organization_id: string;
  dba_name: string | null;
  shipping_address: JSONColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  fax: string | null;
  email: string | null;
  delivery_hours: JSONColumnType<Record<string, Array<{ from: string; to: string }>>, string | undefined, string>;
  contacts: JSONColumnType<Record<string, Record<string, string | null> | null>, string | undefined, string>;
  enrolment_status: ColumnType<EnrolmentStatus, EnrolmentStatus | undefined, EnrolmentStatus>;
  enrolled_on: DateString | null;
  enrolment_ended_on: DateString | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ClinicProfileVersionTable {
  id: Generated<string>;
  organization_id: string;
  version: number;
  changed_by: string | null;
  changed_by_username: string;
  changed_at: Timestamp;
  changes: JSONColumnType<Array<{ field: string; before: unknown; after: unknown }>, string, never>;
}

export interface AgreementConditionsTable {
  program: AgreementProgram;
  version: string;
  title: string;
  body: string;
  effective_from: DateString;
}

export interface AgreementSignatureTable {
  id: Generated<string>;
  agreement_id: string;
  signer_role: 'cmo' | 'ceo';
  user_id: string;
  signer_username: string;
  signer_name: string;
  signed_at: Timestamp;
  ip: string | null;
  sha256: string;
}

export interface ClinicTables {
  agreement_conditions: AgreementConditionsTable;
  agreement_signatures: AgreementSignatureTable;
  storage_units: StorageUnitTable;
  provider_agreements: ProviderAgreementTable;
  clinic_profiles: ClinicProfileTable;
  clinic_profile_versions: ClinicProfileVersionTable;
  agreement_renewal_notices: AgreementRenewalNoticeTable;
}

/** A renewal mail sent (once per clinic, program, program year and kind). */
export interface AgreementRenewalNoticeTable {
  organization_id: string;
  program: AgreementProgram;
  program_year: number;
  kind: 'reminder' | 'lapsed';
  sent_at: Timestamp;
  recipients: number;
}
