// The DPH data steward's possible-duplicate queue (the merge itself is modules/merges' route).
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import { NotDuplicateBody, PossibleDuplicateParams, PossibleDuplicatesQuery } from './possible-duplicate.schemas.ts';
import { listPossibleDuplicates, markNotDuplicate } from './possible-duplicate.service.ts';
import { duplicateScanStatus, requestDuplicateScan } from './possible-duplicate-scan.service.ts';

const tags = ['patients'];

export function registerPossibleDuplicateRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/possible-duplicates',
    {
      config: { policy: 'patient:merge' },
      schema: { tags, summary: 'Open possible-duplicate pairs, side by side with the match reasons', querystring: PossibleDuplicatesQuery },
    },
    async (req) => listPossibleDuplicates(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/possible-duplicates/:id/not-duplicate',
    {
      config: { policy: 'patient:merge' },
      schema: {
        tags,
        summary: 'Resolve a pair as two different people (never queued again)',
        params: PossibleDuplicateParams,
        body: NotDuplicateBody,
      },
    },
    async (req) => markNotDuplicate(ctx, actorOf(req), req.params.id, req.body.note),
  );
  app.post(
    '/api/possible-duplicates/scan',
    {
      config: { policy: 'patient:merge' },
      schema: { tags, summary: 'Start a scan of the registry for likely duplicate pairs (a background job; pairs join the queue)' },
    },
    async (req, reply) => reply.code(202).send(await requestDuplicateScan(ctx, actorOf(req))),
  );
  app.get(
    '/api/possible-duplicates/scans',
    {
      config: { policy: 'patient:merge' },
      schema: { tags, summary: 'The duplicate scan queued or running now (with its progress) and the last finished one' },
    },
    async (req) => duplicateScanStatus(ctx, actorOf(req)),
  );
}
