// Interfaces: DPH administrators register and change them; coordinators and DPH list those they may see.
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import { IdParams, InterfaceBody, InterfaceUpdateBody, RotateBody } from './hl7.schemas.ts';
import * as interfaces from './interface.service.ts';

export function registerInterfaceRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/hl7/interfaces',
    {
      config: { policy: 'hl7:log' },
      schema: { tags: ['hl7'], summary: 'HL7 interfaces: all for DPH, a coordinator’s clinic’s otherwise' },
    },
    async (req) => interfaces.listInterfaces(ctx, actorOf(req)),
  );
  app.get(
    '/api/hl7/interfaces/:id',
    { config: { policy: 'hl7:log' }, schema: { tags: ['hl7'], summary: 'One HL7 interface', params: IdParams } },
    async (req) => interfaces.getInterface(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/hl7/interfaces',
    {
      config: { policy: 'hl7:interfaces' },
      schema: { tags: ['hl7'], summary: 'Register an interface (its credential’s secret is returned once)', body: InterfaceBody },
    },
    async (req, reply) => reply.status(201).send(await interfaces.createInterface(ctx, actorOf(req), req.body)),
  );
  app.patch(
    '/api/hl7/interfaces/:id',
    {
      config: { policy: 'hl7:interfaces' },
      schema: { tags: ['hl7'], summary: 'Change an interface: status, clinics, contact', params: IdParams, body: InterfaceUpdateBody },
    },
    async (req) => interfaces.updateInterface(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/hl7/interfaces/:id/secret',
    {
      config: { policy: 'hl7:interfaces' },
      schema: { tags: ['hl7'], summary: 'Replace the interface’s secret (returned once)', params: IdParams, body: RotateBody },
    },
    async (req) => interfaces.rotateSecret(ctx, actorOf(req), req.params.id, req.body.version),
  );
}
