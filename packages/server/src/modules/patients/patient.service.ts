// Patient rules: search before add, duplicate check on save, the record view, demographic edits with history.

import type {
  DuplicateCandidates,
  PatientCreated,
  PatientHistory,
  PatientReports,
  PatientSearchResult as SearchResult,
  PatientSearchResults,
  PatientUpdated,
  PatientView,
} from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { conflict, invalid } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { admitIdentifierLookup } from './patient-lookup.service.ts';
import { LIKELY_DUPLICATE_THRESHOLD, rankCandidates, summarizeMatch, type MatchSubject } from './patient-match.ts';
import { assertCanWrite, loadVisible, visibilityFor } from './patient.policy.ts';
import {
  deleteChildren,
  findCandidateIds,
  insertChildren,
  loadMatchSubjects,
  masterColumns,
  toPatient,
  type CandidateSummary,
  type Db,
  type Visibility,
} from './patient.repo.ts';
import type { PatientBody, SearchQuery } from './patient.schemas.ts';
import { updateMasterAtVersion } from './patient-write.repo.ts';
import type { Patient } from './patient.types.ts';

/** Results below this score are not shown (an identifier hit always is). */
const SHOW_THRESHOLD = 35;

function splitName(full: string | undefined): { first: string; last: string } | undefined {
  if (!full) return undefined;
  const parts = full.trim().split(/\s+/);
  if (parts.length === 1) return { first: '', last: parts[0]! };
  return { first: parts.slice(0, -1).join(' '), last: parts[parts.length - 1]! };
}

/** Audits an action on a patient record by the signed-in actor (pass a transaction to make it part of the change). */
export function auditPatient(
  ctx: AppContext,
  actor: Actor,
  action: string,
  patientId: string | null,
  detail: Record<string, unknown> = {},
  db: Db = ctx.db,
) {
  return appendActorAudit(
    db,
    actor,
    {
      action,
      entityType: 'patient',
      entityId: patientId,
      patientId,
      detail,
    },
    ctx.clock.now(),
  );
}

function presentResult(
  c: CandidateSummary,
  score: number,
  classification: SearchResult['classification'],
  reasons: string[],
  summary: string,
): SearchResult {
  return {
    id: c.id,
    iisId: c.iisId,
    name: c.name,
    dob: c.dob,
    sex: c.sex,
    town: c.town,
    score,
    classification,
    summary,
    reasons,
    jurisdictionStatus: c.jurisdictionStatus,
  };
}

