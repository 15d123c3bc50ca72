// SQL for jurisdictions, towns and organizations (clinics, schools, health departments, DPH). The only file
// besides clinic-staff.repo.ts that touches this module's tables; other modules call organization.service.ts.

import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, JurisdictionTable, OrganizationTable } from '@nutmeg/db';

type Db = Kysely<Database>;

const FACTS = ['id', 'jurisdiction_id', 'kind', 'pin', 'name', 'clinic_type', 'medical_home', 'town', 'served_towns', 'active'] as const;

export function organizationsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organizations')
    .select(FACTS)
    .where('id', 'in', [...ids])
    .execute();
}
export type OrganizationRow = Awaited<ReturnType<typeof organizationsByIds>>[number];

/** PINs (and school / health department codes) compare upper-cased: "ct1001" is CT1001. */
export function organizationsByPins(db: Db, pins: readonly string[]): Promise<OrganizationRow[]> {
  if (pins.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organizations')
    .select(FACTS)
    .where(
      sql<string>`upper(pin)`,
      'in',
      pins.map((p) => p.trim().toUpperCase()),
    )
    .execute();
}

/** The jurisdiction's DPH organization (the oldest active one). */
export function dphOrganization(db: Db): Promise<OrganizationRow | undefined> {
  return db
    .selectFrom('organizations')
    .select(FACTS)
    .where('kind', '=', 'dph')
    .where('active', '=', true)
    .orderBy('created_at')
    .executeTakeFirst();
}

/** Active organizations of a kind, by PIN. */
export function activeOfKind(db: Db, kind: OrganizationTable['kind']): Promise<OrganizationRow[]> {
  return db.selectFrom('organizations').select(FACTS).where('kind', '=', kind).where('active', '=', true).orderBy('pin').execute();
}

/** Every organization that has a PIN, as PIN → id. */
export async function idsByPin(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('organizations').select(['id', 'pin']).where('pin', 'is not', null).execute();
  return new Map(rows.map((r) => [r.pin!, r.id]));
}

/** Adds an organization unless one has its PIN already. */
export async function insertOrganizationUnlessPinExists(db: Db, o: Insertable<OrganizationTable>): Promise<void> {
  await db
    .insertInto('organizations')
    .values(o)
    .onConflict((oc) => oc.column('pin').doNothing())
    .execute();
}

export function jurisdictionById(db: Db, id: string) {
  return db.selectFrom('jurisdictions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The first jurisdiction (an install serves one). */
export function firstJurisdiction(db: Db) {
  return db.selectFrom('jurisdictions').selectAll().orderBy('id').executeTakeFirst();
}

export async function insertJurisdictionUnlessExists(db: Db, j: JurisdictionTable): Promise<void> {
  await db
    .insertInto('jurisdictions')
    .values(j)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function insertTownsUnlessExist(
  db: Db,
  jurisdictionId: string,
  towns: ReadonlyArray<{ name: string; county: string | null; zipCodes: string[] }>,
): Promise<void> {
  if (towns.length === 0) return;
  await db
    .insertInto('towns')
    .values(towns.map((t) => ({ jurisdiction_id: jurisdictionId, name: t.name, county: t.county, zip_codes: t.zipCodes })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The facts of a clinic's profile that live on its organization row (clinic tools edits them). */
export function clinicFactsById(db: Db, id: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'pin', 'name', 'clinic_type', 'medical_home', 'town', 'address', 'phone', 'active'])
    .where('id', '=', id)
    .where('kind', '=', 'clinic')
    .executeTakeFirst();
}

export async function updateClinicFacts(
  db: Db,
  id: string,
  facts: { name: string; town: string | null; address: Record<string, string>; phone: string | null },
): Promise<void> {
  await db
    .updateTable('organizations')
    .set({ name: facts.name, town: facts.town, address: JSON.stringify(facts.address), phone: facts.phone })
    .where('id', '=', id)
    .where('kind', '=', 'clinic')
    .execute();
}

/** DPH's program facts of a clinic: its type and whether it is a medical home. */
export async function updateClinicProgramFacts(db: Db, id: string, facts: { clinicType: string; medicalHome: boolean }): Promise<void> {
  await db
    .updateTable('organizations')
    .set({ clinic_type: facts.clinicType, medical_home: facts.medicalHome })
    .where('id', '=', id)
    .where('kind', '=', 'clinic')
    .execute();
}

/** Each town of a jurisdiction with its county (coverage by county). */
export async function townCounties(db: Db): Promise<Map<string, string | null>> {
  const rows = await db.selectFrom('towns').select(['name', 'county']).execute();
  return new Map(rows.map((r) => [r.name, r.county]));
}

/**
 * Registers a clinic under the next free PIN of the jurisdiction's prefix ("CT" + the highest number + 1). A
 * transaction-scoped advisory lock serializes allocations, so two DPH users enrolling at once get two PINs.
 */
export async function insertClinicWithNewPin(
  db: Db,
  prefix: string,
  o: Omit<Insertable<OrganizationTable>, 'pin' | 'kind'>,
): Promise<OrganizationRow> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('organizations.pin'))`.execute(db);
  const pattern = `^${prefix}([0-9]+)$`;
  const top = await sql<{ n: number | null }>`
    SELECT max(substring(pin from ${pattern})::int) AS n FROM organizations WHERE pin ~ ${pattern}`.execute(db);
  const next = Math.max(Number(top.rows[0]?.n ?? 0), 1000) + 1;
  return db
    .insertInto('organizations')
    .values({ ...o, kind: 'clinic', pin: `${prefix}${next}` })
    .returning(FACTS)
    .executeTakeFirstOrThrow();
}

/** Marks an active clinic inactive; undefined when it is not an active clinic (of two concurrent calls, one wins). */
export function deactivateClinic(db: Db, id: string) {
  return db
    .updateTable('organizations')
    .set({ active: false })
    .where('id', '=', id)
    .where('kind', '=', 'clinic')
    .where('active', '=', true)
    .returning(FACTS)
    .executeTakeFirst();
}

/** Every clinic, active or not, by PIN (DPH's clinic list shows deactivated ones on request). */
export function allClinics(db: Db): Promise<OrganizationRow[]> {
  return db.selectFrom('organizations').select(FACTS).where('kind', '=', 'clinic').orderBy('pin').execute();
}
