import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http.ts';

const OutboxQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), to: z.string().trim().max(254).optional() });

/** The dev outbox: what the system mailed (or would have, without SMTP), newest first. */
export function registerOutboxRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/outbox',
    {
      config: { policy: 'outbox:read' },
      schema: { tags: ['mail'], summary: 'Latest outgoing messages, with transport and delivery state', querystring: OutboxQuery },
    },
    async (req) => {
      let q = ctx.db.selectFrom('mail_outbox').selectAll().orderBy('seq', 'desc').limit(req.query.limit);
      if (req.query.to) q = q.where('to_address', '=', req.query.to);
      const rows = await q.execute();
      return {
        smtpConfigured: !!ctx.config.SMTP_URL,
        messages: rows.map((m) => ({
          id: m.id,
          to: m.to_address,
          subject: m.subject,
          body: m.body,
          createdAt: m.created_at.toISOString(),
          transport: m.transport,
          sentAt: m.sent_at?.toISOString() ?? null,
          error: m.error,
        })),
      };
    },
  );
}