async function rank(
  db: Db,
  subject: MatchSubject,
  ids: string[],
  identifierHits: Set<string>,
  minScore = SHOW_THRESHOLD,
): Promise<SearchResult[]> {
  const candidates = await loadMatchSubjects(db, ids);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const ranked = rankCandidates(
    subject,
    candidates.map((c) => ({ ...c.subject, id: c.id })),
  );
  const out: SearchResult[] = [];
  for (const r of ranked) {
    const c = byId.get(r.candidate.id)!;
    if (identifierHits.has(c.id))
      out.push(presentResult(c, 100, 'likely', ['identifier matches', ...r.match.reasons], 'identifier matches'));
    else if (r.match.score >= minScore)
      out.push(presentResult(c, r.match.score, r.match.classification, r.match.reasons, summarizeMatch(r.match)));
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * Search by any mix of fields. A name needs a DOB or another blocking field (phone, maiden name, guardian,
 * address): the registry refuses to scan the state for a bare name.
 */
export async function searchPatients(ctx: AppContext, actor: Actor, q: Partial<SearchQuery>): Promise<PatientSearchResults> {
  const hasName = !!(q.lastName || q.firstName);
  const blocking = q.iisId || q.mrn || q.phone || (hasName && (q.dob || q.mothersMaidenName || q.guardianName || q.zip || q.street));
  if (!blocking) {
    throw invalid(
      'Add a date of birth (or a phone number, mother’s maiden name, guardian or address) to the name, or search by IIS id or MRN.',
      [{ path: 'dob', message: 'Enter the date of birth' }],
    );
  }
  await admitIdentifierLookup(ctx, actor, q);
  const v = await visibilityFor(ctx.db, actor);
  const guardian = splitName(q.guardianName);
  const { ids, identifierHits } = await findCandidateIds(
    ctx.db,
    {
      first: q.firstName,
      last: q.lastName,
      dob: q.dob,
      mothersMaidenName: q.mothersMaidenName,
      guardianLast: guardian?.last,
      phone: q.phone,
      zip: q.zip,
      street: q.street,
      iisId: q.iisId,
      mrn: q.mrn,
    },
    v,
  );
  const subject: MatchSubject = {
    name: { first: q.firstName ?? '', last: q.lastName ?? '', ...(q.middleName ? { middle: q.middleName } : {}) },
    dob: q.dob ?? '',
    sex: q.sex,
    mothersMaidenName: q.mothersMaidenName,
    phones: q.phone ? [{ number: q.phone }] : undefined,
    addresses: q.zip || q.street ? [{ street: q.street ?? '', zip: q.zip ?? '' }] : undefined,
    guardians: guardian ? [{ name: guardian }] : undefined,
  };
  // Without a name there is nothing to rank on but the blocking field itself (a phone): show every hit.
  const results = (await rank(ctx.db, subject, ids, identifierHits, hasName ? SHOW_THRESHOLD : 0)).slice(0, q.limit ?? 25);
  await auditPatient(ctx, actor, 'patient.search', null, {
    fields: Object.keys(q).filter((k) => k !== 'limit'),
    results: results.length,
    patientIds: results.map((r) => r.id),
  });
  return { results };
}

function subjectOf(p: PatientBody | Patient): MatchSubject {
  return {
    name: p.name,
    dob: p.dob,
    sex: p.sex,
    aliases: p.aliases,
    mothersMaidenName: p.mothersMaidenName,
    addresses: p.addresses,
    phones: p.phones,
    guardians: p.guardians,
    birthOrder: p.birthOrder,
  };
}

/** Likely and possible duplicates of a record about to be saved, best first. */
export async function findDuplicates(db: Db, v: Visibility, p: PatientBody | Patient, excludeId?: string): Promise<SearchResult[]> {
  const { ids } = await findCandidateIds(
    db,
    {
      first: p.name.first,
      last: p.name.last,
      dob: p.dob,
      mothersMaidenName: p.mothersMaidenName,
      phone: p.phones[0]?.number,
      zip: p.addresses[0]?.zip,
      guardianLast: p.guardians[0]?.name.last,
    },
    v,
  );
  const results = await rank(
    db,
    subjectOf(p),
    ids.filter((id) => id !== excludeId),
    new Set(),
  );
  return results.filter((r) => r.classification !== 'unlikely');
}

export async function checkDuplicates(ctx: AppContext, actor: Actor, body: PatientBody): Promise<DuplicateCandidates> {
  const v = await visibilityFor(ctx.db, actor);
  const candidates = await findDuplicates(ctx.db, v, body);
  await auditPatient(ctx, actor, 'patient.duplicates.check', null, { patientIds: candidates.map((c) => c.id) });
  return { candidates };
}

export function toDomainPatient(body: PatientBody, assigner: string): Patient {
  return {
    name: {
      first: body.name.first,
      last: body.name.last,
      ...(body.name.middle ? { middle: body.name.middle } : {}),
      ...(body.name.suffix ? { suffix: body.name.suffix } : {}),
    },
    aliases: body.aliases.map((a) => ({ first: a.first, last: a.last, type: a.type, ...(a.middle ? { middle: a.middle } : {}) })),
    dob: body.dob,
    sex: body.sex,
    multipleBirth: body.multipleBirth,
    ...(body.birthOrder ? { birthOrder: body.birthOrder } : {}),
    ...(body.mothersMaidenName ? { mothersMaidenName: body.mothersMaidenName } : {}),
    ...(body.race ? { race: body.race } : {}),
    ...(body.ethnicity ? { ethnicity: body.ethnicity } : {}),
    ...(body.language ? { language: body.language } : {}),
    addresses: body.addresses.map((a) => ({
      street: a.street,
      city: a.city,
      state: a.state,
      zip: a.zip,
      type: a.type,
      current: a.current,
      ...(a.street2 ? { street2: a.street2 } : {}),
      ...(a.county ? { county: a.county } : {}),
    })),
    phones: body.phones,
    emails: body.emails,
    guardians: body.guardians.map((g) => ({ name: g.name, relationship: g.relationship, ...(g.phone ? { phone: g.phone } : {}) })),
    identifiers: body.identifiers.map((i) => ({ type: i.type, value: i.value, assigner: i.assigner ?? assigner })),
    ...(body.birthState ? { birthState: body.birthState } : {}),
    ...(body.birthCountry ? { birthCountry: body.birthCountry } : {}),
    ...(body.notes ? { notes: body.notes } : {}),
  };
}

async function jurisdictionOf(db: Db, actor: Actor): Promise<string> {
  const org = actor.scope
    ? await db.selectFrom('organizations').select('jurisdiction_id').where('id', '=', actor.scope.organizationId).executeTakeFirst()
    : undefined;
  if (org) return org.jurisdiction_id;
  const j = await db.selectFrom('jurisdictions').select('id').executeTakeFirstOrThrow();
  return j.id;
}

/** Creates a master from a UI entry, after the duplicate check (409 with the candidates unless confirmed). */
export async function createPatient(ctx: AppContext, actor: Actor, body: PatientBody & { confirmNew: boolean }): Promise<PatientCreated> {
  assertCanWrite(actor);
  const orgId = actor.scope!.organizationId;
  const v = await visibilityFor(ctx.db, actor);
  const duplicates = await findDuplicates(ctx.db, v, body);
  const likely = duplicates.filter((d) => d.score >= LIKELY_DUPLICATE_THRESHOLD);
  if (likely.length > 0 && !body.confirmNew) {
    await appendActorAudit(
      ctx.db,
      actor,
      { action: 'patient.create.candidates', outcome: 'failure', detail: { patientIds: duplicates.map((d) => d.id) } },
      ctx.clock.now(),
    );
    throw conflict('This person may already be in the registry. Open the matching record, or confirm that this is a new person.', {
      candidates: duplicates,
    });
  }
  const patient = toDomainPatient(body, orgId);
  const jurisdictionId = await jurisdictionOf(ctx.db, actor);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('patients')
      .values({
        ...masterColumns(patient),
        jurisdiction_id: jurisdictionId,
        created_by: actor.userId,
        created_org_id: orgId,
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'iis_id'])
      .executeTakeFirstOrThrow();
    await insertChildren(trx, created.id, patient);
    await trx
      .insertInto('patient_reports')
      .values({
        patient_id: created.id,
        origin_patient_id: created.id,
        source_org_id: orgId,
        source_kind: 'ui',
        reported_by: actor.userId,
        received_at: now,
        data: JSON.stringify(patient),
      })
      .execute();
    await trx
      .insertInto('patient_org_status')
      .values({ patient_id: created.id, organization_id: orgId, status: 'active', changed_at: now, changed_by: actor.userId })
      .execute();
    await trx
      .insertInto('patient_changes')
      .values({
        patient_id: created.id,
        at: now,
        user_id: actor.userId,
        organization_id: orgId,
        action: 'create',
        changes: JSON.stringify({}),
        reason: likely.length ? 'Confirmed as a new person despite likely duplicates' : null,
      })
      .execute();
    await auditPatient(
      ctx,
      actor,
      'patient.create',
      created.id,
      { duplicatesShown: duplicates.length, confirmedNew: likely.length > 0 },
      trx,
    );
    return { id: created.id, iisId: created.iis_id };
  });
}

