// SQL over many patients at once, for the forecast store and reports: demographics by id and the id ranges a
// backfill walks. Record-level scope is the caller's (reports pass the actor's population filter).
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '@nutmeg/db';
import type { Db } from './patient.repo.ts';

export interface ForecastDemographics {
  id: string;
  dob: string;
  sex: string;
  birthCountry: string | null;
}

/** DOB, sex and country of birth of the live (not merged-away) records among `ids`. */
export async function forecastDemographicsOf(db: Db, ids: readonly string[]): Promise<ForecastDemographics[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('patients')
    .select(['id', 'dob', 'sex', 'birth_country'])
    .where('id', '=', sql<string>`ANY(${[...ids]}::uuid[])`)
    .where('merged_into', 'is', null)
    .execute();
  return rows.map((r) => ({ id: r.id, dob: r.dob, sex: r.sex, birthCountry: r.birth_country }));
}

/** Live patient ids after `afterId` in id order (a backfill's pages; resumable from the last id). */
export async function livePatientIdsAfter(db: Db, afterId: string | null, limit: number): Promise<string[]> {
  let q = db.selectFrom('patients').select('id').where('merged_into', 'is', null);
  if (afterId) q = q.where('id', '>', afterId);
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

export async function countLivePatients(db: Db): Promise<number> {
  const r = await db
    .selectFrom('patients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('merged_into', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface ReminderPerson {
  id: string;
  iisId: string;
  firstName: string;
  lastName: string;
  dob: string;
  language: string | null;
  street: string | null;
  street2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  phone: string | null;
  guardian: string | null;
  /** Every phone of the patient, in the record's order, with its HL7 use code (PRN, CP, …). */
  phones: Array<{ number: string; use: string }>;
  /** Every guardian/contact, in order, with the relationship code and their phone (if any). */
  guardians: Array<{ name: string; relationship: string; phone: string | null }>;
}

/**
 * EXISTS a status row of the patient (`patient`: the outer query's id column) at the organization: `active` its
 * active status, `inactive` a status other than active (moved, not our patient…), `any` any status. One spelling for
 * the population queries, each planned as a semi-join on the status table's (patient, organization) key.
 */
function statusAt(patient: 'patients.id' | 'p.id', organizationId: string, status: 'active' | 'inactive' | 'any') {
  const which = status === 'active' ? sql` AND st.status = 'active'` : status === 'inactive' ? sql` AND st.status <> 'active'` : sql``;
  return sql<boolean>`EXISTS (SELECT 1 FROM patient_org_status st WHERE st.patient_id = ${sql.ref(patient)} AND st.organization_id = ${organizationId}${which})`;
}

export interface ReminderPopulationFilter {
  organizationId: string;
  ownedOnly: boolean;
  dobFrom: string;
  dobTo: string;
}

/**
 * The ids of a clinic's patients for reminder/recall, as a subquery other owners' SQL may embed (the forecast store
 * joins it, so a clinic's list is one statement, not an id list sent back and forth): owned by the clinic (or,
 * unless `ownedOnly`, active there), born in [dobFrom, dobTo]; never merged-away, deceased, moved out of the
 * jurisdiction, opted-out, or inactive at the clinic. A UNION of the two ways in, each read through its own index
 * (an OR over a left join read every child of the state to find one clinic's).
 */
export function reminderPopulationIds(db: Db, f: ReminderPopulationFilter) {
  const live = <Q extends SelectQueryBuilder<Database, 'patients', object>>(q: Q) =>
    q
      .where('patients.merged_into', 'is', null)
      .where('patients.opted_out', '=', false)
      .where('patients.jurisdiction_status', '=', 'active')
      .where('patients.dob', '>=', f.dobFrom)
      .where('patients.dob', '<=', f.dobTo);
  const owned = live(db.selectFrom('patients').where('patients.owner_org_id', '=', f.organizationId))
    .where(sql<boolean>`NOT ${statusAt('patients.id', f.organizationId, 'inactive')}`)
    .select('patients.id');
  if (f.ownedOnly) return owned;
  const active = live(db.selectFrom('patients'))
    .where(statusAt('patients.id', f.organizationId, 'active'))
    .select('patients.id');
  return owned.union(active);
}

/**
 * A clinic's patients for reminder/recall (see `reminderPopulationIds`), by name, with the current address, first
 * phone and first guardian, and every phone and guardian (call lists); `among`: only these of them.
 */
export async function reminderPopulation(db: Db, f: ReminderPopulationFilter & { among?: readonly string[] }): Promise<ReminderPerson[]> {
  if (f.among && f.among.length === 0) return [];
  let q = db
    .selectFrom('patients as p')
    .select(['p.id', 'p.iis_id', 'p.first_name', 'p.last_name', 'p.dob', 'p.language'])
    .where('p.id', 'in', reminderPopulationIds(db, f));
  if (f.among) q = q.where('p.id', '=', sql<string>`ANY(${[...f.among]}::uuid[])`);
  const people = await q.orderBy('p.last_name').orderBy('p.first_name').orderBy('p.id').execute();
  const ids = people.map((p) => p.id);
  if (ids.length === 0) return [];
  const any = sql<string>`ANY(${ids}::uuid[])`;
  const [addresses, phones, guardians] = await Promise.all([
    db
      .selectFrom('patient_addresses')
      .select(['patient_id', 'street', 'street2', 'city', 'state', 'zip', 'current', 'position'])
      .where('patient_id', '=', any)
      .orderBy('patient_id')
      .orderBy('current', 'desc')
      .orderBy('position')
      .execute(),
    db.selectFrom('patient_phones').select(['patient_id', 'number', 'use']).where('patient_id', '=', any).orderBy('position').execute(),
    db
      .selectFrom('patient_guardians')
      .select(['patient_id', 'first_name', 'last_name', 'relationship', 'phone'])
      .where('patient_id', '=', any)
      .orderBy('position')
      .execute(),
  ]);
  const first = <T extends { patient_id: string }>(rows: T[]) => {
    const m = new Map<string, T>();
    for (const r of rows) if (!m.has(r.patient_id)) m.set(r.patient_id, r);
    return m;
  };
  const all = <T extends { patient_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const list = m.get(r.patient_id);
      if (list) list.push(r);
      else m.set(r.patient_id, [r]);
    }
    return m;
  };
  const addr = first(addresses);
  const phonesOf = all(phones);
  const guardiansOf = all(guardians);
  return people.map((p) => {
    const a = addr.get(p.id);
    const ph = phonesOf.get(p.id) ?? [];
    const gs = (guardiansOf.get(p.id) ?? []).map((g) => ({
      name: `${g.first_name} ${g.last_name}`,
      relationship: g.relationship,
      phone: g.phone,
    }));
    return {
      id: p.id,
      iisId: p.iis_id,
      firstName: p.first_name,
      lastName: p.last_name,
      dob: p.dob,
      language: p.language,
      street: a?.street ?? null,
      street2: a?.street2 ?? null,
      city: a?.city ?? null,
      state: a?.state ?? null,
      zip: a?.zip ?? null,
      phone: ph[0]?.number ?? null,
      guardian: gs[0]?.name ?? null,
      phones: ph.map((r) => ({ number: r.number, use: r.use })),
      guardians: gs,
    };
  });
}

/** Whose residents a population report counts (record scope, decided by the reports policy). */
export type PopulationScope =
  | { kind: 'all'; includeOptedOut: boolean }
  | { kind: 'clinic'; organizationId: string }
  | { kind: 'towns'; towns: readonly string[] }
  | { kind: 'linked'; organizationId: string };

export interface CoveragePerson {
  id: string;
  name: string;
  dob: string;
  town: string | null;
  ownerOrgId: string | null;
}

type CohortFilter = { dobFrom: string; dobTo: string; scope: PopulationScope };

/**
 * Living residents of the jurisdiction born in [dobFrom, dobTo] within a scope: a clinic's active patients (owned
 * and not inactive there, or active there), residents of towns, students linked to a school, or everyone
 * (opted-out records only when the scope includes them; coverage never does).
 */
function cohortQuery(db: Db, f: CohortFilter) {
  let q = db
    .selectFrom('patients as p')
    .where('p.merged_into', 'is', null)
    .where('p.jurisdiction_status', '=', 'active')
    .where('p.dob', '>=', f.dobFrom)
    .where('p.dob', '<=', f.dobTo);
  const s = f.scope;
  if (!(s.kind === 'all' && s.includeOptedOut)) q = q.where('p.opted_out', '=', false);
  if (s.kind === 'towns') q = s.towns.length ? q.where('p.town', 'in', [...s.towns]) : q.where(sql<boolean>`false`);
  if (s.kind === 'clinic' || s.kind === 'linked') {
    const org = s.organizationId;
    q = q.where((eb) => {
      const linked = statusAt('p.id', org, 'active');
      if (s.kind === 'linked') return linked;
      // A clinic counts its active patients: owned and not marked inactive there (taking ownership back does not
      // reactivate; the same rule as reminderPopulationIds), or active there.
      return eb.or([eb.and([eb('p.owner_org_id', '=', org), eb.not(statusAt('p.id', org, 'inactive'))]), linked]);
    });
  }
  return q;
}

/** The coverage cohort (see `cohortQuery`) by name, with town and medical home. */
export async function coveragePopulation(db: Db, f: CohortFilter): Promise<CoveragePerson[]> {
  const rows = await cohortQuery(db, f)
    .select(['p.id', 'p.first_name', 'p.last_name', 'p.dob', 'p.town', 'p.owner_org_id'])
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: `${r.first_name} ${r.last_name}`, dob: r.dob, town: r.town, ownerOrgId: r.owner_org_id }));
}

