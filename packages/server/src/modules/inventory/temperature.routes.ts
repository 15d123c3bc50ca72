// Temperature routes: the log of a unit (inventory:read), readings and logger uploads and the manufacturer's
// decision on an excursion (inventory:write), the excursion report (inventory:read; DPH statewide).
import type { AppContext } from '../../context.ts';
import { actorOf, sendDownload, type App } from '../../http.ts';
import * as excursions from './excursion-report.service.ts';
import { UnitParams } from './stock.schemas.ts';
import * as temps from './temperature.service.ts';
import { ExcursionDecisionBody, ExcursionParams, ExcursionReportQuery, LoggerUploadBody, ReadingBody } from './temperature.schemas.ts';

const tags = ['inventory'];

export function registerTemperatureRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/inventory/units/:unitId/temperatures',
    {
      config: { policy: 'inventory:read' },
      schema: { tags, summary: 'A storage unit’s temperature log and excursions', params: UnitParams },
    },
    async (req) => temps.temperatureLog(ctx, actorOf(req), req.params.unitId),
  );
  app.post(
    '/api/inventory/units/:unitId/temperatures',
    {
      config: { policy: 'inventory:write' },
      schema: { tags, summary: 'Record a temperature reading', params: UnitParams, body: ReadingBody },
    },
    async (req, reply) => reply.status(201).send(await temps.recordReading(ctx, actorOf(req), req.params.unitId, req.body)),
  );
  app.post(
    '/api/inventory/units/:unitId/temperatures/upload',
    {
      config: { policy: 'inventory:write' },
      bodyLimit: 600 * 1024,
      schema: {
        tags,
        summary: 'Upload a data logger’s readings (CSV: time, current, min, max)',
        params: UnitParams,
        body: LoggerUploadBody,
      },
    },
    async (req, reply) => reply.status(201).send(await temps.uploadLogger(ctx, actorOf(req), req.params.unitId, req.body)),
  );
  app.post(
    '/api/inventory/excursions/:id/decision',
    {
      config: { policy: 'inventory:write' },
      schema: { tags, summary: 'Record the manufacturer’s decision on an excursion', params: ExcursionParams, body: ExcursionDecisionBody },
    },
    async (req) => temps.decideExcursion(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/inventory/excursions',
    {
      config: { policy: 'inventory:read' },
      schema: { tags, summary: 'Temperature excursion report (DPH: every clinic’s)', querystring: ExcursionReportQuery },
    },
    async (req) => excursions.excursionReport(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/inventory/excursions.csv',
    { config: { policy: 'inventory:read' }, schema: { tags, summary: 'The excursion report as CSV', querystring: ExcursionReportQuery } },
    async (req, reply) =>
      sendDownload(reply, 'text/csv; charset=utf-8', 'excursions.csv', await excursions.excursionReportCsv(ctx, actorOf(req), req.query)),
  );
}
