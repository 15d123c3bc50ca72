// Exemptions: thin routes over exemption.service.ts.
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import { clearExemption, recordExemption } from './exemption.service.ts';
import { ExemptionBody, ExemptionParams, SchoolParams } from './school.schemas.ts';

const tags = ['schools'];

export function registerExemptionRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/schools/:schoolId/exemptions',
    {
      config: { policy: 'roster:manage' },
      schema: {
        tags,
        summary: 'Record a medical or religious exemption of a student (replaces one of the same kind)',
        params: SchoolParams,
        body: ExemptionBody,
      },
    },
    async (req, reply) => reply.status(201).send(await recordExemption(ctx, actorOf(req), req.params.schoolId, req.body)),
  );

  app.delete(
    '/api/schools/:schoolId/exemptions/:exemptionId',
    { config: { policy: 'roster:manage' }, schema: { tags, summary: 'Clear an exemption', params: ExemptionParams } },
    async (req, reply) => {
      await clearExemption(ctx, actorOf(req), req.params.schoolId, req.params.exemptionId);
      return reply.status(204).send();
    },
  );
}