const TRACKED: ReadonlyArray<keyof Patient> = [
  'name',
  'aliases',
  'dob',
  'sex',
  'multipleBirth',
  'birthOrder',
  'mothersMaidenName',
  'race',
  'ethnicity',
  'language',
  'addresses',
  'phones',
  'emails',
  'guardians',
  'identifiers',
  'birthState',
  'birthCountry',
  'notes',
];

/** Field-level diff for the edit history. */
export function diffPatients(before: Patient, after: Patient): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of TRACKED) {
    const a = k === 'identifiers' ? before.identifiers.filter((i) => i.type !== 'IIS') : before[k];
    const b = k === 'identifiers' ? after.identifiers.filter((i) => i.type !== 'IIS') : after[k];
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) out[k] = { from: a ?? null, to: b ?? null };
  }
  return out;
}

/** Edits demographics: optimistic version check, history row with the changed fields, a new source report. */
export async function updatePatient(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: PatientBody & { version: number; reason?: string | undefined },
): Promise<PatientUpdated> {
  assertCanWrite(actor);
  const orgId = actor.scope!.organizationId;
  const stale = (currentVersion: number) =>
    conflict('Someone else changed this record since you opened it. Reload it and make your change again.', { currentVersion });
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await loadVisible(ctx, actor, id, trx);
    if (rows.row.version !== body.version) throw stale(rows.row.version);
    const before = toPatient(rows);
    const after = toDomainPatient(body, orgId);
    const changes = diffPatients(before, after);
    const changed = Object.keys(changes);
    if (changed.length === 0) return { id, version: rows.row.version, changed };
    const now = ctx.clock.now();
    // The version check above read without a lock; this UPDATE … WHERE version = $v is the one that decides.
    const version = await updateMasterAtVersion(trx, id, body.version, masterColumns(after), now);
    if (version === undefined) {
      const current = await trx.selectFrom('patients').select('version').where('id', '=', id).executeTakeFirstOrThrow();
      throw stale(current.version);
    }
    await deleteChildren(trx, id, ['patient_names', 'patient_addresses', 'patient_phones', 'patient_guardians']);
    await trx.deleteFrom('patient_identifiers').where('patient_id', '=', id).where('type', '!=', 'IIS').execute();
    await insertChildren(trx, id, after);
    await trx
      .insertInto('patient_reports')
      .values({
        patient_id: id,
        origin_patient_id: id,
        source_org_id: orgId,
        source_kind: 'ui',
        reported_by: actor.userId,
        received_at: now,
        data: JSON.stringify(after),
      })
      .execute();
    await trx
      .insertInto('patient_changes')
      .values({
        patient_id: id,
        at: now,
        user_id: actor.userId,
        organization_id: orgId,
        action: 'update',
        changes: JSON.stringify(changes),
        reason: body.reason ?? null,
      })
      .execute();
    await auditPatient(ctx, actor, 'patient.update', id, { fields: changed }, trx);
    return { id, version, changed };
  });
}

