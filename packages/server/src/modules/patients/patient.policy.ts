// Record-level scope: which patients an actor may see and change. Route policies (permissions) decide the
// action; this decides the record. Clinics see the whole registry (a population-based IIS), except opted-out
// records; DPH sees everything; local health directors see residents of their towns; school nurses their
// students (patients on the school's current roster, asked of the schools module through the context). A submitter writing a record (any channel) sees what
// its organization sees: DPH every record, a clinic all but opted-out ones.

import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { AppError, forbidden, notFound, patientDenied, type PatientDenial } from '../../errors.ts';
import { can, isStatewide, isStatewideSubmitter, uiSubmitter, type Actor, type Submitter } from '../access/index.ts';
import { servedTownsOf } from '../organizations/index.ts';
import { loadPatientRow, loadPatientRowAndAddresses, loadPatientRows, visibilityFacts, type Db, type Visibility } from './patient.repo.ts';

export async function visibilityFor(ctx: AppContext, actor: Actor, db: Db = ctx.db): Promise<Visibility> {
  if (isStatewide(actor)) return { includeOptedOut: true };
  const scope = actor.scope;
  if (!scope) return { includeOptedOut: false, towns: [] };
  if (scope.accessType === 'health_dept_readonly') return { includeOptedOut: false, towns: await servedTownsOf(db, scope.organizationId) };
  // A school nurse sees the students on her school's current roster, nobody else (the schools module keeps rosters).
  if (scope.accessType === 'school_readonly')
    return {
      includeOptedOut: false,
      patientIds: await ctx.schoolRosters.studentsOf(db, scope.organizationId, jurisdictionToday(ctx.clock)),
    };
  return { includeOptedOut: false };
}

/** The records a submitter may write to (and is shown as possible duplicates). */
export function writeVisibility(s: Submitter): Visibility {
  return { includeOptedOut: isStatewideSubmitter(s) };
}

export interface VisibleFacts {
  id: string;
  optedOut: boolean;
  town: string | null;
  mergedInto: string | null;
}

/** Why a record is outside the actor's scope, or null when it is visible. */
export function hiddenBecause(v: Visibility, facts: VisibleFacts): PatientDenial['reason'] | null {
  if (facts.optedOut && !v.includeOptedOut) return 'opted_out';
  if (v.towns && !(facts.town && v.towns.includes(facts.town))) return 'out_of_scope';
  if (v.patientIds && !v.patientIds.includes(facts.id)) return 'out_of_scope';
  return null;
}

/** Throws not_found for a record outside the actor's scope (not forbidden: do not confirm it exists); audited. */
export function assertVisible(v: Visibility, facts: VisibleFacts): void {
  const reason = hiddenBecause(v, facts);
  if (reason) throw patientDenied({ patientId: facts.id, reason });
}

/** Writers act for a clinic (or DPH); read-only access types are refused by the route policy already. */
export function assertCanWrite(actor: Actor): void {
  if (!can(actor, 'patient:write')) throw forbidden('Your access is read-only');
  if (!actor.scope) throw forbidden('Choose the clinic you are working for');
}

/** The web UI's writer of patient records: the actor, checked, as a Submitter for the record-writing services. */
export function patientWriter(actor: Actor): Submitter {
  assertCanWrite(actor);
  return uiSubmitter(actor);
}

/**
 * Loads a master within a visibility, or throws: not_found outside it (audited as a denial), not_found for a
 * merged one, naming the record it went into only when that one is visible.
 */
async function loadWithin<R extends { row: { id: string; opted_out: boolean; town: string | null; merged_into: string | null } }>(
  db: Db,
  v: Visibility,
  id: string,
  load: (db: Db, id: string) => Promise<R | undefined>,
): Promise<R> {
  const rows = await load(db, id);
  if (!rows) throw notFound('Patient');
  // The scope facts are columns of the row just read (a second read of them was a round trip per dose).
  const facts = { id: rows.row.id, optedOut: rows.row.opted_out, town: rows.row.town, mergedInto: rows.row.merged_into };
  assertVisible(v, facts);
  if (rows.row.merged_into) {
    const survivor = await visibleSurvivor(db, v, rows.row.merged_into);
    throw new AppError('not_found', 'This record was merged into another one', survivor ? { mergedInto: survivor } : {});
  }
  return rows;
}

/** Loads a master for the actor (see loadWithin). */
export async function loadVisible(ctx: AppContext, actor: Actor, id: string, db: Db = ctx.db) {
  return loadWithin(db, await visibilityFor(ctx, actor, db), id, loadPatientRows);
}

/** Loads the master a submitter writes to (see loadWithin). */
export async function loadWritable(ctx: AppContext, submitter: Submitter, id: string, db: Db = ctx.db) {
  return loadWithin(db, writeVisibility(submitter), id, loadPatientRows);
}

/**
 * The master's own row for a submitter that writes to it, with loadWritable's checks: for a write that needs the
 * record's facts (birth date, owner) and not its names, addresses and contacts (a dose, a refusal).
 */
export async function loadWritableRow(ctx: AppContext, submitter: Submitter, id: string, db: Db = ctx.db) {
  return loadWithin(db, writeVisibility(submitter), id, loadPatientRow);
}

/** loadWritable for a reader that needs only the record's row and addresses (an HL7 query's PID). */
export async function loadWritableSummary(ctx: AppContext, submitter: Submitter, id: string, db: Db = ctx.db) {
  return loadWithin(db, writeVisibility(submitter), id, loadPatientRowAndAddresses);
}

/**
 * loadWritableRow with the row locked for the rest of the transaction (what lockPatients does for one id), in
 * the same round trip: for a write that reads the record's state to decide (a dose's dedup).
 */
export async function lockWritableRow(ctx: AppContext, submitter: Submitter, id: string, trx: Db) {
  return loadWithin(trx, writeVisibility(submitter), id, (db, rowId) => loadPatientRow(db, rowId, true));
}

/** The live record at the end of a merge chain, if the caller may see it (a chain is short: merges refuse merged survivors). */
async function visibleSurvivor(db: Db, v: Visibility, first: string): Promise<string | undefined> {
  let id = first;
  for (let hop = 0; hop < 20; hop++) {
    const facts = await visibilityFacts(db, id);
    if (!facts) return undefined;
    if (!facts.mergedInto) return hiddenBecause(v, facts) ? undefined : id;
    id = facts.mergedInto;
  }
  return undefined;
}