/** The same cohort's ids and birth dates as a subquery the forecast store embeds (coverage counted in one statement). */
export function coverageCohort(db: Db, f: CohortFilter) {
  return cohortQuery(db, f).select(['p.id', 'p.dob']);
}

export interface InactivePatient {
  id: string;
  name: string;
  dob: string;
  status: string;
  reason: string | null;
  since: string | null;
}

/** Patients a clinic marked inactive (moved or not its patient), with the reason and when. */
export async function inactiveAtOrganization(db: Db, organizationId: string): Promise<InactivePatient[]> {
  const rows = await db
    .selectFrom('patient_org_status as s')
    .innerJoin('patients as p', 'p.id', 's.patient_id')
    .select(['p.id', 'p.first_name', 'p.last_name', 'p.dob', 's.status', 's.reason', 's.changed_at'])
    .where('s.organization_id', '=', organizationId)
    .where('s.status', '<>', 'active')
    .where('p.merged_into', 'is', null)
    .where('p.opted_out', '=', false)
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: `${r.first_name} ${r.last_name}`,
    dob: r.dob,
    status: r.status,
    reason: r.reason,
    since: new Date(r.changed_at).toISOString().slice(0, 10),
  }));
}

/** Patients inactive in the jurisdiction (moved away, deceased) within a population scope, with the latest reason. */
export async function inactiveInJurisdiction(db: Db, scope: PopulationScope): Promise<InactivePatient[]> {
  let q = db
    .selectFrom('patients as p')
    .select(['p.id', 'p.first_name', 'p.last_name', 'p.dob', 'p.jurisdiction_status', 'p.deceased_date'])
    .select((eb) =>
      eb
        .selectFrom('patient_status_history as h')
        .select('h.reason')
        .whereRef('h.patient_id', '=', 'p.id')
        .where('h.scope', '=', 'jurisdiction')
        .orderBy('h.at', 'desc')
        .limit(1)
        .as('reason'),
    )
    .where('p.merged_into', 'is', null)
    .where('p.jurisdiction_status', '<>', 'active');
  if (!(scope.kind === 'all' && scope.includeOptedOut)) q = q.where('p.opted_out', '=', false);
  if (scope.kind === 'towns') q = scope.towns.length ? q.where('p.town', 'in', [...scope.towns]) : q.where(sql<boolean>`false`);
  if (scope.kind === 'clinic' || scope.kind === 'linked') {
    const org = scope.organizationId;
    q = q.where((eb) => eb.or([eb('p.owner_org_id', '=', org), statusAt('p.id', org, 'any')]));
  }
  const rows = await q.orderBy('p.last_name').orderBy('p.first_name').limit(50_000).execute();
  return rows.map((r) => ({
    id: r.id,
    name: `${r.first_name} ${r.last_name}`,
    dob: r.dob,
    status: r.jurisdiction_status,
    reason: r.reason ?? null,
    since: r.deceased_date,
  }));
}

/** Of these patients, those with no address at all (letters cannot reach them). */
export async function withoutAddress(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const have = await db
    .selectFrom('patient_addresses')
    .select('patient_id')
    .distinct()
    .where('patient_id', '=', sql<string>`ANY(${[...ids]}::uuid[])`)
    .execute();
  const set = new Set(have.map((r) => r.patient_id));
  return ids.filter((id) => !set.has(id));
}