/** The record as shown: consolidated master, statuses, ownership. Audited as a view. */
export async function getPatient(ctx: AppContext, actor: Actor, id: string): Promise<PatientView> {
  const rows = await loadVisible(ctx, actor, id);
  const orgId = actor.scope?.organizationId;
  const [statuses, owner, reports, merges, myOrg] = await Promise.all([
    ctx.db
      .selectFrom('patient_org_status as s')
      .innerJoin('organizations as o', 'o.id', 's.organization_id')
      .select(['s.organization_id', 'o.name', 's.status', 's.reason', 's.changed_at'])
      .where('s.patient_id', '=', id)
      .execute(),
    rows.row.owner_org_id
      ? ctx.db.selectFrom('organizations').select(['id', 'name']).where('id', '=', rows.row.owner_org_id).executeTakeFirst()
      : undefined,
    ctx.db
      .selectFrom('patient_reports')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('patient_id', '=', id)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('patient_merges as m')
      .innerJoin('patients as p', 'p.id', 'm.merged_id')
      .select(['m.id', 'm.merged_id', 'p.iis_id', 'm.at', 'm.reason'])
      .where('m.survivor_id', '=', id)
      .where('m.undone_at', 'is', null)
      .orderBy('m.at', 'desc')
      .execute(),
    orgId ? ctx.db.selectFrom('organizations').select(['kind', 'medical_home']).where('id', '=', orgId).executeTakeFirst() : undefined,
  ]);
  await auditPatient(ctx, actor, 'patient.view', id);
  const canEdit = actor.permissions.has('patient:write');
  const atClinic = canEdit && myOrg?.kind === 'clinic';
  return {
    id,
    iisId: rows.row.iis_id,
    version: rows.row.version,
    patient: toPatient(rows),
    jurisdictionStatus: rows.row.jurisdiction_status,
    deceasedDate: rows.row.deceased_date,
    optedOut: rows.row.opted_out,
    owner: owner ? { id: owner.id, name: owner.name } : null,
    organizationStatuses: statuses.map((s) => ({
      organizationId: s.organization_id,
      organizationName: s.name,
      status: s.status,
      reason: s.reason,
      changedAt: new Date(s.changed_at).toISOString(),
    })),
    myStatus: statuses.find((s) => s.organization_id === orgId)?.status ?? null,
    reports: Number(reports.n),
    merges: merges.map((m) => ({
      id: m.id,
      mergedId: m.merged_id,
      mergedIisId: m.iis_id,
      at: new Date(m.at).toISOString(),
      reason: m.reason,
    })),
    canEdit,
    clinicActions: { setStatus: atClinic, takeMedicalHome: atClinic && !!myOrg?.medical_home && rows.row.owner_org_id !== orgId },
  };
}

