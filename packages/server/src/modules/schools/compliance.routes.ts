// Compliance reports (JSON and CSV) and a class's official records (one PDF). Thin routes over the services.
import type { SchoolGrade } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import { classRecordsPdf } from './class-records.service.ts';
import { renderCompliancePdf } from './compliance.pdf.ts';
import { complianceCsv, complianceReport } from './compliance.service.ts';
import { GradeQuery, SchoolParams, YearQuery } from './school.schemas.ts';
import { surveyCsv } from './survey.service.ts';

const tags = ['schools'];

export function registerComplianceRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/schools/:schoolId/compliance',
    {
      config: { policy: 'school:read' },
      schema: { tags, summary: "School-entry compliance of a grade's students (audited)", params: SchoolParams, querystring: GradeQuery },
    },
    async (req) => complianceReport(ctx, actorOf(req), req.params.schoolId, req.query.year, req.query.grade as SchoolGrade),
  );

  app.get(
    '/api/schools/:schoolId/compliance.csv',
    {
      config: { policy: 'school:read' },
      schema: { tags, summary: 'The compliance report as CSV (formula-safe)', params: SchoolParams, querystring: GradeQuery },
    },
    async (req, reply) => {
      const r = await complianceReport(ctx, actorOf(req), req.params.schoolId, req.query.year, req.query.grade as SchoolGrade, 'csv');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="compliance-${r.schoolYear}-grade-${r.grade}.csv"`)
        .send(complianceCsv(r));
    },
  );

  app.get(
    '/api/schools/:schoolId/compliance.pdf',
    {
      config: { policy: 'school:read' },
      schema: { tags, summary: 'The compliance report as a PDF', params: SchoolParams, querystring: GradeQuery },
    },
    async (req, reply) => {
      const r = await complianceReport(ctx, actorOf(req), req.params.schoolId, req.query.year, req.query.grade as SchoolGrade, 'pdf');
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="compliance-${r.schoolYear}-grade-${r.grade}.pdf"`)
        .send(Buffer.from(await renderCompliancePdf(r)));
    },
  );

  app.get(
    '/api/schools/:schoolId/survey.csv',
    {
      config: { policy: 'school:read' },
      schema: { tags, summary: "The state's annual school survey counts per grade, as CSV", params: SchoolParams, querystring: YearQuery },
    },
    async (req, reply) => {
      const { csv, filename } = await surveyCsv(ctx, actorOf(req), req.params.schoolId, req.query.year);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(csv);
    },
  );

  app.get(
    '/api/schools/:schoolId/records.pdf',
    {
      config: { policy: 'roster:manage' },
      schema: {
        tags,
        summary: "The official immunization records of a grade's linked students, one PDF",
        params: SchoolParams,
        querystring: GradeQuery,
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await classRecordsPdf(
        ctx,
        actorOf(req),
        req.params.schoolId,
        req.query.year,
        req.query.grade as SchoolGrade,
      );
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${filename}"`).send(Buffer.from(pdf));
    },
  );
}
