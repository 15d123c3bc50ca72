// Return routes: coordinators request (inventory:write); DPH approves or denies (inventory:approve); both read the
// list and the label PDF of an approved return (inventory:read).
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import * as returns from './return.service.ts';
import { ReturnApproveBody, ReturnBody, ReturnDenyBody, ReturnListQuery, ReturnParams } from './return.schemas.ts';

const tags = ['inventory'];

export function registerReturnRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/inventory/returns',
    {
      config: { policy: 'inventory:read' },
      schema: { tags, summary: 'Returns of public vaccine (DPH: every clinic’s)', querystring: ReturnListQuery },
    },
    async (req) => returns.listReturns(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/inventory/returns',
    {
      config: { policy: 'inventory:write' },
      schema: { tags, summary: 'Request the return of expired or spoiled public vaccine', body: ReturnBody },
    },
    async (req, reply) => reply.status(201).send(await returns.requestReturn(ctx, actorOf(req), req.body)),
  );
  app.post(
    '/api/inventory/returns/:id/approve',
    {
      config: { policy: 'inventory:approve' },
      schema: { tags, summary: 'DPH: approve a return (the doses leave the unit)', params: ReturnParams, body: ReturnApproveBody },
    },
    async (req) => returns.approveReturn(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/inventory/returns/:id/deny',
    {
      config: { policy: 'inventory:approve' },
      schema: { tags, summary: 'DPH: deny a return with the reason', params: ReturnParams, body: ReturnDenyBody },
    },
    async (req) => returns.denyReturn(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/inventory/returns/:id/label.pdf',
    {
      config: { policy: 'inventory:read' },
      schema: { tags, summary: 'The return packing list / label of an approved return (PDF)', params: ReturnParams },
    },
    async (req, reply) => {
      const { pdf, filename } = await returns.returnLabel(ctx, actorOf(req), req.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(Buffer.from(pdf));
    },
  );
}
