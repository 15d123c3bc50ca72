// Patient records: create (after the duplicate check), edit demographics with history, the record view, its
// history and its source reports. Search and the duplicate check are in patient-search.service.ts.

import type {
  PatientCreated,
  PatientHistory,
  PatientReports,
  PatientSearchResult as SearchResult,
  PatientUpdated,
  PatientView,
} from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { conflict } from '../../errors.ts';
import { inTransaction } from '../../transaction.ts';
import { usernamesByIds, type Actor, type Submitter } from '../access/index.ts';
import { appendSubmitterAudit } from '../audit/index.ts';
import { findOrganization, jurisdictionIdOf, organizationNames } from '../organizations/index.ts';
import { requestForecastRefresh } from '../recommender/index.ts';
import { auditPatient, auditPatientChange } from './patient-audit.ts';
import { activeMergesInto, changesOf, countReports, insertChange, insertReport, reportsOf } from './patient-history.repo.ts';
import { LIKELY_DUPLICATE_THRESHOLD } from './patient-match.ts';
import { loadVisible, loadWritable, writeVisibility } from './patient.policy.ts';
import { insertChildren, insertMaster, masterColumns, replaceChildren, toPatient } from './patient.repo.ts';
import type { PatientBody } from './patient.schemas.ts';
import { findDuplicates } from './patient-search.service.ts';
import { queuePossibleDuplicates } from './possible-duplicate.service.ts';
import { insertOrgStatusUnlessExists, orgStatusesOf, statusHistoryOf } from './patient-status.repo.ts';
import { currentVersion, updateMasterAtVersion } from './patient-write.repo.ts';
import type { Patient } from './patient.types.ts';

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

/**
 * Creates a master after the duplicate check (409 with the candidates unless confirmed), with the submitter's
 * report of it and its link to the submitter's organization.
 */
export async function createPatient(
  ctx: AppContext,
  submitter: Submitter,
  body: PatientBody & { confirmNew: boolean },
  /** The duplicate check the caller has just run on this body (in `ctx.db`'s transaction): not run twice. */
  checked?: { duplicates: SearchResult[] },
): Promise<PatientCreated> {
  const orgId = submitter.organizationId;
  const duplicates = checked?.duplicates ?? (await findDuplicates(ctx.db, writeVisibility(submitter), body));
  const likely = duplicates.filter((d) => d.score >= LIKELY_DUPLICATE_THRESHOLD);
  if (likely.length > 0 && !body.confirmNew) {
    await appendSubmitterAudit(
      ctx.db,
      submitter,
      { action: 'patient.create.candidates', outcome: 'failure', detail: { patientIds: duplicates.map((d) => d.id) } },
      ctx.clock.now(),
    );
    throw conflict('This person may already be in the registry. Open the matching record, or confirm that this is a new person.', {
      candidates: duplicates,
    });
  }
  const patient = toDomainPatient(body, orgId);
  const jurisdictionId = await jurisdictionIdOf(ctx.db, orgId);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const by = submitter.userId;
    const created = await insertMaster(trx, { cols: masterColumns(patient), jurisdictionId, createdBy: by, createdOrgId: orgId, at: now });
    await insertChildren(trx, created.id, patient);
    await insertReport(trx, {
      patientId: created.id,
      sourceOrgId: orgId,
      sourceKind: submitter.kind,
      interfaceId: submitter.interfaceId,
      by,
      at: now,
      data: patient,
    });
    await insertOrgStatusUnlessExists(trx, { patientId: created.id, organizationId: orgId, by, at: now });
    // Confirmed as new over a likely match: DPH's data steward gets the pair to decide on for good.
    await queuePossibleDuplicates(
      trx,
      likely.map((d) => ({ patientId: created.id, candidateId: d.id, score: d.score, reasons: d.reasons, source: submitter.kind })),
      now,
    );
    await insertChange(trx, {
      patientId: created.id,
      at: now,
      by,
      organizationId: orgId,
      action: 'create',
      changes: {},
      reason: likely.length ? 'Confirmed as a new person despite likely duplicates' : null,
    });
    await auditPatientChange(
      ctx,
      submitter,
      'patient.create',
      created.id,
      { duplicatesShown: duplicates.length, confirmedNew: likely.length > 0 },
      trx,
    );
    await requestForecastRefresh(trx, [created.id], now);
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
  submitter: Submitter,
  id: string,
  body: PatientBody & { version: number; reason?: string | undefined },
): Promise<PatientUpdated> {
  const orgId = submitter.organizationId;
  const stale = (version: number) =>
    conflict('Someone else changed this record since you opened it. Reload it and make your change again.', { currentVersion: version });
  return inTransaction(ctx.db, async (trx) => {
    const rows = await loadWritable(ctx, submitter, id, trx);
    if (rows.row.version !== body.version) throw stale(rows.row.version);
    const after = toDomainPatient(body, orgId);
    const changes = diffPatients(toPatient(rows), after);
    const changed = Object.keys(changes);
    if (changed.length === 0) return { id, version: rows.row.version, changed };
    const now = ctx.clock.now();
    // The version check above read without a lock; this UPDATE … WHERE version = $v is the one that decides.
    const version = await updateMasterAtVersion(trx, id, body.version, masterColumns(after), now);
    if (version === undefined) throw stale(await currentVersion(trx, id));
    const by = submitter.userId;
    await replaceChildren(trx, id, after);
    await insertReport(trx, {
      patientId: id,
      sourceOrgId: orgId,
      sourceKind: submitter.kind,
      interfaceId: submitter.interfaceId,
      by,
      at: now,
      data: after,
    });
    await insertChange(trx, { patientId: id, at: now, by, organizationId: orgId, action: 'update', changes, reason: body.reason ?? null });
    await auditPatientChange(ctx, submitter, 'patient.update', id, { fields: changed }, trx);
    // DOB, sex and country of birth are engine input.
    if (changed.some((f) => f === 'dob' || f === 'sex' || f === 'birthCountry')) await requestForecastRefresh(trx, [id], now);
    return { id, version, changed };
  });
}

