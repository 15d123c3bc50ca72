import type { Generated, JSONColumnType } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns.ts';

// Owned by modules/merges: one row per merge of two patient records, with what moved (so unmerge restores it).

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

export interface MergeTables {
  patient_merges: PatientMergeTable;
}
