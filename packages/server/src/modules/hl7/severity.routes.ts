// DPH's severity per data-quality rule: the list (rules with default and current severity) and one change.
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import { changeSeverity, listSeverities } from './severity.service.ts';

const RuleParams = z.object({ rule: z.string().regex(/^[A-Za-z]{1,120}$/, 'Name a data-quality rule') });
const SeverityBody = z.object({
  severity: z.enum(['E', 'W', 'I', 'ignore'], 'Choose error, warning, information or ignore'),
  version: z.number().int().min(0),
  reason: z.string().trim().min(1, 'Say why the severity changes').max(500),
});

export function registerSeverityRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/hl7/severities',
    { config: { policy: 'hl7:log' }, schema: { tags: ['hl7'], summary: 'Data-quality rules with their default and current severity' } },
    async () => listSeverities(ctx),
  );
  app.put(
    '/api/hl7/severities/:rule',
    {
      config: { policy: 'hl7:interfaces' },
      schema: {
        tags: ['hl7'],
        summary: 'Change a data-quality rule’s severity (versioned, audited)',
        params: RuleParams,
        body: SeverityBody,
      },
    },
    async (req) => changeSeverity(ctx, actorOf(req), req.params.rule, req.body),
  );
}
