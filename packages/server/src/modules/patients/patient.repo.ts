// SQL for patients: master rows and their child rows (names, addresses, phones, guardians, identifiers).
// Search is in patient-search.repo.ts, statuses in patient-status.repo.ts, history in patient-history.repo.ts.

import type { Kysely, Selectable } from 'kysely';
import type { Database, PatientTable } from '@nutmeg/db';
import { maidenKey, nameKeys, normalizeName, normalizePhone, normalizeStreet } from './patient-keys.ts';
import type { Patient } from './patient.types.ts';

export type Db = Kysely<Database>;

/** Which masters a caller may see (services build it from the actor). */
export interface Visibility {
  /** DPH sees opted-out records; nobody else does. */
  includeOptedOut: boolean;
  /** Local health directors: residents of these towns only. */
  towns?: readonly string[] | undefined;
  /** School users: the students on their school's roster only. */
  patientIds?: readonly string[] | undefined;
}

/** Master columns derived from a domain Patient (names, keys, town of the current address). */
export function masterColumns(p: Patient) {
  const current = p.addresses.find((a) => a.current) ?? p.addresses[0];
  return {
    first_name: p.name.first,
    middle_name: p.name.middle ?? null,
    last_name: p.name.last,
    suffix: p.name.suffix ?? null,
    dob: p.dob,
    sex: p.sex,
    multiple_birth: p.multipleBirth,
    birth_order: p.birthOrder ?? null,
    mothers_maiden_name: p.mothersMaidenName ?? null,
    race: p.race ?? null,
    ethnicity: p.ethnicity ?? null,
    language: p.language ?? null,
    emails: p.emails,
    birth_state: p.birthState ?? null,
    birth_country: p.birthCountry ?? null,
    notes: p.notes ?? null,
    ...nameKeys(p.name.first, p.name.last),
    mmn_norm: maidenKey(p.mothersMaidenName),
    town: current?.city ?? null,
  };
}

/** The child-table rows of a patient (aliases, addresses, phones, guardians, non-IIS identifiers) with their match keys. */
export function childRows(patientId: string, p: Patient) {
  return {
    names: p.aliases.map((a) => {
      const k = nameKeys(a.first, a.last);
      return {
        patient_id: patientId,
        type: a.type,
        first_name: a.first,
        middle_name: a.middle ?? null,
        last_name: a.last,
        first_norm: k.first_norm,
        last_norm: k.last_norm,
        last_soundex: k.last_soundex,
      };
    }),
    addresses: p.addresses.map((a, i) => ({
      patient_id: patientId,
      street: a.street,
      street2: a.street2 ?? null,
      city: a.city,
      state: a.state,
      zip: a.zip,
      county: a.county ?? null,
      type: a.type,
      current: a.current,
      street_norm: normalizeStreet(a.street),
      position: i,
    })),
    phones: p.phones.map((ph, i) => ({ patient_id: patientId, number: normalizePhone(ph.number), use: ph.use, position: i })),
    guardians: p.guardians.map((g, i) => ({
      patient_id: patientId,
      first_name: g.name.first,
      last_name: g.name.last,
      relationship: g.relationship,
      phone: g.phone ? normalizePhone(g.phone) : null,
      first_norm: normalizeName(g.name.first),
      last_norm: normalizeName(g.name.last),
      position: i,
    })),
    identifiers: p.identifiers
      .filter((i) => i.type !== 'IIS')
      .map((i) => ({ patient_id: patientId, type: i.type, value: i.value, assigner: i.assigner })),
  };
}

/** Inserts the child rows of a patient (after deleting the old ones when replacing). */
export async function insertChildren(db: Db, patientId: string, p: Patient): Promise<void> {
  const rows = childRows(patientId, p);
  if (rows.names.length) await db.insertInto('patient_names').values(rows.names).execute();
  if (rows.addresses.length) await db.insertInto('patient_addresses').values(rows.addresses).execute();
  if (rows.phones.length) await db.insertInto('patient_phones').values(rows.phones).execute();
  if (rows.guardians.length) await db.insertInto('patient_guardians').values(rows.guardians).execute();
  if (rows.identifiers.length) await db.insertInto('patient_identifiers').values(rows.identifiers).execute();
}

/** Replaces the demographic child rows (aliases, addresses, phones, guardians, non-IIS identifiers) with the patient's. */
export async function replaceChildren(db: Db, patientId: string, p: Patient): Promise<void> {
  for (const t of ['patient_names', 'patient_addresses', 'patient_phones', 'patient_guardians'] as const)
    await db.deleteFrom(t).where('patient_id', '=', patientId).execute();
  await db.deleteFrom('patient_identifiers').where('patient_id', '=', patientId).where('type', '!=', 'IIS').execute();
  await insertChildren(db, patientId, p);
}

/** Inserts a new master; returns its id and IIS id. */
export function insertMaster(
  db: Db,
  m: { cols: ReturnType<typeof masterColumns>; jurisdictionId: string; createdBy: string | null; createdOrgId: string; at: Date },
) {
  return db
    .insertInto('patients')
    .values({
      ...m.cols,
      jurisdiction_id: m.jurisdictionId,
      created_by: m.createdBy,
      created_org_id: m.createdOrgId,
      created_at: m.at,
      updated_at: m.at,
    })
    .returning(['id', 'iis_id'])
    .executeTakeFirstOrThrow();
}

