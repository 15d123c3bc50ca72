import type { AccessType, DphRole, Module, ModuleAccess, OrganizationKind } from './access-model.ts';
import type { Permission } from './permissions.ts';

export interface ActiveScope {
  membershipId: string;
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  pin: string | null;
  accessType: AccessType;
}

/** Who is asking, for what organization, with which permissions — resolved once per request. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  sessionId: string;
  stage: 'password_change' | 'mfa_enroll' | 'active';
  csrfToken: string;
  dphRoles: DphRole[];
  scope: ActiveScope | null;
  modules: Partial<Record<Module, ModuleAccess>>;
  permissions: Set<Permission>;
  ip: string | null;
}

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  return !!actor && actor.stage === 'active' && actor.permissions.has(permission);
}

/** True when the actor acts for DPH statewide (the whole jurisdiction is in scope). */
export function isStatewide(actor: Actor): boolean {
  return actor.scope?.accessType === 'dph';
}
