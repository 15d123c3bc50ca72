// The message log, its error queue (errorsOnly), a message with its answer, reprocessing, quality counts.
import type { Hl7Reprocessed } from '@nutmeg/api-types';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import { IdParams, MessageQuery } from './hl7.schemas.ts';
import * as log from './message-log.service.ts';
import { ruleQuality } from './quality.service.ts';

const QualityQuery = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) });
const RuleQualityQuery = z.object({
  interfaceId: z.string().uuid('Choose an interface'),
  period: z.enum(['week', 'month']).default('week'),
  periods: z.coerce.number().int().min(1).max(24).default(12),
});

export function registerMessageLogRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/hl7/messages',
    {
      config: { policy: 'hl7:log' },
      schema: {
        tags: ['hl7'],
        summary: 'Search the message log (date, patient, status, interface; errorsOnly: the error queue)',
        querystring: MessageQuery,
      },
    },
    async (req) => log.listMessages(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/hl7/messages/:id',
    {
      config: { policy: 'hl7:log' },
      schema: { tags: ['hl7'], summary: 'One message: the text received and the answer sent (audited)', params: IdParams },
    },
    async (req) => log.getMessage(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/hl7/messages/:id/reprocess',
    {
      config: { policy: 'hl7:log' },
      schema: { tags: ['hl7'], summary: 'Run a stored message through processing again', params: IdParams },
    },
    async (req) => {
      const a = await log.reprocessMessage(ctx, actorOf(req), req.params.id);
      const out: Hl7Reprocessed = { messageId: a.messageId, ackCode: a.ackCode, status: a.status };
      return out;
    },
  );
  app.get(
    '/api/hl7/quality',
    {
      config: { policy: 'hl7:log' },
      schema: { tags: ['hl7'], summary: 'Messages, warnings and errors per interface and day', querystring: QualityQuery },
    },
    async (req) => log.qualityReport(ctx, actorOf(req), req.query.days),
  );
  app.get(
    '/api/hl7/quality/rules',
    {
      config: { policy: 'hl7:log' },
      schema: { tags: ['hl7'], summary: 'One interface’s data-quality issues per rule and week or month', querystring: RuleQualityQuery },
    },
    async (req) => ruleQuality(ctx, actorOf(req), req.query),
  );
}
