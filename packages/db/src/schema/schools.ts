import type { ColumnType, Generated } from 'kysely';
import type { DateString, NullableTimestamp, Timestamp } from './columns.ts';

export type SchoolGrade = 'PK' | 'K' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12';
export type RosterMatchStatus = 'linked' | 'review' | 'unmatched';

/** A student on a school's roster for one school year (schools module). */
export interface SchoolRosterEntryTable {
  id: Generated<string>;
  school_id: string;
  /** The calendar year the school year starts in (2026 = 2026–27). */
  school_year: number;
  student_id: string;
  grade: SchoolGrade;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  dob: DateString;
  sex: 'F' | 'M' | 'U';
  guardian: string | null;
  address: string | null;
  patient_id: string | null;
  match_status: RosterMatchStatus;
  match_reason: string;
  match_score: number | null;
  matched_by: 'auto' | 'nurse' | null;
  row_hash: string;
  removed_at: NullableTimestamp;
  removed_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SchoolMatchCandidateTable {
  entry_id: string;
  patient_id: string;
  score: number;
  reasons: string[];
}

export interface RosterUploadError {
  line: number;
  field: string;
  message: string;
}

export interface SchoolRosterUploadTable {
  id: Generated<string>;
  school_id: string;
  school_year: number;
  file_name: string;
  uploaded_by: string;
  uploaded_at: Timestamp;
  rows_total: Generated<number>;
  linked: Generated<number>;
  review: Generated<number>;
  unmatched: Generated<number>;
  unchanged: Generated<number>;
  errors: ColumnType<RosterUploadError[], string | undefined, string>;
}

export interface SchoolExemptionTable {
  id: Generated<string>;
  school_id: string;
  student_id: string;
  kind: 'medical' | 'religious';
  document_date: DateString;
  expires_on: DateString | null;
  /** The vaccine groups it covers; null: every requirement. */
  vaccine_groups: string[] | null;
  note: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
  cleared_at: NullableTimestamp;
  cleared_reason: string | null;
}

export interface SchoolEntryRequirementTable {
  jurisdiction_id: string;
  from_school_year: number;
  grade: SchoolGrade;
  label: string;
  vaccine_group: string;
  antigen: string;
  doses: number;
  counted_from_age: string | null;
  last_dose_min_age: string | null;
  min_span: string | null;
  required_below_age: string | null;
  position: number;
  /** Seasonal (influenza): doses count from this day of the school year ('MM-DD'), and are in process until `season_due`. */
  season_from: string | null;
  season_due: string | null;
}

/** The version of a jurisdiction's requirements for a school year (every change bumps it). */
export interface SchoolRequirementYearTable {
  jurisdiction_id: string;
  school_year: number;
  version: Generated<number>;
  updated_at: NullableTimestamp;
  updated_by: string | null;
}

/** One change of the requirements (add, edit, remove, copy), with the requirement before and after. */
export interface SchoolRequirementChangeTable {
  id: Generated<string>;
  jurisdiction_id: string;
  school_year: number;
  version: number;
  action: 'add' | 'edit' | 'remove' | 'copy';
  grade: SchoolGrade | null;
  label: string | null;
  before: ColumnType<Record<string, unknown> | null, string | null, never>;
  after: ColumnType<Record<string, unknown> | null, string | null, never>;
  changed_by: string;
  changed_by_username: string;
  changed_at: Generated<Date>;
}

export interface SchoolTables {
  school_roster_entries: SchoolRosterEntryTable;
  school_match_candidates: SchoolMatchCandidateTable;
  school_roster_uploads: SchoolRosterUploadTable;
  school_exemptions: SchoolExemptionTable;
  school_entry_requirements: SchoolEntryRequirementTable;
  school_requirement_years: SchoolRequirementYearTable;
  school_requirement_changes: SchoolRequirementChangeTable;
}
