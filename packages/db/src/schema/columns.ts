import type { ColumnType } from 'kysely';

// Column types every schema file shares.

/** timestamptz: read as Date, written as Date or ISO string, defaulted by the database. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** DATE is parsed as a 'YYYY-MM-DD' string (see create-db.ts). */
export type DateString = string;
