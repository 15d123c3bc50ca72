// Doses administered, inactive patients, data quality: `report:run`, JSON and CSV; population scope in the services.
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import { toCsv } from '../../csv.ts';
import { dataQuality, dosesAdministered, inactivePatients } from './population.service.ts';
import { dosesCsv } from './report-csv.ts';
import { DataQualityQuery, DosesQuery, InactiveQuery } from './reports.schemas.ts';

const tags = ['reports'];
const policy = 'report:run' as const;

function csv(reply: import('fastify').FastifyReply, filename: string, body: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

export function registerPopulationReportRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/reports/doses-administered',
    {
      config: { policy },
      schema: { tags, summary: 'Doses administered in a date range, by vaccine, funding, VFC, clinic or age', querystring: DosesQuery },
    },
    async (req) => dosesAdministered(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/reports/doses-administered.csv',
    { config: { policy }, schema: { tags, summary: 'Doses administered as CSV', querystring: DosesQuery } },
    async (req, reply) => {
      const r = await dosesAdministered(ctx, actorOf(req), req.query);
      return csv(reply, 'doses-administered.csv', dosesCsv(r));
    },
  );
  app.get(
    '/api/reports/inactive-patients',
    {
      config: { policy },
      schema: { tags, summary: 'Patients inactive at the clinic or in the jurisdiction, with reasons', querystring: InactiveQuery },
    },
    async (req) => inactivePatients(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/reports/inactive-patients.csv',
    { config: { policy }, schema: { tags, summary: 'Inactive patients as CSV', querystring: InactiveQuery } },
    async (req, reply) => {
      const r = await inactivePatients(ctx, actorOf(req), req.query);
      return csv(
        reply,
        'inactive-patients.csv',
        toCsv(
          ['Name', 'Date of birth', 'Status', 'Reason', 'Since'],
          r.patients.map((p) => [p.name, p.dob, p.status, p.reason, p.since]),
        ),
      );
    },
  );
  app.get(
    '/api/reports/data-quality',
    {
      config: { policy },
      schema: { tags, summary: 'Data quality: not administered, no lot/funding, late entries, no address', querystring: DataQualityQuery },
    },
    async (req) => dataQuality(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/reports/data-quality.csv',
    { config: { policy }, schema: { tags, summary: 'Data quality findings as CSV', querystring: DataQualityQuery } },
    async (req, reply) => {
      const r = await dataQuality(ctx, actorOf(req), req.query);
      return csv(
        reply,
        'data-quality.csv',
        toCsv(
          ['Check', 'Patient id', 'Dose id', 'Date', 'Detail'],
          r.checks.flatMap((c) => c.items.map((i) => [c.label, i.patientId, i.doseId, i.date, i.detail])),
        ),
      );
    },
  );
}
