import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import * as units from './storage-unit.service.ts';
import { ClinicQuery, StorageUnitBody, StorageUnitEditBody, StorageUnitParams } from './storage-unit.schemas.ts';

const tags = ['clinic tools'];

export function registerStorageUnitRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/clinic/storage-units',
    {
      config: { policy: 'clinic:read' },
      schema: { tags, summary: 'The clinic’s storage units (DPH: name the clinic)', querystring: ClinicQuery },
    },
    async (req) => units.listStorageUnits(ctx, actorOf(req), req.query.organizationId),
  );
  app.post(
    '/api/clinic/storage-units',
    {
      config: { policy: 'clinic:write' },
      schema: { tags, summary: 'Add a refrigerator or freezer at the clinic you act for', body: StorageUnitBody },
    },
    async (req, reply) => reply.status(201).send(await units.addStorageUnit(ctx, actorOf(req), req.body)),
  );
  app.put(
    '/api/clinic/storage-units/:id',
    {
      config: { policy: 'clinic:write' },
      schema: {
        tags,
        summary: 'Edit or retire a storage unit (send the version you edited)',
        params: StorageUnitParams,
        body: StorageUnitEditBody,
      },
    },
    async (req) => units.updateStorageUnit(ctx, actorOf(req), req.params.id, req.body),
  );
}
