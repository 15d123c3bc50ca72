// Reminder/recall: a clinic's patients due or overdue for chosen vaccine groups, read from the stored forecasts;
// the list on screen, as CSV, letters and labels; every run audited with the patients it disclosed.
import type { ReminderCriteria, ReminderDue, ReminderList, ReminderPatient } from '@nutmeg/api-types';
import { fieldLabel } from '@nutmeg/codes';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { conflict, invalid } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { reminderPopulation, reminderPopulationIds } from '../patients/index.ts';
import { storedForecastsDueIn, type StoredForecastRow } from '../recommender/index.ts';
import { toCsv } from '../../csv.ts';
import { DEFAULT_TEMPLATES, type Language } from './letter-template.ts';
import { pdfPatients, renderReminderPdf, type ReminderPdf, type ReminderPdfKind } from './reminder-pdf.ts';
import { addressLines, addressProblem, callPhones, dobRangeForAge, dueInWindow, formatPhone } from './reminder.ts';
import { reminderClinicFor } from './reports.policy.ts';
import { lastNotifications, letterTemplateOf } from './reports.repo.ts';
import type { ReminderCriteriaInput } from './reports.schemas.ts';

function checkGroups(ctx: AppContext, groups: readonly string[]): void {
  const unknown = groups.filter((g) => !ctx.recommender.data.vaccineGroups.has(g));
  if (unknown.length)
    throw invalid(`Unknown vaccine group: ${unknown.join(', ')}`, [{ path: 'vaccineGroups', message: `Unknown: ${unknown.join(', ')}` }]);
}

function groupByPatient(rows: readonly StoredForecastRow[]): Map<string, StoredForecastRow[]> {
  const out = new Map<string, StoredForecastRow[]>();
  for (const r of rows) {
    const list = out.get(r.patientId);
    if (list) list.push(r);
    else out.set(r.patientId, [r]);
  }
  return out;
}

/** Runs the criteria (not audited: the callers audit what they disclose, in which format). */
async function buildList(ctx: AppContext, actor: Actor, criteria: ReminderCriteriaInput): Promise<ReminderList> {
  checkGroups(ctx, criteria.vaccineGroups);
  const clinic = await reminderClinicFor(ctx, actor, criteria.organizationId);
  const today = jurisdictionToday(ctx.clock);
  const population = {
    organizationId: clinic.id,
    ownedOnly: criteria.population === 'owned',
    ...dobRangeForAge(today, criteria.ageFromMonths, criteria.ageToMonths),
  };
  // One statement: the forecast store reads the rows due in the window for the population subquery the patients
  // module builds (no id list of the whole clinic sent back and forth); then the details of those listed only.
  const forecasts = groupByPatient(
    await storedForecastsDueIn(ctx.db, reminderPopulationIds(ctx.db, population), criteria.vaccineGroups, {
      from: criteria.windowFrom,
      to: criteria.windowTo,
    }),
  );
  const dueOf = new Map<string, { due: ReminderDue[]; rows: StoredForecastRow[] }>();
  for (const [id, rows] of forecasts) {
    const due = dueInWindow(rows, criteria);
    if (due.length) dueOf.set(id, { due, rows });
  }
  const people = await reminderPopulation(ctx.db, { ...population, among: [...dueOf.keys()] });
  const listed: ReminderPatient[] = [];
  let notStoredToday = 0;
  for (const p of people) {
    const { due, rows } = dueOf.get(p.id)!;
    if (rows.some((r) => r.computedFor !== today)) notStoredToday++;
    listed.push({
      patientId: p.id,
      iisId: p.iisId,
      name: `${p.firstName} ${p.lastName}`,
      dob: p.dob,
      guardian: p.guardian,
      phone: p.phone,
      phones: callPhones(p, fieldLabel),
      address: addressLines(p),
      addressProblem: addressProblem(p),
      language: p.language,
      due,
      lastNotified: null,
    });
  }
  const last = await lastNotifications(
    ctx.db,
    clinic.id,
    listed.map((p) => p.patientId),
  );
  for (const p of listed) p.lastNotified = last.get(p.patientId) ?? null;
  const { organizationId: _ignored, ...rest } = criteria;
  const echoed: ReminderCriteria = { ...rest, ...(criteria.organizationId ? { organizationId: clinic.id } : {}) };
  return { clinic, runOn: today, criteria: echoed, patients: listed, notStoredToday, pdfInlineMax: ctx.config.REPORT_PDF_INLINE_MAX };
}

function auditRun(ctx: AppContext, actor: Actor, list: ReminderList, format: string): Promise<void> {
  const patientIds = list.patients.map((p) => p.patientId);
  return auditReminderDisclosure(ctx, actor, { format, clinicId: list.clinic.id, criteria: list.criteria, patientIds });
}

