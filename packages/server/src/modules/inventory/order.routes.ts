// Ordering routes: the order set and the builder (coordinators; DPH reads), placing an order (coordinators),
// the order list and detail, DPH's decision and the CSV of approved orders (inventory:approve).
import type { AppContext } from '../../context.ts';
import { actorOf, sendDownload, type App } from '../../http.ts';
import * as orders from './order.service.ts';
import { ApproveBody, DenyBody, OrderBody, OrderListQuery, OrderParams, OrderSetBody, OrderSetParams } from './order.schemas.ts';
import { ClinicQuery } from './stock.schemas.ts';

const tags = ['inventory'];

export function registerOrderRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/inventory/order-set',
    {
      config: { policy: 'inventory:read' },
      schema: { tags, summary: 'The clinic’s order set of public vaccine', querystring: ClinicQuery },
    },
    async (req) => orders.orderSet(ctx, actorOf(req), req.query.organizationId),
  );
  app.post(
    '/api/inventory/order-set',
    { config: { policy: 'inventory:write' }, schema: { tags, summary: 'Add a product (by NDC) to the order set', body: OrderSetBody } },
    async (req, reply) => reply.status(201).send(await orders.addToOrderSet(ctx, actorOf(req), req.body)),
  );
  app.delete(
    '/api/inventory/order-set/:ndc',
    { config: { policy: 'inventory:write' }, schema: { tags, summary: 'Remove a product from the order set', params: OrderSetParams } },
    async (req) => orders.removeFromOrderSet(ctx, actorOf(req), req.params.ndc),
  );
  app.get(
    '/api/inventory/orders/builder',
    {
      config: { policy: 'inventory:read' },
      schema: {
        tags,
        summary: 'Order builder: on hand, doses given in 30/90 days, suggested quantity, refusals',
        querystring: ClinicQuery,
      },
    },
    async (req) => orders.orderBuilder(ctx, actorOf(req), req.query.organizationId),
  );
  app.post(
    '/api/inventory/orders',
    { config: { policy: 'inventory:write' }, schema: { tags, summary: 'Place an order of public vaccine', body: OrderBody } },
    async (req, reply) => reply.status(201).send(await orders.placeOrder(ctx, actorOf(req), req.body)),
  );
  app.get(
    '/api/inventory/orders',
    {
      config: { policy: 'inventory:read' },
      schema: { tags, summary: 'Orders, newest first (DPH: every clinic’s)', querystring: OrderListQuery },
    },
    async (req) => orders.listOrders(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/inventory/orders/export.csv',
    { config: { policy: 'inventory:approve' }, schema: { tags, summary: 'DPH: approved orders as CSV for the CDC upload' } },
    async (req, reply) =>
      sendDownload(reply, 'text/csv; charset=utf-8', 'approved-orders.csv', await orders.exportApprovedOrders(ctx, actorOf(req))),
  );
  app.get(
    '/api/inventory/orders/:id',
    { config: { policy: 'inventory:read' }, schema: { tags, summary: 'One order', params: OrderParams } },
    async (req) => orders.orderDetail(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/inventory/orders/:id/approve',
    {
      config: { policy: 'inventory:approve' },
      schema: { tags, summary: 'DPH: approve an order, optionally editing quantities', params: OrderParams, body: ApproveBody },
    },
    async (req) => orders.approveOrder(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/inventory/orders/:id/deny',
    {
      config: { policy: 'inventory:approve' },
      schema: { tags, summary: 'DPH: deny an order with the reason', params: OrderParams, body: DenyBody },
    },
    async (req) => orders.denyOrder(ctx, actorOf(req), req.params.id, req.body),
  );
}
