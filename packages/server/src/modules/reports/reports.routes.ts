// Report routes: thin (policy, one schema, one service call). Every report is `report:run`; record scope is the
// services' (reports.policy.ts).
import type { ReportClinicList } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { actorOf, sendDownload, type App } from '../../http.ts';
import {
  deleteCohort,
  getLetterTemplate,
  listCohorts,
  patientNotifications,
  recordNotifications,
  saveCohort,
  setLetterTemplate,
} from './cohort.service.ts';
import { reminderClinicsFor } from './reports.policy.ts';
import { reminderPdf, reminderRecallCsv, runReminderRecall } from './reminder.service.ts';
import {
  CohortBody,
  CohortListQuery,
  CohortParams,
  LettersQuery,
  NotificationsBody,
  PatientParams,
  ReminderCriteriaSchema,
  TemplateBody,
  TemplateParams,
  TemplateQuery,
} from './reports.schemas.ts';

const tags = ['reports'];
const policy = 'report:run' as const;

function sendFile(reply: import('fastify').FastifyReply, type: string, filename: string, body: string | Uint8Array, skipped?: number) {
  if (skipped !== undefined) reply.header('x-skipped-no-address', String(skipped));
  return sendDownload(reply, type, filename, body);
}

export function registerReminderRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/reports/clinics',
    { config: { policy }, schema: { tags, summary: 'The clinics whose reminder/recall I may run (DPH: every active clinic)' } },
    async (req): Promise<ReportClinicList> => ({ clinics: await reminderClinicsFor(ctx, actorOf(req)) }),
  );
  app.get(
    '/api/reports/reminder-recall',
    {
      config: { policy },
      schema: { tags, summary: 'Reminder/recall: patients due or overdue (stored forecasts)', querystring: ReminderCriteriaSchema },
    },
    async (req) => runReminderRecall(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/reports/reminder-recall.csv',
    {
      config: { policy },
      schema: { tags, summary: 'Reminder/recall as CSV (call list; formula-safe)', querystring: ReminderCriteriaSchema },
    },
    async (req, reply) =>
      sendFile(reply, 'text/csv; charset=utf-8', 'reminder-recall.csv', await reminderRecallCsv(ctx, actorOf(req), req.query)),
  );
  app.get(
    '/api/reports/reminder-recall/letters.pdf',
    { config: { policy }, schema: { tags, summary: 'Reminder letters (PDF) in English or Spanish', querystring: LettersQuery } },
    async (req, reply) => {
      const { language, ...criteria } = req.query;
      const r = await reminderPdf(ctx, actorOf(req), 'letters', criteria, language);
      return sendFile(reply, 'application/pdf', r.filename, r.pdf, r.skipped);
    },
  );
  app.get(
    '/api/reports/reminder-recall/labels.pdf',
    { config: { policy }, schema: { tags, summary: 'Mailing labels (PDF, Avery 5160)', querystring: ReminderCriteriaSchema } },
    async (req, reply) => {
      const r = await reminderPdf(ctx, actorOf(req), 'labels', req.query);
      return sendFile(reply, 'application/pdf', r.filename, r.pdf, r.skipped);
    },
  );
  app.get(
    '/api/reports/reminder-recall/call-list.pdf',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Call list (PDF, landscape): every phone, guardian, due vaccines, outcome boxes',
        querystring: ReminderCriteriaSchema,
      },
    },
    async (req, reply) => {
      const r = await reminderPdf(ctx, actorOf(req), 'call_list', req.query);
      return sendFile(reply, 'application/pdf', r.filename, r.pdf);
    },
  );
  app.get(
    '/api/reports/cohorts',
    { config: { policy }, schema: { tags, summary: 'Saved reminder/recall cohorts of the clinic', querystring: CohortListQuery } },
    async (req) => listCohorts(ctx, actorOf(req), req.query.organizationId),
  );
  app.post(
    '/api/reports/cohorts',
    { config: { policy }, schema: { tags, summary: 'Save reminder/recall criteria as a named cohort', body: CohortBody } },
    async (req, reply) => reply.code(201).send(await saveCohort(ctx, actorOf(req), req.body.name, req.body.criteria)),
  );
  app.delete(
    '/api/reports/cohorts/:id',
    { config: { policy }, schema: { tags, summary: 'Delete a saved cohort', params: CohortParams } },
    async (req, reply) => {
      await deleteCohort(ctx, actorOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/reports/notifications',
    { config: { policy }, schema: { tags, summary: 'Record that reminder/recall notices were sent', body: NotificationsBody } },
    async (req) => recordNotifications(ctx, actorOf(req), req.body),
  );
  app.get(
    '/api/patients/:id/notifications',
    { config: { policy: 'patient:read' }, schema: { tags, summary: 'Reminder/recall notices sent to a patient', params: PatientParams } },
    async (req) => patientNotifications(ctx, actorOf(req), req.params.id),
  );
  app.get(
    '/api/reports/letter-templates/:language',
    {
      config: { policy },
      schema: { tags, summary: 'The clinic’s reminder letter (or the default)', params: TemplateParams, querystring: TemplateQuery },
    },
    async (req) => getLetterTemplate(ctx, actorOf(req), req.params.language, req.query.organizationId),
  );
  app.put(
    '/api/reports/letter-templates/:language',
    { config: { policy }, schema: { tags, summary: 'Set the clinic’s reminder letter', params: TemplateParams, body: TemplateBody } },
    async (req) => setLetterTemplate(ctx, actorOf(req), req.params.language, req.body),
  );
}