/** What record scope is decided on, for one master (undefined if there is none). */
export async function visibilityFacts(db: Db, id: string) {
  const row = await db
    .selectFrom('patients as p')
    .select(['p.id', 'p.opted_out', 'p.town', 'p.merged_into'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  return row && { id: row.id, optedOut: row.opted_out, town: row.town, mergedInto: row.merged_into };
}

export interface PatientRows {
  row: Selectable<PatientTable>;
  names: Array<Selectable<Database['patient_names']>>;
  addresses: Array<{
    id: string;
    street: string;
    street2: string | null;
    city: string;
    state: string;
    zip: string;
    county: string | null;
    type: 'H' | 'M' | 'BA' | 'BR';
    current: boolean;
  }>;
  phones: Array<{ id: string; number: string; use: 'PRN' | 'ORN' | 'WPN' | 'CP' }>;
  guardians: Array<{ id: string; first_name: string; last_name: string; relationship: string; phone: string | null }>;
  identifiers: Array<{ id: string; type: 'IIS' | 'MR' | 'MA'; value: string; assigner: string }>;
}

/** The master's own row only; `lock` locks it for the rest of the transaction (FOR UPDATE) in the same read. */
export async function loadPatientRow(db: Db, id: string, lock = false): Promise<Pick<PatientRows, 'row'> | undefined> {
  const q = db.selectFrom('patients').selectAll().where('id', '=', id);
  const row = await (lock ? q.forUpdate() : q).executeTakeFirst();
  return row && { row };
}

export async function loadPatientRows(db: Db, id: string): Promise<PatientRows | undefined> {
  const row = await db.selectFrom('patients').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [names, addresses, phones, guardians, identifiers] = await Promise.all([
    db.selectFrom('patient_names').selectAll().where('patient_id', '=', id).execute(),
    addressesOf(db, id),
    db.selectFrom('patient_phones').select(['id', 'number', 'use']).where('patient_id', '=', id).orderBy('position').execute(),
    db
      .selectFrom('patient_guardians')
      .select(['id', 'first_name', 'last_name', 'relationship', 'phone'])
      .where('patient_id', '=', id)
      .orderBy('position')
      .execute(),
    db.selectFrom('patient_identifiers').select(['id', 'type', 'value', 'assigner']).where('patient_id', '=', id).execute(),
  ]);
  return { row, names, addresses, phones, guardians, identifiers };
}

function addressesOf(db: Db, id: string) {
  return db
    .selectFrom('patient_addresses')
    .select(['id', 'street', 'street2', 'city', 'state', 'zip', 'county', 'type', 'current'])
    .where('patient_id', '=', id)
    .orderBy('position')
    .execute();
}

/** The master's row and addresses (what an HL7 query answer shows of the person): two round trips, not six. */
export async function loadPatientRowAndAddresses(db: Db, id: string): Promise<Pick<PatientRows, 'row' | 'addresses'> | undefined> {
  const found = await loadPatientRow(db, id);
  return found && { row: found.row, addresses: await addressesOf(db, id) };
}

/** The domain Patient of stored rows (IIS id first among identifiers). */
export function toPatient(r: PatientRows): Patient {
  const p = r.row;
  return {
    id: p.id,
    name: {
      first: p.first_name,
      ...(p.middle_name ? { middle: p.middle_name } : {}),
      last: p.last_name,
      ...(p.suffix ? { suffix: p.suffix } : {}),
    },
    aliases: r.names.map((n) => ({
      type: n.type,
      first: n.first_name,
      ...(n.middle_name ? { middle: n.middle_name } : {}),
      last: n.last_name,
    })),
    dob: p.dob,
    sex: p.sex,
    multipleBirth: p.multiple_birth,
    ...(p.birth_order ? { birthOrder: p.birth_order } : {}),
    ...(p.mothers_maiden_name ? { mothersMaidenName: p.mothers_maiden_name } : {}),
    ...(p.race ? { race: p.race as Patient['race'] } : {}),
    ...(p.ethnicity ? { ethnicity: p.ethnicity as Patient['ethnicity'] } : {}),
    ...(p.language ? { language: p.language } : {}),
    addresses: r.addresses.map((a) => ({
      street: a.street,
      ...(a.street2 ? { street2: a.street2 } : {}),
      city: a.city,
      state: a.state,
      zip: a.zip,
      ...(a.county ? { county: a.county } : {}),
      type: a.type,
      current: a.current,
    })),
    phones: r.phones.map((ph) => ({ number: ph.number, use: ph.use })),
    emails: p.emails,
    guardians: r.guardians.map((g) => ({
      name: { first: g.first_name, last: g.last_name },
      relationship: g.relationship as Patient['guardians'][number]['relationship'],
      ...(g.phone ? { phone: g.phone } : {}),
    })),
    identifiers: [{ type: 'IIS', value: p.iis_id, assigner: p.jurisdiction_id }, ...r.identifiers],
    ...(p.birth_state ? { birthState: p.birth_state } : {}),
    ...(p.birth_country ? { birthCountry: p.birth_country } : {}),
    ...(p.notes ? { notes: p.notes } : {}),
  };
}
