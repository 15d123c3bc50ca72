// Inventory report routes (inventory:read): JSON for the page, CSV for a spreadsheet.
import type { AppContext } from '../../context.ts';
import { actorOf, sendDownload, type App } from '../../http.ts';
import * as reports from './report.service.ts';
import { InventoryReportQuery } from './report.schemas.ts';

const tags = ['inventory'];

export function registerInventoryReportRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/inventory/reports',
    {
      config: { policy: 'inventory:read' },
      schema: { tags, summary: 'Doses on hand by funding and vaccine, wastage by reason', querystring: InventoryReportQuery },
    },
    async (req) => reports.inventoryReport(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/inventory/reports.csv',
    { config: { policy: 'inventory:read' }, schema: { tags, summary: 'The inventory report as CSV', querystring: InventoryReportQuery } },
    async (req, reply) =>
      sendDownload(
        reply,
        'text/csv; charset=utf-8',
        'inventory-report.csv',
        await reports.inventoryReportCsv(ctx, actorOf(req), req.query),
      ),
  );
}
