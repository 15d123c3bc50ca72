export {
  createDb,
  openPool,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  type DbHandle,
  type DbOptions,
  type Engine,
  type PoolOptions,
} from './create-db.ts';
export { describeDatabaseFailure } from './db-errors.ts';
export { clusterDir, connectDataFolder, isPgliteFolder } from './data-folder.ts';
export { restoreBackup, writeBackup } from './backup.ts';
export {
  analyzeTables,
  Columns,
  isSuperuser,
  skipForeignKeyChecks,
  unnestSelect,
  uuid7,
  withDeferredIndexes,
  type ColumnExpression,
} from './bulk.ts';
export { movePatientRows, movePatientRowsBack, patientRowIds, type PatientRowTable } from './patient-rows.ts';
export { migrate, listMigrations, MIGRATIONS_DIR, type MigrationResult } from './migrate.ts';
export type { Database } from './schema.ts';
export type * from './schema/columns.ts';
export type * from './schema/access.ts';
export type * from './schema/accounts.ts';
export type * from './schema/audit.ts';
export type * from './schema/clinics.ts';
export type * from './schema/hl7.ts';
export type * from './schema/immunizations.ts';
export type * from './schema/inventory.ts';
export type * from './schema/jobs.ts';
export type * from './schema/mail.ts';
export type * from './schema/organizations.ts';
export type * from './schema/patients.ts';
export type * from './schema/recommender.ts';
export type * from './schema/reports.ts';
export type * from './schema/schools.ts';
