export { createDb, openPglite, type DbHandle, type DbOptions, type Engine } from './create-db.ts';
export { migrate, listMigrations, MIGRATIONS_DIR, type MigrationResult } from './migrate.ts';
export { acquireFolderLock } from './folder-lock.ts';
export type { Database } from './schema.ts';
export type * from './schema/foundation.ts';
export type * from './schema/patients.ts';
export type * from './schema/audit.ts';
export type * from './schema/recommender.ts';
