// SQL on hl7_interfaces and hl7_interface_clinics (owned by modules/hl7).
import type { Kysely, Selectable } from 'kysely';
import type { Database, Hl7InterfaceTable } from '@nutmeg/db';

export type Db = Kysely<Database>;
export type InterfaceRow = Selectable<Hl7InterfaceTable>;
export interface InterfaceClinic {
  organizationId: string;
  isDefault: boolean;
}

export async function insertInterface(
  db: Db,
  row: Omit<InterfaceRow, 'id' | 'version' | 'created_at' | 'updated_at'> & { at: Date },
  clinics: readonly InterfaceClinic[],
): Promise<InterfaceRow> {
  const { at, ...cols } = row;
  const created = await db
    .insertInto('hl7_interfaces')
    .values({ ...cols, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  await replaceClinics(db, created.id, clinics);
  return created;
}

export async function replaceClinics(db: Db, interfaceId: string, clinics: readonly InterfaceClinic[]): Promise<void> {
  await db.deleteFrom('hl7_interface_clinics').where('interface_id', '=', interfaceId).execute();
  if (clinics.length === 0) return;
  await db
    .insertInto('hl7_interface_clinics')
    .values(clinics.map((c) => ({ interface_id: interfaceId, organization_id: c.organizationId, is_default: c.isDefault })))
    .execute();
}

export function interfaceById(db: Db, id: string): Promise<InterfaceRow | undefined> {
  return db.selectFrom('hl7_interfaces').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function interfacesByIds(db: Db, ids: readonly string[]): Promise<InterfaceRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('hl7_interfaces').selectAll().where('id', 'in', ids).execute();
}

export function interfaceByUsername(db: Db, username: string): Promise<InterfaceRow | undefined> {
  return db.selectFrom('hl7_interfaces').selectAll().where('username', '=', username).executeTakeFirst();
}

export function interfaceBySecretHash(db: Db, hash: string): Promise<InterfaceRow | undefined> {
  return db.selectFrom('hl7_interfaces').selectAll().where('secret_hash', '=', hash).executeTakeFirst();
}

export function interfaceBySender(db: Db, application: string, facility: string): Promise<InterfaceRow | undefined> {
  return db
    .selectFrom('hl7_interfaces')
    .selectAll()
    .where('sending_application', '=', application)
    .where('sending_facility', '=', facility)
    .executeTakeFirst();
}

/** Every interface, or those sending for one of the given organizations. */
export async function listInterfaces(db: Db, organizationIds?: readonly string[]): Promise<InterfaceRow[]> {
  let q = db.selectFrom('hl7_interfaces').selectAll().orderBy('name');
  if (organizationIds) {
    if (organizationIds.length === 0) return [];
    q = q.where('id', 'in', (sub) =>
      sub.selectFrom('hl7_interface_clinics').select('interface_id').where('organization_id', 'in', organizationIds),
    );
  }
  return q.execute();
}

export async function clinicsOf(db: Db, interfaceIds: readonly string[]): Promise<Map<string, InterfaceClinic[]>> {
  const out = new Map<string, InterfaceClinic[]>();
  if (interfaceIds.length === 0) return out;
  const rows = await db
    .selectFrom('hl7_interface_clinics')
    .select(['interface_id', 'organization_id', 'is_default'])
    .where('interface_id', 'in', interfaceIds)
    .orderBy('is_default', 'desc')
    .orderBy('organization_id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.interface_id) ?? [];
    list.push({ organizationId: r.organization_id, isDefault: r.is_default });
    out.set(r.interface_id, list);
  }
  return out;
}

/** Changes the editable columns at the version the editor saw; undefined when someone else changed it first. */
export function updateInterfaceAtVersion(
  db: Db,
  id: string,
  version: number,
  cols: Partial<Pick<InterfaceRow, 'name' | 'status' | 'contact_name' | 'contact_email' | 'contact_phone' | 'secret_hash'>>,
  at: Date,
): Promise<InterfaceRow | undefined> {
  return db
    .updateTable('hl7_interfaces')
    .set((eb) => ({ ...cols, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
