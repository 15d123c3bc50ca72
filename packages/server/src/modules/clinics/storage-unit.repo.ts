// SQL for storage_units: a clinic's refrigerators and freezers. The only file that touches the table.

import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, StorageUnitTable } from '@nutmeg/db';

type Db = Kysely<Database>;
export type StorageUnitRow = Selectable<StorageUnitTable>;

/** The clinic's units, active first, then by name. */
export function unitsOf(db: Db, organizationId: string): Promise<StorageUnitRow[]> {
  return db
    .selectFrom('storage_units')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('active', 'desc')
    .orderBy('name')
    .execute();
}

export function unitById(db: Db, id: string): Promise<StorageUnitRow | undefined> {
  return db.selectFrom('storage_units').selectAll().where('id', '=', id).executeTakeFirst();
}

export function unitsByIds(db: Db, ids: readonly string[]): Promise<StorageUnitRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('storage_units').selectAll().where('id', 'in', ids).execute();
}

export function insertUnit(db: Db, row: Insertable<StorageUnitTable>): Promise<StorageUnitRow> {
  return db.insertInto('storage_units').values(row).returningAll().executeTakeFirstOrThrow();
}

export interface UnitChange {
  name: string;
  kind: StorageUnitTable['kind'];
  make: string | null;
  model: string | null;
  data_logger_id: string | null;
  active: boolean;
}

/**
 * Applies an edit only to the version the editor read, at their clinic: the check and the write are one
 * statement, so of two concurrent edits of one version exactly one wins. Undefined when nothing matched.
 */
export function updateUnit(
  db: Db,
  where: { id: string; organizationId: string; version: number },
  change: UnitChange,
  now: Date,
): Promise<StorageUnitRow | undefined> {
  return db
    .updateTable('storage_units')
    .set((eb) => ({ ...change, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', where.id)
    .where('organization_id', '=', where.organizationId)
    .where('version', '=', where.version)
    .returningAll()
    .executeTakeFirst();
}
