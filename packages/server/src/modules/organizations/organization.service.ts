// Look-ups other modules make about organizations: by id or PIN, names, what kind of organization it is
// and whether it is a medical home, the towns a health department serves, the jurisdiction. Each takes the
// database or a transaction (pass `trx` to read inside one). Clinic tools (profile, contacts, staff list
// maintenance) will add their services beside these.

import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import * as repo from './organization.repo.ts';

type Db = Kysely<Database>;

export type OrganizationKind = 'clinic' | 'school' | 'health_department' | 'dph';

/** What other modules may know about an organization. */
export interface Organization {
  id: string;
  jurisdictionId: string;
  kind: OrganizationKind;
  pin: string | null;
  name: string;
  clinicType: string | null;
  /** A medical home takes ownership of the patients it vaccinates (SBHCs, pharmacies and health departments do not). */
  medicalHome: boolean;
  town: string | null;
  /** Towns a local health department serves: its directors see residents of these towns. */
  servedTowns: string[];
  active: boolean;
}

function toOrganization(r: repo.OrganizationRow): Organization {
  return {
    id: r.id,
    jurisdictionId: r.jurisdiction_id,
    kind: r.kind,
    pin: r.pin,
    name: r.name,
    clinicType: r.clinic_type,
    medicalHome: r.medical_home,
    town: r.town,
    servedTowns: r.served_towns,
    active: r.active,
  };
}

// Organizations read once per transaction by a caller that never changes them (an HL7 batch reads the sending
// clinic for the clinic check, the new record's jurisdiction and each dose's ownership rule: three round trips
// per message otherwise). Opt-in (withOrganizationCache), so a transaction that edits an organization and reads
// it back never sees a stale copy.
const cached = new WeakMap<Db, Map<string, Organization | null>>();

/** Runs `fn` with the organizations it reads through `trx` remembered until `fn` ends. */
export async function withOrganizationCache<T>(trx: Db, fn: () => Promise<T>): Promise<T> {
  if (cached.has(trx)) return fn();
  cached.set(trx, new Map());
  try {
    return await fn();
  } finally {
    cached.delete(trx);
  }
}

export async function findOrganizations(db: Db, ids: readonly string[]): Promise<Organization[]> {
  const unique = [...new Set(ids)];
  const memo = cached.get(db);
  if (!memo) return (await repo.organizationsByIds(db, unique)).map(toOrganization);
  const missing = unique.filter((id) => !memo.has(id));
  if (missing.length) {
    const found = new Map((await repo.organizationsByIds(db, missing)).map((r) => [r.id, toOrganization(r)]));
    for (const id of missing) memo.set(id, found.get(id) ?? null);
  }
  return unique.map((id) => memo.get(id)).filter((o): o is Organization => !!o);
}

export async function findOrganization(db: Db, id: string): Promise<Organization | undefined> {
  return (await findOrganizations(db, [id]))[0];
}

/** Organizations by PIN or code, case-insensitive, in no particular order (missing PINs are simply absent). */
export async function findOrganizationsByPins(db: Db, pins: readonly string[]): Promise<Organization[]> {
  return (await repo.organizationsByPins(db, pins)).map(toOrganization);
}

export async function findOrganizationByPin(db: Db, pin: string): Promise<Organization | undefined> {
  return (await findOrganizationsByPins(db, [pin]))[0];
}

export async function findDphOrganization(db: Db): Promise<Organization | undefined> {
  const row = await repo.dphOrganization(db);
  return row && toOrganization(row);
}

/** id → name of each organization found (for lists that show who reported or changed something). */
export async function organizationNames(db: Db, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((x): x is string => !!x))];
  return new Map((await repo.organizationsByIds(db, wanted)).map((o) => [o.id, o.name]));
}

/** The towns whose residents a health department's directors may see (none for an unknown organization). */
export async function servedTownsOf(db: Db, organizationId: string): Promise<string[]> {
  return (await findOrganization(db, organizationId))?.servedTowns ?? [];
}

/** True for an active clinic that is a medical home (it may own patient records). */
export async function isMedicalHomeClinic(db: Db, organizationId: string): Promise<boolean> {
  const o = await findOrganization(db, organizationId);
  return !!o && o.kind === 'clinic' && o.medicalHome;
}

/** The jurisdiction an organization belongs to; without one, the install's (first) jurisdiction. */
export async function jurisdictionIdOf(db: Db, organizationId: string | null): Promise<string> {
  const org = organizationId ? await findOrganization(db, organizationId) : undefined;
  if (org) return org.jurisdictionId;
  const j = await repo.firstJurisdiction(db);
  if (!j) throw new Error('No jurisdiction in the database: seed the reference data first (nutmeg seed)');
  return j.id;
}

export interface Jurisdiction {
  id: string;
  name: string;
  stateCode: string;
  agencyName: string;
  programName: string;
}

export async function findJurisdiction(db: Db, id: string): Promise<Jurisdiction | undefined> {
  const j = await repo.jurisdictionById(db, id);
  return j && { id: j.id, name: j.name, stateCode: j.state_code, agencyName: j.agency_name, programName: j.program_name };
}

