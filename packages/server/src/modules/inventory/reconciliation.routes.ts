// Reconciliation and wastage routes (coordinators change; DPH reads the history).
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import * as rec from './reconciliation.service.ts';
import { ReconciliationBody, WastageBody } from './reconciliation.schemas.ts';
import { UnitParams } from './stock.schemas.ts';

const tags = ['inventory'];

export function registerReconciliationRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/inventory/units/:unitId/reconciliations',
    {
      config: { policy: 'inventory:write' },
      schema: {
        tags,
        summary: 'Reconcile a storage unit: a physical count of every lot, a reason for each difference',
        params: UnitParams,
        body: ReconciliationBody,
      },
    },
    async (req, reply) => reply.status(201).send(await rec.reconcile(ctx, actorOf(req), req.params.unitId, req.body)),
  );

  app.get(
    '/api/inventory/units/:unitId/reconciliations',
    {
      config: { policy: 'inventory:read' },
      schema: { tags, summary: 'A storage unit’s reconciliations, newest first', params: UnitParams },
    },
    async (req) => rec.reconciliationHistory(ctx, actorOf(req), req.params.unitId),
  );

  app.post(
    '/api/inventory/wastage',
    { config: { policy: 'inventory:write' }, schema: { tags, summary: 'Waste doses of a lot, with the reason', body: WastageBody } },
    async (req, reply) => reply.status(201).send(await rec.recordWastage(ctx, actorOf(req), req.body)),
  );
}
