// Bulk loading of people into the patients' tables (the synthetic population and the demo seed's named
// patients): one INSERT … SELECT FROM unnest(…) per table per batch. The loader (src/synthetic) calls this and
// immunizations' bulk load in one transaction; each module writes only its own tables.

import { sql } from 'kysely';
import { Columns, unnestSelect } from '@nutmeg/db';
import { childRows, masterColumns, type Db } from './patient.repo.ts';
import type { Patient } from './patient.types.ts';

/** One person to load: the master's id (chosen by the loader, so that its doses can name it) and who reported it. */
export interface BulkPatient {
  id: string;
  patient: Patient;
  jurisdictionId: string;
  /** The organization that reported the person (their first status; the source of the report). */
  sourceOrgId: string;
  /** The medical home, when the reporting clinic is one. */
  ownerOrgId: string | null;
}

/** The patients' tables a bulk load writes (their indexes may be built after the load). */
export const PATIENT_BULK_TABLES = [
  'patients',
  'patient_names',
  'patient_addresses',
  'patient_phones',
  'patient_guardians',
  'patient_identifiers',
  'patient_reports',
  'patient_org_status',
];

// Emails travel as one text per person (a text[] per row cannot be a column of unnest): joined by a unit separator.
const SEP = '\u001f';

const MASTER_TYPES = {
  id: 'uuid',
  jurisdiction_id: 'text',
  first_name: 'text',
  middle_name: 'text',
  last_name: 'text',
  suffix: 'text',
  dob: 'date',
  sex: 'text',
  multiple_birth: 'boolean',
  birth_order: 'smallint',
  mothers_maiden_name: 'text',
  race: 'text',
  ethnicity: 'text',
  language: 'text',
  emails: 'text',
  birth_state: 'text',
  birth_country: 'text',
  notes: 'text',
  first_norm: 'text',
  last_norm: 'text',
  first_soundex: 'text',
  last_soundex: 'text',
  mmn_norm: 'text',
  town: 'text',
  owner_org_id: 'uuid',
  created_org_id: 'uuid',
} as const;
const NAME_TYPES = {
  patient_id: 'uuid',
  type: 'text',
  first_name: 'text',
  middle_name: 'text',
  last_name: 'text',
  first_norm: 'text',
  last_norm: 'text',
  last_soundex: 'text',
} as const;
const ADDRESS_TYPES = {
  patient_id: 'uuid',
  street: 'text',
  street2: 'text',
  city: 'text',
  state: 'text',
  zip: 'text',
  county: 'text',
  type: 'text',
  current: 'boolean',
  street_norm: 'text',
  position: 'smallint',
} as const;
const PHONE_TYPES = { patient_id: 'uuid', number: 'text', use: 'text', position: 'smallint' } as const;
const GUARDIAN_TYPES = {
  patient_id: 'uuid',
  first_name: 'text',
  last_name: 'text',
  relationship: 'text',
  phone: 'text',
  first_norm: 'text',
  last_norm: 'text',
  position: 'smallint',
} as const;
const IDENTIFIER_TYPES = { patient_id: 'uuid', type: 'text', value: 'text', assigner: 'text' } as const;
const REPORT_TYPES = { patient_id: 'uuid', origin_patient_id: 'uuid', source_org_id: 'uuid', source_kind: 'text', data: 'jsonb' } as const;
const STATUS_TYPES = { patient_id: 'uuid', organization_id: 'uuid', status: 'text' } as const;

const columnsOf = <T extends Record<string, string>>(types: T) => new Columns(Object.keys(types) as Array<keyof T & string>);

