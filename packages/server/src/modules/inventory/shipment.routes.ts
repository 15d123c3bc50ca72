// Shipment routes: DPH records or imports the shipment of an approved order (inventory:approve); the clinic's
// coordinators accept it into a storage unit (inventory:write).
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import { OrderParams } from './order.schemas.ts';
import * as shipments from './shipment.service.ts';
import { AcceptBody, ShipmentBody, ShipmentImportBody, ShipmentParams } from './shipment.schemas.ts';

const tags = ['inventory'];

export function registerShipmentRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/inventory/orders/:id/shipment',
    {
      config: { policy: 'inventory:approve' },
      schema: { tags, summary: 'DPH: record the shipment of an approved order', params: OrderParams, body: ShipmentBody },
    },
    async (req, reply) => reply.status(201).send(await shipments.recordShipment(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/inventory/orders/:id/shipment/import',
    {
      config: { policy: 'inventory:approve' },
      bodyLimit: 256 * 1024,
      schema: {
        tags,
        summary: 'DPH: import the shipment of an approved order from the distributor’s CSV',
        params: OrderParams,
        body: ShipmentImportBody,
      },
    },
    async (req, reply) => reply.status(201).send(await shipments.importShipment(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/inventory/shipments/:id/accept',
    {
      config: { policy: 'inventory:write' },
      schema: { tags, summary: 'Accept a shipment into a storage unit, noting discrepancies', params: ShipmentParams, body: AcceptBody },
    },
    async (req) => shipments.acceptShipment(ctx, actorOf(req), req.params.id, req.body),
  );
}
