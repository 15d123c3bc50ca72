import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import * as staff from './staff.service.ts';
import { StaffBody, StaffEditBody, StaffParams, StaffRemoveBody } from './staff.schemas.ts';
import { OrganizationQuery } from './storage-unit.schemas.ts';

const tags = ['clinic tools'];

export function registerStaffRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/clinic/staff',
    {
      config: { policy: 'clinic:read' },
      schema: {
        tags,
        summary: 'The clinic’s staff list, with who has an account or a pending request (DPH: name the clinic)',
        querystring: OrganizationQuery,
      },
    },
    async (req) => staff.listStaff(ctx, actorOf(req), req.query.organizationId),
  );
  app.post(
    '/api/clinic/staff',
    {
      config: { policy: 'clinic:write' },
      schema: { tags, summary: 'Add a person to the staff list of the clinic you act for', body: StaffBody },
    },
    async (req, reply) => reply.status(201).send(await staff.addStaff(ctx, actorOf(req), req.body)),
  );
  app.put(
    '/api/clinic/staff/:id',
    {
      config: { policy: 'clinic:write' },
      schema: { tags, summary: 'Edit a staff member (send the version you edited)', params: StaffParams, body: StaffEditBody },
    },
    async (req) => staff.updateStaff(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/clinic/staff/:id/remove',
    {
      config: { policy: 'clinic:write' },
      schema: {
        tags,
        summary: 'Take a person off the staff list: their access at the clinic ends (audited)',
        params: StaffParams,
        body: StaffRemoveBody,
      },
    },
    async (req) => staff.removeStaff(ctx, actorOf(req), req.params.id, req.body.version),
  );
}