/** The active organizations of a kind, by PIN (the synthetic population is reported by the clinics). */
export async function listActiveOrganizations(db: Db, kind: OrganizationKind): Promise<Organization[]> {
  return (await repo.activeOfKind(db, kind)).map(toOrganization);
}

/** Every organization with a PIN, as PIN → id (the seed links its demo users by PIN). */
export function organizationIdsByPin(db: Db): Promise<Map<string, string>> {
  return repo.idsByPin(db);
}

export interface NewOrganization {
  jurisdictionId: string;
  kind: OrganizationKind;
  pin: string;
  name: string;
  clinicType?: string | null;
  medicalHome?: boolean;
  town: string;
  address: { street: string; city: string; state: string; zip: string };
  phone: string | null;
  servedTowns?: string[];
}

/** Registers an organization; one whose PIN is taken already is left as it is (seeding twice changes nothing). */
export function addOrganizationUnlessPinExists(db: Db, o: NewOrganization): Promise<void> {
  return repo.insertOrganizationUnlessPinExists(db, {
    jurisdiction_id: o.jurisdictionId,
    kind: o.kind,
    pin: o.pin,
    name: o.name,
    clinic_type: o.clinicType ?? null,
    medical_home: o.medicalHome ?? false,
    town: o.town,
    address: JSON.stringify(o.address),
    phone: o.phone,
    served_towns: o.servedTowns ?? [],
  });
}

/** Registers a jurisdiction and its towns, unless they exist (reference data every install has). */
export async function addJurisdiction(
  db: Db,
  j: Jurisdiction,
  towns: ReadonlyArray<{ name: string; county: string | null; zipCodes: string[] }>,
): Promise<void> {
  await repo.insertJurisdictionUnlessExists(db, {
    id: j.id,
    name: j.name,
    state_code: j.stateCode,
    agency_name: j.agencyName,
    program_name: j.programName,
  });
  await repo.insertTownsUnlessExist(db, j.id, towns);
}

/** A clinic's own facts as its profile shows them (clinic tools). */
export interface ClinicFacts {
  id: string;
  pin: string | null;
  name: string;
  clinicType: string | null;
  medicalHome: boolean;
  town: string | null;
  address: { street: string; city: string; state: string; zip: string };
  phone: string | null;
  active: boolean;
}

/** The clinic's facts (undefined for an unknown id or an organization that is not a clinic). */
export async function findClinicFacts(db: Db, id: string): Promise<ClinicFacts | undefined> {
  const r = await repo.clinicFactsById(db, id);
  if (!r) return undefined;
  const a = r.address;
  return {
    id: r.id,
    pin: r.pin,
    name: r.name,
    clinicType: r.clinic_type,
    medicalHome: r.medical_home,
    town: r.town,
    address: { street: a['street'] ?? '', city: a['city'] ?? '', state: a['state'] ?? '', zip: a['zip'] ?? '' },
    phone: r.phone,
    active: r.active,
  };
}

/** The clinic's legal name, physical address (its town is the address's city) and phone, as its profile edit sets them. */
export function updateClinicFacts(
  db: Db,
  id: string,
  facts: { name: string; address: { street: string; city: string; state: string; zip: string }; phone: string | null },
): Promise<void> {
  return repo.updateClinicFacts(db, id, { name: facts.name, town: facts.address.city || null, address: facts.address, phone: facts.phone });
}

/** DPH sets a clinic's type and medical-home flag (clinic tools' enrolment edit). */
export function updateClinicProgramFacts(db: Db, id: string, facts: { clinicType: string; medicalHome: boolean }): Promise<void> {
  return repo.updateClinicProgramFacts(db, id, facts);
}

export interface NewClinic {
  jurisdictionId: string;
  name: string;
  clinicType: string;
  medicalHome: boolean;
  town: string;
  address: { street: string; city: string; state: string; zip: string };
  phone: string | null;
}

/** DPH enrols a clinic: it gets the next free PIN of the jurisdiction (its state code + a number). Pass `trx`. */
export async function enrolClinicOrganization(db: Db, c: NewClinic): Promise<Organization> {
  const j = await repo.jurisdictionById(db, c.jurisdictionId);
  if (!j) throw new Error(`Unknown jurisdiction ${c.jurisdictionId}`);
  const row = await repo.insertClinicWithNewPin(db, j.state_code.toUpperCase(), {
    jurisdiction_id: c.jurisdictionId,
    name: c.name,
    clinic_type: c.clinicType,
    medical_home: c.medicalHome,
    town: c.town,
    address: JSON.stringify(c.address),
    phone: c.phone,
    served_towns: [],
  });
  return toOrganization(row);
}

/** Marks an active clinic inactive; undefined when it is not one (already deactivated, or not a clinic). */
export async function deactivateClinicOrganization(db: Db, id: string): Promise<Organization | undefined> {
  const row = await repo.deactivateClinic(db, id);
  return row && toOrganization(row);
}

/** Every clinic, deactivated ones included, by PIN. */
export async function listAllClinics(db: Db): Promise<Organization[]> {
  return (await repo.allClinics(db)).map(toOrganization);
}
