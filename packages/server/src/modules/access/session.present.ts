import type { Me } from '@nutmeg/api-types';
import { accessTypeLabel } from './access-model.ts';
import type { Actor } from './actor.ts';
import type { MembershipRow } from './membership.service.ts';

/** GET /api/me: who is signed in, where they may act, what they may do (every field that leaves the server). */
export function presentMe(actor: Actor, memberships: readonly MembershipRow[]): Me {
  return {
    user: { id: actor.userId, username: actor.username, displayName: actor.displayName, dphRoles: actor.dphRoles },
    stage: actor.stage,
    csrfToken: actor.csrfToken,
    memberships: memberships.map((m) => ({
      id: m.id,
      accessType: m.access_type,
      accessTypeLabel: accessTypeLabel(m.access_type),
      organizationId: m.organization_id,
      organizationName: m.organization_name,
      organizationKind: m.organization_kind,
      pin: m.pin,
    })),
    activeScope: actor.scope,
    modules: actor.modules,
    permissions: [...actor.permissions].sort(),
  };
}
