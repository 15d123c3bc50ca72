// Rosters and their match review: thin routes over roster.service.ts and review.service.ts.
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import { getReview, resolveReview } from './review.service.ts';
import { addStudent, getRoster, listSchools, removeStudent, uploadRosterSlice } from './roster.service.ts';
import { rosterTemplate } from './roster-csv.ts';
import { EntryParams, ReviewBody, SchoolParams, StudentBody, UPLOAD_BODY_LIMIT, UploadBody, YearQuery } from './school.schemas.ts';
import type { SchoolGrade } from '@nutmeg/db';

const tags = ['schools'];

export function registerRosterRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/schools',
    { config: { policy: 'school:read' }, schema: { tags, summary: 'The schools the caller may see, with their roster years' } },
    async (req) => listSchools(ctx, actorOf(req)),
  );

  app.get(
    '/api/schools/roster-template.csv',
    { config: { policy: 'roster:manage' }, schema: { tags, summary: 'The roster file template (header and one example row)' } },
    async (_req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="roster-template.csv"')
        .send(rosterTemplate()),
  );

  app.get(
    '/api/schools/:schoolId/roster',
    {
      config: { policy: 'school:read' },
      schema: { tags, summary: "A school's roster for a school year (audited)", params: SchoolParams, querystring: YearQuery },
    },
    async (req) => getRoster(ctx, actorOf(req), req.params.schoolId, req.query.year),
  );

  app.post(
    '/api/schools/:schoolId/roster/uploads',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      config: { policy: 'roster:manage' },
      schema: {
        tags,
        summary: 'Process a slice of a roster file: rows matched to registry records, bad rows listed with line and field',
        params: SchoolParams,
        body: UploadBody,
      },
    },
    async (req) => uploadRosterSlice(ctx, actorOf(req), req.params.schoolId, req.body),
  );

  app.post(
    '/api/schools/:schoolId/roster/students',
    {
      config: { policy: 'roster:manage' },
      schema: { tags, summary: 'Add one student (matched as in an upload)', params: SchoolParams, body: StudentBody },
    },
    async (req, reply) => {
      const b = req.body;
      const entry = await addStudent(ctx, actorOf(req), req.params.schoolId, {
        schoolYear: b.schoolYear,
        studentId: b.studentId,
        grade: b.grade as SchoolGrade,
        lastName: b.lastName,
        firstName: b.firstName,
        middleName: b.middleName || null,
        dob: b.dob,
        sex: b.sex,
        guardian: b.guardian || null,
        address: b.address || null,
      });
      return reply.status(201).send(entry);
    },
  );

  app.delete(
    '/api/schools/:schoolId/roster/entries/:entryId',
    { config: { policy: 'roster:manage' }, schema: { tags, summary: 'Take a student off the roster', params: EntryParams } },
    async (req, reply) => {
      await removeStudent(ctx, actorOf(req), req.params.schoolId, req.params.entryId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/schools/:schoolId/roster/entries/:entryId/review',
    {
      config: { policy: 'roster:manage' },
      schema: { tags, summary: 'A student in review and the candidate records (audited)', params: EntryParams },
    },
    async (req) => getReview(ctx, actorOf(req), req.params.schoolId, req.params.entryId),
  );

  app.put(
    '/api/schools/:schoolId/roster/entries/:entryId/review',
    {
      config: { policy: 'roster:manage' },
      schema: {
        tags,
        summary: 'Link the student to one candidate, or leave unmatched (patientId null)',
        params: EntryParams,
        body: ReviewBody,
      },
    },
    async (req) => resolveReview(ctx, actorOf(req), req.params.schoolId, req.params.entryId, req.body.patientId),
  );
}
