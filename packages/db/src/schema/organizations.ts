import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns.ts';

// Owned by modules/organizations: jurisdictions, towns, organizations and clinic staff lists.

export interface JurisdictionTable {
  id: string;
  name: string;
  state_code: string;
  agency_name: string;
  program_name: string;
}

export interface TownTable {
  id: Generated<number>;
  jurisdiction_id: string;
  name: string;
  county: string | null;
  zip_codes: ColumnType<string[], string[] | undefined, string[]>;
}

export interface OrganizationTable {
  id: Generated<string>;
  jurisdiction_id: string;
  kind: 'clinic' | 'school' | 'health_department' | 'dph';
  pin: string | null;
  name: string;
  clinic_type: string | null;
  medical_home: Generated<boolean>;
  town: string | null;
  address: JSONColumnType<Record<string, string>, string | undefined, string>;
  phone: string | null;
  served_towns: ColumnType<string[], string[] | undefined, string[]>;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface ClinicStaffTable {
  id: Generated<string>;
  organization_id: string;
  first_name: string;
  last_name: string;
  email: string;
  job_title: string | null;
  role: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  removed_at: NullableTimestamp;
  /** What the person does at the clinic (clinic tools' staff list). */
  staff_role: Generated<StaffRole>;
  license_type: Generated<string | null>;
  license_number: Generated<string | null>;
  license_state: Generated<string | null>;
  /** 'YYYY-MM-DD' */
  license_expires: Generated<string | null>;
  npi: Generated<string | null>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export type StaffRole = 'prescriber' | 'nurse' | 'medical_assistant' | 'coordinator' | 'other';

export interface OrganizationTables {
  jurisdictions: JurisdictionTable;
  towns: TownTable;
  organizations: OrganizationTable;
  clinic_staff: ClinicStaffTable;
}
