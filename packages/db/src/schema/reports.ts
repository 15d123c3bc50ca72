import type { Generated, JSONColumnType } from 'kysely';
import type { DateString, NullableTimestamp, Timestamp } from './columns.ts';

/** A saved reminder/recall cohort: named criteria a clinic reruns (reports module). */
export interface ReportCohortTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  criteria: JSONColumnType<Record<string, unknown>, string, string>;
  created_by: string;
  created_at: Generated<Date>;
}

/** A reminder/recall notice sent to a patient. */
export interface PatientNotificationTable {
  id: Generated<string>;
  patient_id: string;
  organization_id: string;
  method: 'letter' | 'phone' | 'email' | 'text';
  notified_on: DateString;
  vaccine_groups: Generated<string[]>;
  cohort_id: string | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

/** A clinic's reminder letter in one language. */
export interface LetterTemplateTable {
  organization_id: string;
  language: 'en' | 'es';
  body: string;
  updated_by: string;
  updated_at: Timestamp;
}

export interface ReportTables {
  report_cohorts: ReportCohortTable;
  patient_notifications: PatientNotificationTable;
  letter_templates: LetterTemplateTable;
  report_runs: ReportRunTable;
}

/** A long report run as a job: progress while it runs, the result kept for its requester. */
export interface ReportRunTable {
  id: Generated<string>;
  kind: 'coverage' | 'doses_administered' | 'letters' | 'labels' | 'call_list';
  params: JSONColumnType<Record<string, unknown>, string, string>;
  requested_by: string;
  membership_id: string;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  progress: Generated<number>;
  progress_note: string | null;
  result: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  error: string | null;
  queued_at: Timestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  /** A PDF run's file (migrations/20261211110100); its name and counts are in `result`. */
  result_file: Uint8Array | null;
}