export async function runReminderRecall(ctx: AppContext, actor: Actor, criteria: ReminderCriteriaInput): Promise<ReminderList> {
  const list = await buildList(ctx, actor, criteria);
  await auditRun(ctx, actor, list, 'screen');
  return list;
}

export async function reminderRecallCsv(ctx: AppContext, actor: Actor, criteria: ReminderCriteriaInput): Promise<string> {
  const list = await buildList(ctx, actor, criteria);
  await auditRun(ctx, actor, list, 'csv');
  const header = ['IIS ID', 'Name', 'Date of birth', 'Guardian', 'Phones', 'Address', 'Address problem', 'Due', 'Last notified'];
  return toCsv(
    header,
    list.patients.map((p) => [
      p.iisId,
      p.name,
      p.dob,
      p.guardian,
      p.phones.map((ph) => `${formatPhone(ph.number)} (${ph.label})`).join('; '),
      p.address.join(', '),
      p.addressProblem,
      p.due.map((d) => `${d.vaccineGroup} ${d.status} ${d.status === 'overdue' ? d.pastDueDate : d.recommendedDate}`).join('; '),
      p.lastNotified ? `${p.lastNotified.on} (${p.lastNotified.method})` : null,
    ]),
  );
}

/** The clinic's letter template in a language (its own, or Nutmeg's default). */
export async function templateText(
  ctx: AppContext,
  organizationId: string,
  language: Language,
): Promise<{ body: string; isDefault: boolean }> {
  const own = await letterTemplateOf(ctx.db, organizationId, language);
  return own ? { body: own.body, isDefault: false } : { body: DEFAULT_TEMPLATES[language], isDefault: true };
}

/**
 * A reminder/recall PDF in the request, up to REPORT_PDF_INLINE_MAX patients (`inlineMax`); above it, a 409 that
 * says to queue it as a background report run (report-run.service.ts), which renders it with `reminderPdfForRun`.
 */
export async function reminderPdf(
  ctx: AppContext,
  actor: Actor,
  kind: ReminderPdfKind,
  criteria: ReminderCriteriaInput,
  language: Language = 'en',
): Promise<ReminderPdf> {
  const list = await buildList(ctx, actor, criteria);
  const count = pdfPatients(list, kind).length;
  const max = ctx.config.REPORT_PDF_INLINE_MAX;
  if (count > max) {
    throw conflict(`This file would hold ${count} patients, more than the ${max} printed at once: prepare it as a background report run`, {
      patients: count,
      inlineMax: max,
      runKind: kind,
    });
  }
  const file = await renderReminderPdf(list, kind, { language, template: (await templateText(ctx, list.clinic.id, language)).body });
  await auditRun(ctx, actor, { ...list, patients: file.disclosed }, file.format);
  return file;
}

/** The same PDF for a background run (up to REPORT_PDF_RUN_MAX; not audited here: each download of the kept file is). */
export async function reminderPdfForRun(
  ctx: AppContext,
  actor: Actor,
  kind: ReminderPdfKind,
  criteria: ReminderCriteriaInput,
  language: Language,
  progress: (percent: number, note: string) => Promise<void>,
): Promise<ReminderPdf & { clinicId: string; criteria: ReminderCriteria }> {
  await progress(5, 'Listing the patients due');
  const list = await buildList(ctx, actor, criteria);
  const count = pdfPatients(list, kind).length;
  const max = ctx.config.REPORT_PDF_RUN_MAX;
  if (count > max) {
    throw conflict(`This file would hold ${count} patients, more than the ${max} a report run prints: narrow the criteria`, {
      patients: count,
      runMax: max,
    });
  }
  await progress(30, `Rendering ${count} patients`);
  const file = await renderReminderPdf(list, kind, { language, template: (await templateText(ctx, list.clinic.id, language)).body });
  return { ...file, clinicId: list.clinic.id, criteria: list.criteria };
}

/**
 * Audits a reminder/recall disclosure: the list, a file in the request, or a kept PDF's download (with its run id),
 * each naming the patients it discloses.
 */
export async function auditReminderDisclosure(
  ctx: AppContext,
  actor: Actor,
  f: { clinicId: string; criteria: ReminderCriteria; patientIds: string[]; format: string; runId?: string },
): Promise<void> {
  await appendActorAudit(
    ctx.db,
    actor,
    {
      action: 'report.reminder_recall.run',
      entityType: 'report',
      entityId: 'reminder_recall',
      detail: {
        format: f.format,
        clinicId: f.clinicId,
        criteria: f.criteria,
        patientIds: f.patientIds,
        ...(f.runId ? { runId: f.runId } : {}),
      },
    },
    ctx.clock.now(),
  );
}
