// Transfer routes: coordinators request and accept (inventory:write); DPH approves or denies public transfers
// (inventory:approve); both read (inventory:read).
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import * as transfers from './transfer.service.ts';
import {
  TransferAcceptBody,
  TransferApproveBody,
  TransferBody,
  TransferDenyBody,
  TransferListQuery,
  TransferParams,
} from './transfer.schemas.ts';

const tags = ['inventory'];

export function registerTransferRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/inventory/transfers',
    {
      config: { policy: 'inventory:read' },
      schema: { tags, summary: 'Transfers sent or received (DPH: every clinic’s)', querystring: TransferListQuery },
    },
    async (req) => transfers.listTransfers(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/inventory/transfers',
    {
      config: { policy: 'inventory:write' },
      schema: { tags, summary: 'Request a transfer of doses to another clinic', body: TransferBody },
    },
    async (req, reply) => reply.status(201).send(await transfers.requestTransfer(ctx, actorOf(req), req.body)),
  );
  app.get(
    '/api/inventory/transfers/:id',
    { config: { policy: 'inventory:read' }, schema: { tags, summary: 'One transfer', params: TransferParams } },
    async (req) => transfers.transferDetail(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/inventory/transfers/:id/approve',
    {
      config: { policy: 'inventory:approve' },
      schema: { tags, summary: 'DPH: approve a transfer of public stock', params: TransferParams, body: TransferApproveBody },
    },
    async (req) => transfers.approveTransfer(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/inventory/transfers/:id/deny',
    {
      config: { policy: 'inventory:approve' },
      schema: { tags, summary: 'DPH: deny a transfer (the doses go back)', params: TransferParams, body: TransferDenyBody },
    },
    async (req) => transfers.denyTransfer(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/inventory/transfers/:id/accept',
    {
      config: { policy: 'inventory:write' },
      schema: { tags, summary: 'Accept a transfer into a storage unit', params: TransferParams, body: TransferAcceptBody },
    },
    async (req) => transfers.acceptTransfer(ctx, actorOf(req), req.params.id, req.body),
  );
}
