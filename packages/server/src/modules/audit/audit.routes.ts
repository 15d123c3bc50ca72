import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import { appendActorAudit, verifyAuditChain } from './audit.service.ts';
import { queryAudit } from './audit-log.repo.ts';

const day = /^\d{4}-\d{2}-\d{2}$/;
/** A date (the whole day, UTC) or an instant. */
const When = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'Use a date (YYYY-MM-DD) or an ISO date-time');
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
      schema: { tags: ['audit'], summary: 'The audit log, newest first, with filters', querystring: AuditQuery },
    },
    async (req) => {
      const f = req.query;
      const from = f.from ? new Date(f.from) : undefined;
      // "to" as a date includes that whole day.
      const to = f.to ? new Date(day.test(f.to) ? Date.parse(f.to) + 86_400_000 : Date.parse(f.to)) : undefined;
      const { rows, total } = await queryAudit(ctx.db, { ...f, from, to, limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
      return {
        entries: rows.map((r) => ({
          seq: r.seq,
          at: r.at.toISOString(),
          actorUserId: r.actor_user_id,
          actorUsername: r.actor_username,
          organizationId: r.organization_id,
          action: r.action,
          outcome: r.outcome,
          entityType: r.entity_type,
          entityId: r.entity_id,
          patientId: r.patient_id,
          ip: r.ip,
          detail: r.detail,
        })),
        total,
        page: f.page,
        pageSize: f.pageSize,
      };
    },
  );

  app.get(
    '/api/audit/verify',
    { config: { policy: 'audit:read' }, schema: { tags: ['audit'], summary: 'Recompute the hash chain: ok, or the first broken entry' } },
    async (req) => {
      const actor = actorOf(req);
      const result = await verifyAuditChain(ctx.db);
      await appendActorAudit(
        ctx.db,
        actor,
        {
          action: 'audit.verify',
          outcome: result.ok ? 'success' : 'failure',
          detail: { ...result },
        },
        ctx.clock.now(),
      );
      return { ok: result.ok, checked: result.checked, brokenAt: result.brokenAt ?? null };
    },
  );
}
