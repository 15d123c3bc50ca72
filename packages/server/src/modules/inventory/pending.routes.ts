// The added-but-not-administered queue (coordinators pull and resolve; DPH reads).
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import * as pending from './pending.service.ts';
import { PendingBody, PendingParams, ResolveBody } from './pending.schemas.ts';
import { ClinicQuery } from './stock.schemas.ts';

const tags = ['inventory'];

export function registerPendingRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/inventory/pending-doses',
    { config: { policy: 'inventory:read' }, schema: { tags, summary: 'Doses added but not administered', querystring: ClinicQuery } },
    async (req) => pending.pendingQueue(ctx, actorOf(req), req.query.organizationId),
  );

  app.post(
    '/api/inventory/pending-doses',
    {
      config: { policy: 'inventory:write' },
      schema: { tags, summary: 'Take a dose out of a unit for a patient, not yet given', body: PendingBody },
    },
    async (req, reply) => reply.status(201).send(await pending.pullForPatient(ctx, actorOf(req), req.body)),
  );

  app.post(
    '/api/inventory/pending-doses/:id/resolve',
    {
      config: { policy: 'inventory:write' },
      schema: { tags, summary: 'Resolve a pending dose: given, back to stock, or wasted', params: PendingParams, body: ResolveBody },
    },
    async (req) => pending.resolvePending(ctx, actorOf(req), req.params.id, req.body),
  );
}
