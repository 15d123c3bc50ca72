// Long reports as background runs: `report:run`; a run is readable by the user who queued it only.
import type { AppContext } from '../../context.ts';
import { actorOf, sendDownload, type App } from '../../http.ts';
import { coverageCsv, dosesCsv } from './report-csv.ts';
import { getReportRun, listReportRuns, reportRunFile, reportRunResult, startReportRun } from './report-run.service.ts';
import { ReportRunParams, StartReportRunBody } from './reports.schemas.ts';

const tags = ['reports'];
const policy = 'report:run' as const;

export function registerReportRunRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/reports/runs',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Queue a long report (statewide coverage, doses administered) as a background run',
        body: StartReportRunBody,
      },
    },
    async (req, reply) => reply.status(202).send(await startReportRun(ctx, actorOf(req), req.body.kind, req.body.params)),
  );
  app.get(
    '/api/reports/runs',
    { config: { policy }, schema: { tags, summary: 'My latest report runs with their progress' } },
    async (req) => listReportRuns(ctx, actorOf(req)),
  );
  app.get(
    '/api/reports/runs/:id',
    { config: { policy }, schema: { tags, summary: 'A report run: progress, and the result once done', params: ReportRunParams } },
    async (req) => getReportRun(ctx, actorOf(req), req.params.id),
  );
  app.get(
    '/api/reports/runs/:id/csv',
    { config: { policy }, schema: { tags, summary: 'The result of a finished report run as CSV', params: ReportRunParams } },
    async (req, reply) => {
      const r = await reportRunResult(ctx, actorOf(req), req.params.id);
      const body = r.kind === 'coverage' ? coverageCsv(r.report) : dosesCsv(r.report);
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${r.kind === 'coverage' ? 'coverage' : 'doses-administered'}-${req.params.id.slice(0, 8)}.csv"`,
        )
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
  app.get(
    '/api/reports/runs/:id/file',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'The PDF of a finished letters, labels or call-list run (audited like the direct download)',
        params: ReportRunParams,
      },
    },
    async (req, reply) => {
      const f = await reportRunFile(ctx, actorOf(req), req.params.id);
      if (f.skipped) reply.header('x-skipped-no-address', String(f.skipped));
      return sendDownload(reply, 'application/pdf', f.filename, f.pdf);
    },
  );
}
