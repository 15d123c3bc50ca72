import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { actorOf, type App } from '../../http.ts';
import { ACCESS_TYPES, DPH_ROLES, type AccessType, type DphRole } from '../access/index.ts';
import * as clinicUsers from './clinic-users.service.ts';
import * as admin from './user-admin.service.ts';

const UserParams = z.object({ id: z.string().uuid() });
const MembershipParams = z.object({ id: z.string().uuid(), membershipId: z.string().uuid() });
const SearchQuery = z.object({
  q: z.string().max(100).optional(),
  organizationId: z.string().uuid().optional(),
  pin: z.string().max(50).optional(),
  accessType: z.enum(ACCESS_TYPES as [AccessType, ...AccessType[]]).optional(),
  status: z.enum(['active', 'inactive']).optional(),
  page: z.coerce.number().int().min(1).default(1),
});
const MembershipBody = z
  .object({
    organizationId: z.string().uuid().optional(),
    pin: z.string().trim().min(1).max(50).optional(),
    accessType: z.enum(ACCESS_TYPES as [AccessType, ...AccessType[]]),
  })
  .refine((b) => b.organizationId || b.pin, { message: 'Give the organization PIN or code', path: ['pin'] });
const RolesBody = z.object({ roles: z.array(z.enum(DPH_ROLES as [DphRole, ...DphRole[]])).max(DPH_ROLES.length) });
/** Optional body: a POST without one arrives as null. */
const ReasonBody = z.object({ reason: z.string().trim().max(500).optional() }).nullish();

export function registerUserAdminRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/users',
    {
      config: { policy: 'user:admin' },
      schema: {
        tags: ['users'],
        summary: 'Find users by name, username, e-mail, organization, access type, status',
        querystring: SearchQuery,
      },
    },
    async (req) => admin.searchUsers(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/users/:id',
    {
      config: { policy: 'user:admin' },
      schema: { tags: ['users'], summary: 'One user with memberships (ended ones too)', params: UserParams },
    },
    async (req) => admin.getUser(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/users/:id/memberships',
    {
      config: { policy: 'user:admin' },
      schema: { tags: ['users'], summary: 'Add a membership (organization × access type)', params: UserParams, body: MembershipBody },
    },
    async (req, reply) => reply.status(201).send(await admin.addMembership(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.delete(
    '/api/users/:id/memberships/:membershipId',
    { config: { policy: 'user:admin' }, schema: { tags: ['users'], summary: 'End a membership', params: MembershipParams } },
    async (req) => admin.endMembership(ctx, actorOf(req), req.params.id, req.params.membershipId),
  );
  app.put(
    '/api/users/:id/dph-roles',
    {
      config: { policy: 'user:admin' },
      schema: { tags: ['users'], summary: 'Set the DPH state roles (administrators only)', params: UserParams, body: RolesBody },
    },
    async (req) => admin.setDphRoles(ctx, actorOf(req), req.params.id, req.body.roles),
  );
  app.post(
    '/api/users/:id/deactivate',
    {
      config: { policy: 'user:admin' },
      schema: { tags: ['users'], summary: 'Deactivate (ends the user’s sessions)', params: UserParams, body: ReasonBody },
    },
    async (req) => admin.deactivateUser(ctx, actorOf(req), req.params.id, req.body?.reason),
  );
  app.post(
    '/api/users/:id/reactivate',
    { config: { policy: 'user:admin' }, schema: { tags: ['users'], summary: 'Reactivate', params: UserParams } },
    async (req) => admin.reactivateUser(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/users/:id/mfa-reset',
    {
      config: { policy: 'user:admin' },
      schema: { tags: ['users'], summary: 'Reset MFA: the next sign-in enrols an authenticator again', params: UserParams },
    },
    async (req) => admin.resetMfa(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/users/:id/password-reset',
    {
      config: { policy: 'user:admin' },
      schema: {
        tags: ['users'],
        summary: 'Reset the password: the old one stops working and the owner is mailed a link to choose a new one',
        params: UserParams,
      },
    },
    async (req) => admin.resetPassword(ctx, actorOf(req), req.params.id),
  );
  registerClinicUserRoutes(app, ctx);
}

/** A clinic's coordinators (and CMO/CEO) manage who has access at the clinic they act for. */
function registerClinicUserRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/clinic-users',
    {
      config: { policy: 'clinic-users:manage' },
      schema: { tags: ['users'], summary: 'Users with access at the clinic you are acting for' },
    },
    async (req) => clinicUsers.listClinicUsers(ctx, actorOf(req)),
  );
  app.post(
    '/api/clinic-users/:id/deactivate',
    {
      config: { policy: 'clinic-users:manage' },
      schema: {
        tags: ['users'],
        summary: 'A user left your clinic: end their access there (and the account if it was their last)',
        params: UserParams,
        body: ReasonBody,
      },
    },
    async (req) => clinicUsers.deactivateClinicUser(ctx, actorOf(req), req.params.id, req.body?.reason),
  );
}