/** The record as shown: consolidated master, statuses, ownership. Audited as a view. */
export async function getPatient(ctx: AppContext, actor: Actor, id: string): Promise<PatientView> {
  const rows = await loadVisible(ctx, actor, id);
  const orgId = actor.scope?.organizationId;
  const [statuses, reports, merges, myOrg] = await Promise.all([
    orgStatusesOf(ctx.db, id),
    countReports(ctx.db, id),
    activeMergesInto(ctx.db, id),
    orgId ? findOrganization(ctx.db, orgId) : undefined,
  ]);
  const names = await organizationNames(ctx.db, [...statuses.map((s) => s.organization_id), rows.row.owner_org_id]);
  await auditPatient(ctx, actor, 'patient.view', id);
  const canEdit = actor.permissions.has('patient:write');
  const atClinic = canEdit && myOrg?.kind === 'clinic';
  const ownerName = rows.row.owner_org_id ? names.get(rows.row.owner_org_id) : undefined;
  return {
    id,
    iisId: rows.row.iis_id,
    version: rows.row.version,
    patient: toPatient(rows),
    jurisdictionStatus: rows.row.jurisdiction_status,
    deceasedDate: rows.row.deceased_date,
    optedOut: rows.row.opted_out,
    owner: ownerName !== undefined ? { id: rows.row.owner_org_id!, name: ownerName } : null,
    organizationStatuses: statuses
      .filter((s) => names.has(s.organization_id))
      .map((s) => ({
        organizationId: s.organization_id,
        organizationName: names.get(s.organization_id)!,
        status: s.status,
        reason: s.reason,
        changedAt: new Date(s.changed_at).toISOString(),
      })),
    myStatus: statuses.find((s) => s.organization_id === orgId)?.status ?? null,
    reports,
    merges: merges.map((m) => ({
      id: m.id,
      mergedId: m.merged_id,
      mergedIisId: m.iis_id,
      at: new Date(m.at).toISOString(),
      reason: m.reason,
    })),
    canEdit,
    clinicActions: { setStatus: atClinic, takeMedicalHome: atClinic && !!myOrg?.medicalHome && rows.row.owner_org_id !== orgId },
  };
}

/** Who changed what and when: demographic edits, status changes, merges. */
export async function getPatientHistory(ctx: AppContext, actor: Actor, id: string): Promise<PatientHistory> {
  await loadVisible(ctx, actor, id);
  await auditPatient(ctx, actor, 'patient.history.view', id);
  const [changes, statuses] = await Promise.all([changesOf(ctx.db, id, 200), statusHistoryOf(ctx.db, id, 200)]);
  const rows = [...changes, ...statuses];
  const [users, orgs] = await Promise.all([
    usernamesByIds(
      ctx.db,
      rows.map((r) => r.user_id),
    ),
    organizationNames(
      ctx.db,
      rows.map((r) => r.organization_id),
    ),
  ]);
  const by = (r: { user_id: string | null; organization_id: string | null }) => ({
    by: (r.user_id && users.get(r.user_id)) ?? null,
    organization: (r.organization_id && orgs.get(r.organization_id)) ?? null,
  });
  return {
    changes: changes.map((c) => ({
      at: new Date(c.at).toISOString(),
      action: c.action,
      fields: c.changes,
      reason: c.reason,
      ...by(c),
    })),
    statuses: statuses.map((h) => ({
      at: new Date(h.at).toISOString(),
      scope: h.scope,
      status: h.status,
      reason: h.reason,
      effectiveDate: h.effective_date,
      ...by(h),
    })),
  };
}

/** Every source's reported version (provenance), newest first. */
export async function getPatientReports(ctx: AppContext, actor: Actor, id: string): Promise<PatientReports> {
  await loadVisible(ctx, actor, id);
  await auditPatient(ctx, actor, 'patient.reports.view', id);
  const rows = await reportsOf(ctx.db, id, 100);
  const sources = await organizationNames(
    ctx.db,
    rows.map((r) => r.source_org_id),
  );
  return {
    reports: rows.map((r) => ({
      id: r.id,
      sourceKind: r.source_kind,
      source: (r.source_org_id && sources.get(r.source_org_id)) ?? null,
      receivedAt: new Date(r.received_at).toISOString(),
      fromMergedRecord: r.origin_patient_id !== id,
      data: r.data,
    })),
  };
}