/** Who changed what and when: demographic edits, status changes, merges. */
export async function getPatientHistory(ctx: AppContext, actor: Actor, id: string): Promise<PatientHistory> {
  await loadVisible(ctx, actor, id);
  await auditPatient(ctx, actor, 'patient.history.view', id);
  const [changes, statuses] = await Promise.all([
    ctx.db
      .selectFrom('patient_changes as c')
      .leftJoin('users as u', 'u.id', 'c.user_id')
      .leftJoin('organizations as o', 'o.id', 'c.organization_id')
      .select(['c.id', 'c.at', 'c.action', 'c.changes', 'c.reason', 'u.username', 'o.name as organization'])
      .where('c.patient_id', '=', id)
      .orderBy('c.id', 'desc')
      .limit(200)
      .execute(),
    ctx.db
      .selectFrom('patient_status_history as h')
      .leftJoin('users as u', 'u.id', 'h.user_id')
      .leftJoin('organizations as o', 'o.id', 'h.organization_id')
      .select(['h.id', 'h.at', 'h.scope', 'h.status', 'h.reason', 'h.effective_date', 'u.username', 'o.name as organization'])
      .where('h.patient_id', '=', id)
      .orderBy('h.id', 'desc')
      .limit(200)
      .execute(),
  ]);
  return {
    changes: changes.map((c) => ({
      at: new Date(c.at).toISOString(),
      action: c.action,
      fields: c.changes,
      reason: c.reason,
      by: c.username,
      organization: c.organization,
    })),
    statuses: statuses.map((h) => ({
      at: new Date(h.at).toISOString(),
      scope: h.scope,
      status: h.status,
      reason: h.reason,
      effectiveDate: h.effective_date,
      by: h.username,
      organization: h.organization,
    })),
  };
}

/** Every source's reported version (provenance), newest first. */
export async function getPatientReports(ctx: AppContext, actor: Actor, id: string): Promise<PatientReports> {
  await loadVisible(ctx, actor, id);
  await auditPatient(ctx, actor, 'patient.reports.view', id);
  const rows = await ctx.db
    .selectFrom('patient_reports as r')
    .leftJoin('organizations as o', 'o.id', 'r.source_org_id')
    .select(['r.id', 'r.source_kind', 'r.received_at', 'r.data', 'o.name as source', 'r.origin_patient_id'])
    .where('r.patient_id', '=', id)
    .orderBy('r.received_at', 'desc')
    .limit(100)
    .execute();
  return {
    reports: rows.map((r) => ({
      id: r.id,
      sourceKind: r.source_kind,
      source: r.source,
      receivedAt: new Date(r.received_at).toISOString(),
      fromMergedRecord: r.origin_patient_id !== id,
      data: r.data,
    })),
  };
}
