import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { actorOf, originOf, type App } from '../../http.ts';
import { DPH_ROLES, type DphRole } from '../access/index.ts';
import * as requests from './account-request.service.ts';
import * as review from './account-review.service.ts';

/**
 * Shapes and sizes only: whether each field is filled in and well-formed is checked in
 * submitRequest, so that every problem of the form comes back at once, as field-level messages.
 */
const RequestBody = z.object({
  accessType: z.string().max(50).default(''),
  /** One or several PINs/codes, comma-separated as typed, or a list. Optional only for DPH (State Only). */
  pins: z.union([z.string().max(500), z.array(z.string().max(50)).max(50)]).optional(),
  firstName: z.string().max(200).default(''),
  lastName: z.string().max(200).default(''),
  email: z.string().max(300).default(''),
  phone: z.string().max(100).default(''),
  jobTitle: z.string().max(200).default(''),
  /** Version of each agreement accepted, as shown; omitted when not accepted. */
  agreements: z.object({ user: z.string().max(40).optional(), confidentiality: z.string().max(40).optional() }).optional(),
});
const PinParams = z.object({ pin: z.string().min(1).max(50) });
const IdParams = z.object({ id: z.string().uuid() });
const ListQuery = z.object({
  status: z.enum(['pending', 'approved', 'denied']).optional(),
  page: z.coerce.number().int().min(1).default(1),
});
const ApproveBody = z
  .object({
    dphRoles: z.array(z.enum(DPH_ROLES as [DphRole, ...DphRole[]])).optional(),
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9._-]{3,30}$/i, '3–30 letters, digits, dots, dashes or underscores')
      .optional(),
    addToUserId: z.string().uuid().optional(),
  })
  .nullish();
const DenyBody = z.object({ reason: z.string().trim().min(3, 'Enter a reason').max(2000) });

export function registerAccountRequestRoutes(app: App, ctx: AppContext): void {
  // The public form is a target for abuse: a much tighter per-IP limit than the API's general one.
  const publicLimit = { max: Math.max(5, Math.floor(ctx.config.RATE_LIMIT_PER_MINUTE / 60)), timeWindow: '1 minute' };

  app.get(
    '/api/account-requests/options',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['accounts'],
        summary: 'Access types with descriptions and the agreements in force, for the Request User Account form',
      },
    },
    async () => requests.requestOptions(ctx),
  );

  app.get(
    '/api/account-requests/organizations/:pin',
    {
      config: { policy: 'public', rateLimit: { max: publicLimit.max * 6, timeWindow: '1 minute' } },
      schema: { tags: ['accounts'], summary: 'Look up a clinic, school or health department by PIN/code', params: PinParams },
    },
    async (req) => requests.lookupOrganization(ctx, req.params.pin),
  );

  app.post(
    '/api/account-requests',
    {
      config: { policy: 'public', rateLimit: publicLimit },
      schema: { tags: ['accounts'], summary: 'Request a user account (public)', body: RequestBody },
    },
    async (req, reply) => {
      const created = await requests.submitRequest(ctx, req.body, originOf(req));
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/account-requests',
    { config: { policy: 'account:review' }, schema: { tags: ['accounts'], summary: 'The DPH review queue', querystring: ListQuery } },
    async (req) => review.listRequests(ctx, actorOf(req), req.query),
  );

  app.get(
    '/api/account-requests/:id',
    {
      config: { policy: 'account:review' },
      schema: { tags: ['accounts'], summary: 'One request, with the staff-list check per clinic', params: IdParams },
    },
    async (req) => review.getRequest(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/account-requests/:id/approve',
    {
      config: { policy: 'account:review' },
      schema: {
        tags: ['accounts'],
        summary: 'Approve: creates the user and mails username and temporary password separately',
        params: IdParams,
        body: ApproveBody,
      },
    },
    async (req) => review.approveRequest(ctx, actorOf(req), req.params.id, req.body ?? {}),
  );

  app.post(
    '/api/account-requests/:id/deny',
    {
      config: { policy: 'account:review' },
      schema: { tags: ['accounts'], summary: 'Deny with a reason (mailed to the requester)', params: IdParams, body: DenyBody },
    },
    async (req) => review.denyRequest(ctx, actorOf(req), req.params.id, req.body.reason),
  );
}
