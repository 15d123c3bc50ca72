import { z } from 'zod';
import { IsoDateOrInstant } from '../../schemas.ts';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import { checkpointAuditLog, searchAuditLog, verifyAuditLog } from './audit-viewer.service.ts';

/** A date (the whole day, UTC) or an instant. */
const When = IsoDateOrInstant;
const AuditQuery = z.object({
  actor: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  patientId: z.string().uuid().optional(),
  organizationId: z.string().uuid().optional(),
  from: When.optional(),
  to: When.optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export function registerAuditRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/audit',
    {
      config: { policy: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first, with filters (the search itself is audited)',
        querystring: AuditQuery,
      },
    },
    async (req) => searchAuditLog(ctx, actorOf(req), req.query),
  );

  app.get(
    '/api/audit/verify',
    {
      config: { policy: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Recompute the keyed chain against its signed checkpoints: ok, or the first broken entry and why',
      },
    },
    async (req) => verifyAuditLog(ctx, actorOf(req)),
  );

  app.post(
    '/api/audit/checkpoints',
    {
      config: { policy: 'audit:read' },
      schema: { tags: ['audit'], summary: 'Sign a checkpoint of the chain now (after checking the entries since the last one)' },
    },
    async (req, reply) => reply.status(201).send(await checkpointAuditLog(ctx, actorOf(req))),
  );
}
