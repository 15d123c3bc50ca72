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

export interface ClinicTables {
  storage_units: StorageUnitTable;
  provider_agreements: ProviderAgreementTable;
}
