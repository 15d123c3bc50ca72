import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import * as outbox from './outbox.service.ts';

const OutboxQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), to: z.string().trim().max(254).optional() });
const MessageParams = z.object({ id: z.string().uuid() });

/** The outbox: what the system mailed (or would have, without SMTP), newest first. */
export function registerOutboxRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/outbox',
    {
      config: { policy: 'outbox:read' },
      schema: {
        tags: ['mail'],
        summary: 'Latest outgoing messages: recipient, subject, time, delivery state (no bodies)',
        querystring: OutboxQuery,
      },
    },
    async (req) => outbox.listOutbox(ctx, req.query),
  );
  app.get(
    '/api/outbox/:id',
    {
      config: { policy: 'outbox:read-body' },
      schema: { tags: ['mail'], summary: 'One message with its body: development only (no SMTP), audited', params: MessageParams },
    },
    async (req) => outbox.readMessage(ctx, actorOf(req), req.params.id),
  );
}
