import type { Generated, JSONColumnType } from 'kysely';
import type { NullableTimestamp, Timestamp } from './columns.ts';

// Owned by modules/jobs: background jobs.

export interface JobTable {
  id: Generated<string>;
  kind: string;
  payload: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  run_at: Timestamp;
  locked_by: string | null;
  locked_at: NullableTimestamp;
  attempts: Generated<number>;
  last_error: string | null;
  result: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface JobTables {
  jobs: JobTable;
}