function toColumns(people: readonly BulkPatient[]) {
  const c = {
    patients: columnsOf(MASTER_TYPES),
    names: columnsOf(NAME_TYPES),
    addresses: columnsOf(ADDRESS_TYPES),
    phones: columnsOf(PHONE_TYPES),
    guardians: columnsOf(GUARDIAN_TYPES),
    identifiers: columnsOf(IDENTIFIER_TYPES),
    reports: columnsOf(REPORT_TYPES),
    statuses: columnsOf(STATUS_TYPES),
  };
  for (const b of people) {
    const master = masterColumns(b.patient);
    c.patients.push({
      ...master,
      id: b.id,
      jurisdiction_id: b.jurisdictionId,
      emails: master.emails.join(SEP),
      owner_org_id: b.ownerOrgId,
      created_org_id: b.sourceOrgId,
    });
    const children = childRows(b.id, b.patient);
    for (const r of children.names) c.names.push(r);
    for (const r of children.addresses) c.addresses.push(r);
    for (const r of children.phones) c.phones.push(r);
    for (const r of children.guardians) c.guardians.push(r);
    for (const r of children.identifiers) c.identifiers.push(r);
    c.reports.push({
      patient_id: b.id,
      origin_patient_id: b.id,
      source_org_id: b.sourceOrgId,
      source_kind: 'generator',
      data: JSON.stringify(b.patient),
    });
    c.statuses.push({ patient_id: b.id, organization_id: b.sourceOrgId, status: 'active' });
  }
  return c;
}

/** Inserts a batch of people with their child rows, source reports and first clinic status. */
export async function insertPatientsBulk(db: Db, people: readonly BulkPatient[]): Promise<void> {
  if (people.length === 0) return;
  const c = toColumns(people);
  const emails = (v: ReturnType<typeof sql>) => sql`CASE WHEN ${v} = '' THEN '{}'::text[] ELSE string_to_array(${v}, chr(31)) END`;
  await db
    .insertInto('patients')
    .columns(c.patients.names)
    .expression(unnestSelect(c.patients, MASTER_TYPES, { emails }))
    .execute();
  if (c.names.length) await db.insertInto('patient_names').columns(c.names.names).expression(unnestSelect(c.names, NAME_TYPES)).execute();
  if (c.addresses.length)
    await db.insertInto('patient_addresses').columns(c.addresses.names).expression(unnestSelect(c.addresses, ADDRESS_TYPES)).execute();
  if (c.phones.length)
    await db.insertInto('patient_phones').columns(c.phones.names).expression(unnestSelect(c.phones, PHONE_TYPES)).execute();
  if (c.guardians.length)
    await db.insertInto('patient_guardians').columns(c.guardians.names).expression(unnestSelect(c.guardians, GUARDIAN_TYPES)).execute();
  if (c.identifiers.length)
    await db
      .insertInto('patient_identifiers')
      .columns(c.identifiers.names)
      .expression(unnestSelect(c.identifiers, IDENTIFIER_TYPES))
      .execute();
  await db.insertInto('patient_reports').columns(c.reports.names).expression(unnestSelect(c.reports, REPORT_TYPES)).execute();
  await db.insertInto('patient_org_status').columns(c.statuses.names).expression(unnestSelect(c.statuses, STATUS_TYPES)).execute();
}

/** Whether the registry has no patient yet (a load into empty tables may build its indexes afterwards). */
export async function noPatientsYet(db: Db): Promise<boolean> {
  return !(await db.selectFrom('patients').select('id').limit(1).executeTakeFirst());
}

/** A random sample of live records (the search benchmark searches for them). */
export async function samplePatients(db: Db, n: number) {
  const total = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM patients`.execute(db)).rows[0]?.n ?? 0;
  const percent = Math.min(100, Math.max(0.01, (n * 300) / Math.max(1, total)));
  const sample = (
    await sql<{ id: string; first_name: string; last_name: string; dob: string }>`SELECT id, first_name, last_name, dob::text AS dob
      FROM patients TABLESAMPLE SYSTEM (${percent}) WHERE merged_into IS NULL LIMIT ${n}`.execute(db)
  ).rows;
  return { total, sample };
}

/** Whether a record carries the identifier (a seed that ran once finds its marker patient). */
export async function identifierExists(db: Db, type: 'MR' | 'MA' | 'IIS', value: string): Promise<boolean> {
  const row = await db
    .selectFrom('patient_identifiers')
    .select('patient_id')
    .where('type', '=', type)
    .where('value', '=', value)
    .executeTakeFirst();
  return !!row;
}
