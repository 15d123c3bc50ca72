// Saved cohorts (named reminder/recall criteria), notices recorded as sent, the notices on a patient's record,
// and the clinic's letter templates.
import type { Cohort, CohortList, LetterTemplate, NotificationsRecorded, PatientNotifications, ReminderCriteria } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { organizationNames } from '../organizations/index.ts';
import { auditPatient, loadVisible, reminderPopulation } from '../patients/index.ts';
import { MERGE_FIELDS, type Language } from './letter-template.ts';
import { templateText } from './reminder.service.ts';
import { reminderClinicFor } from './reports.policy.ts';
import * as repo from './reports.repo.ts';
import { ReminderCriteriaSchema, type ReminderCriteriaInput } from './reports.schemas.ts';

function presentCohort(r: { id: string; name: string; criteria: Record<string, unknown>; created_at: Date }): Cohort {
  return { id: r.id, name: r.name, criteria: r.criteria as unknown as ReminderCriteria, createdAt: new Date(r.created_at).toISOString() };
}

export async function saveCohort(ctx: AppContext, actor: Actor, name: string, criteria: ReminderCriteriaInput): Promise<Cohort> {
  const clinic = await reminderClinicFor(ctx, actor, criteria.organizationId);
  const saved = { ...criteria, ...(criteria.organizationId ? { organizationId: clinic.id } : {}) };
  const row = await repo.insertCohort(ctx.db, { organizationId: clinic.id, name, criteria: saved, by: actor.userId });
  if (!row) throw conflict('Your clinic already has a cohort with this name; choose another name');
  await appendActorAudit(
    ctx.db,
    actor,
    { action: 'report.cohort.create', entityType: 'cohort', entityId: row.id, detail: { name, clinicId: clinic.id } },
    ctx.clock.now(),
  );
  return presentCohort({ id: row.id, name, criteria: saved, created_at: row.created_at });
}

export async function listCohorts(ctx: AppContext, actor: Actor, organizationId: string | undefined): Promise<CohortList> {
  const clinic = await reminderClinicFor(ctx, actor, organizationId);
  return { cohorts: (await repo.cohortsOf(ctx.db, clinic.id)).map(presentCohort) };
}

/** A cohort of the actor's clinic (not found otherwise: another clinic's cohorts do not exist for them). */
export async function loadCohort(ctx: AppContext, actor: Actor, id: string): Promise<Cohort> {
  const row = await repo.cohortById(ctx.db, id);
  if (!row) throw notFound('Cohort');
  const clinic = await reminderClinicFor(ctx, actor, row.organization_id).catch(() => null);
  if (!clinic || clinic.id !== row.organization_id) throw notFound('Cohort');
  // Criteria saved by an older release are checked again before they run.
  const parsed = ReminderCriteriaSchema.safeParse(row.criteria);
  if (!parsed.success) throw invalid('This cohort’s criteria are no longer valid; save it again');
  return presentCohort(row);
}

export async function deleteCohort(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const c = await loadCohort(ctx, actor, id);
  const clinic = await reminderClinicFor(ctx, actor, c.criteria.organizationId ?? actor.scope?.organizationId);
  await repo.deleteCohort(ctx.db, id, clinic.id);
  await appendActorAudit(
    ctx.db,
    actor,
    { action: 'report.cohort.delete', entityType: 'cohort', entityId: id, detail: { name: c.name } },
    ctx.clock.now(),
  );
}

/**
 * Records that notices went to these patients. Only the clinic's own reminder population may be marked (a clinic
 * cannot write on records it does not serve); one audit entry lists them.
 */
export async function recordNotifications(
  ctx: AppContext,
  actor: Actor,
  body: {
    organizationId?: string | undefined;
    patientIds: string[];
    method: 'letter' | 'phone' | 'email' | 'text';
    on: string;
    vaccineGroups: string[];
    cohortId?: string | undefined;
  },
): Promise<NotificationsRecorded> {
  const clinic = await reminderClinicFor(ctx, actor, body.organizationId);
  const ids = [...new Set(body.patientIds)];
  const population = new Set(
    (await reminderPopulation(ctx.db, { organizationId: clinic.id, ownedOnly: false, dobFrom: '0001-01-01', dobTo: '9999-12-31' })).map(
      (p) => p.id,
    ),
  );
  const outside = ids.filter((id) => !population.has(id));
  if (outside.length)
    throw invalid(`${outside.length} of these patients are not ${clinic.name}’s active patients`, [
      { path: 'patientIds', message: 'Only your clinic’s active patients' },
    ]);
  if (body.cohortId) await loadCohort(ctx, actor, body.cohortId);
  return ctx.db.transaction().execute(async (trx) => {
    const recorded = await repo.insertNotifications(
      trx,
      ids.map((patientId) => ({
        patientId,
        organizationId: clinic.id,
        method: body.method,
        on: body.on,
        vaccineGroups: body.vaccineGroups,
        cohortId: body.cohortId ?? null,
        by: actor.userId,
      })),
    );
    await appendActorAudit(
      trx,
      actor,
      {
        action: 'report.notification.record',
        entityType: 'report',
        entityId: 'reminder_recall',
        detail: { clinicId: clinic.id, method: body.method, on: body.on, patientIds: ids },
      },
      ctx.clock.now(),
    );
    return { recorded };
  });
}

/** The reminder/recall notices on a patient's record (for anyone who may see the record; audited as a read). */
export async function patientNotifications(ctx: AppContext, actor: Actor, patientId: string): Promise<PatientNotifications> {
  await loadVisible(ctx, actor, patientId);
  const rows = await repo.notificationsOfPatient(ctx.db, patientId);
  await auditPatient(ctx, actor, 'patient.notifications.view', patientId);
  const names = await organizationNames(
    ctx.db,
    rows.map((r) => r.organization_id),
  );
  return {
    notifications: rows.map((r) => ({
      id: r.id,
      on: r.notified_on,
      method: r.method,
      vaccineGroups: r.vaccine_groups,
      clinic: names.get(r.organization_id) ?? '',
      recordedAt: new Date(r.recorded_at).toISOString(),
    })),
  };
}

export async function getLetterTemplate(
  ctx: AppContext,
  actor: Actor,
  language: Language,
  organizationId: string | undefined,
): Promise<LetterTemplate> {
  const clinic = await reminderClinicFor(ctx, actor, organizationId);
  const t = await templateText(ctx, clinic.id, language);
  return { language, body: t.body, isDefault: t.isDefault, mergeFields: [...MERGE_FIELDS] };
}

export async function setLetterTemplate(
  ctx: AppContext,
  actor: Actor,
  language: Language,
  body: { organizationId?: string | undefined; body: string },
): Promise<LetterTemplate> {
  const clinic = await reminderClinicFor(ctx, actor, body.organizationId);
  await repo.upsertLetterTemplate(ctx.db, { organizationId: clinic.id, language, body: body.body, by: actor.userId, at: ctx.clock.now() });
  await appendActorAudit(
    ctx.db,
    actor,
    { action: 'report.letter_template.set', entityType: 'letter_template', entityId: `${clinic.id}:${language}`, detail: { language } },
    ctx.clock.now(),
  );
  return { language, body: body.body, isDefault: false, mergeFields: [...MERGE_FIELDS] };
}
