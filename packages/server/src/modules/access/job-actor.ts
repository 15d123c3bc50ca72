// The actor a background job acts as: a user who queued work (a long report) is rebuilt when the job runs, from
// the user and the membership they acted for, with today's permissions — a user deactivated or a membership
// ended since the work was queued gets nothing (null), and the job's audit entries name the user as a request's do.
import type { AppContext } from '../../context.ts';
import { isAccessType, isDphRole, modulesFor, type DphRole } from './access-model.ts';
import type { Actor } from './actor.ts';
import { actingMemberships } from './membership.service.ts';
import { permissionsFor } from './permissions.ts';
import { findUserById } from './user.repo.ts';

export async function actorForJob(ctx: AppContext, userId: string, membershipId: string | null): Promise<Actor | null> {
  const user = await findUserById(ctx.db, userId);
  if (!user || user.status !== 'active') return null;
  const m = (await actingMemberships(ctx.db, user.id)).find((x) => x.id === membershipId);
  if (!m || !isAccessType(m.access_type)) return null;
  const dphRoles = user.dph_roles.filter(isDphRole) as DphRole[];
  const accessType = m.access_type;
  return {
    userId: user.id,
    username: user.username,
    displayName: `${user.first_name} ${user.last_name}`,
    sessionId: '',
    stage: 'active',
    csrfToken: '',
    dphRoles,
    scope: {
      membershipId: m.id,
      organizationId: m.organization_id,
      organizationName: m.organization_name,
      organizationKind: m.organization_kind,
      pin: m.pin,
      accessType,
    },
    modules: modulesFor(accessType, dphRoles),
    permissions: permissionsFor({ accessType, dphRoles }),
    ip: null,
  };
}
