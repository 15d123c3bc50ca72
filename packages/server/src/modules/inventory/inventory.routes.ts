// Inventory routes: thin (policy, one schema, one service call). Every route needs an inventory permission, which
// only the clinic's Primary/Backup Vaccine Coordinators and DPH's vaccine-program staff hold.
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import * as stock from './stock.service.ts';
import { ClinicQuery, LotUnitParams, ReceiptBody, UnitParams } from './stock.schemas.ts';

const tags = ['inventory'];

export function registerStockRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/inventory/dashboard',
    {
      config: { policy: 'inventory:read' },
      schema: { tags, summary: 'Coordinator’s dashboard: units, lots expiring in 30/60/90 days, to-do list', querystring: ClinicQuery },
    },
    async (req) => stock.dashboard(ctx, actorOf(req), req.query.organizationId),
  );

  app.get(
    '/api/inventory/units/:unitId/stock',
    { config: { policy: 'inventory:read' }, schema: { tags, summary: 'Lots in one storage unit', params: UnitParams } },
    async (req) => stock.unitStock(ctx, actorOf(req), req.params.unitId),
  );

  app.get(
    '/api/inventory/units/:unitId/lots/:lotId/ledger',
    { config: { policy: 'inventory:read' }, schema: { tags, summary: 'Ledger of one lot in one storage unit', params: LotUnitParams } },
    async (req) => stock.lotLedger(ctx, actorOf(req), req.params.unitId, req.params.lotId),
  );

  app.post(
    '/api/inventory/receipts',
    {
      config: { policy: 'inventory:write' },
      schema: { tags, summary: 'Receive private inventory into a storage unit', body: ReceiptBody },
    },
    async (req, reply) => reply.status(201).send(await stock.receivePrivate(ctx, actorOf(req), req.body)),
  );

  app.get(
    '/api/inventory/ledger-check',
    { config: { policy: 'inventory:read' }, schema: { tags, summary: 'Balances that differ from the sum of their ledger' } },
    async (req) => stock.ledgerCheck(ctx, actorOf(req)),
  );
}
