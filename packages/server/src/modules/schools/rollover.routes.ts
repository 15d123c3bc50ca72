// Grade rollover: preview, then run. Thin routes over rollover.service.ts.
import type { SchoolGrade } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import { previewRollover, runRollover } from './rollover.service.ts';
import { RolloverBody, RolloverQuery, SchoolParams } from './school.schemas.ts';

const tags = ['schools'];

export function registerRolloverRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/schools/:schoolId/rollover',
    {
      config: { policy: 'roster:manage' },
      schema: {
        tags,
        summary: 'Preview the rollover of a roster to the next school year',
        params: SchoolParams,
        querystring: RolloverQuery,
      },
    },
    async (req) => previewRollover(ctx, actorOf(req), req.params.schoolId, req.query.from, req.query.topGrade as SchoolGrade | undefined),
  );

  app.post(
    '/api/schools/:schoolId/rollover',
    {
      config: { policy: 'roster:manage' },
      schema: { tags, summary: 'Roll a roster over to the next school year', params: SchoolParams, body: RolloverBody },
    },
    async (req) => runRollover(ctx, actorOf(req), req.params.schoolId, req.body.from, req.body.topGrade as SchoolGrade | undefined),
  );
}
