import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import { MergeBody, MergeParams, UnmergeBody } from './merge.schemas.ts';
import { mergePatients, mergePossibleDuplicate, unmergePatients } from './merge.service.ts';
import { MergeDuplicateBody, PossibleDuplicateParams } from '../patients/index.ts';

const tags = ['patients'];

export function registerMergesRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/patient-merges',
    {
      config: { policy: 'patient:merge' },
      schema: { tags, summary: 'Merge a duplicate into a surviving record (DPH data steward)', body: MergeBody },
    },
    async (req, reply) => {
      const r = await mergePatients(ctx, actorOf(req), req.body.survivorId, req.body.mergedId, req.body.reason);
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/patient-merges/:id/undo',
    {
      config: { policy: 'patient:merge' },
      schema: {
        tags,
        summary: 'Unmerge: restore both records exactly as before',
        params: MergeParams,
        body: UnmergeBody,
      },
    },
    async (req) => unmergePatients(ctx, actorOf(req), req.params.id, req.body.reason),
  );

  app.post(
    '/api/possible-duplicates/:id/merge',
    {
      config: { policy: 'patient:merge' },
      schema: {
        tags,
        summary: 'Merge an open possible-duplicate pair into the record chosen to survive',
        params: PossibleDuplicateParams,
        body: MergeDuplicateBody,
      },
    },
    async (req) => mergePossibleDuplicate(ctx, actorOf(req), req.params.id, req.body.survivorId, req.body.reason),
  );
}
