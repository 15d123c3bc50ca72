// Coverage assessment routes: `report:run`; the population is the services' (reports.policy.ts populationFor).
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import { coverageReport, coverageTrend, notUpToDate } from './coverage.service.ts';
import { coverageCsv } from './report-csv.ts';
import { CoverageQuery, CoverageTrendQuery, NotUpToDateQuery } from './reports.schemas.ts';

const tags = ['reports'];
const policy = 'report:run' as const;

export function registerCoverageRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/reports/coverage',
    {
      config: { policy },
      schema: { tags, summary: 'Coverage assessment: share up to date per measure, by area', querystring: CoverageQuery },
    },
    async (req) => coverageReport(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/reports/coverage.csv',
    { config: { policy }, schema: { tags, summary: 'Coverage assessment as CSV', querystring: CoverageQuery } },
    async (req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="coverage.csv"')
        .header('cache-control', 'no-store')
        .send(coverageCsv(await coverageReport(ctx, actorOf(req), req.query))),
  );
  app.get(
    '/api/reports/coverage/trend',
    { config: { policy }, schema: { tags, summary: 'Coverage at each month end', querystring: CoverageTrendQuery } },
    async (req) => coverageTrend(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/reports/coverage/not-up-to-date',
    { config: { policy }, schema: { tags, summary: 'The not-up-to-date patients of an area (drill-down)', querystring: NotUpToDateQuery } },
    async (req) => notUpToDate(ctx, actorOf(req), req.query),
  );
}
