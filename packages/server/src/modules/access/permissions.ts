import { modulesFor, type AccessType, type DphRole, type Module, type ModuleAccess } from './access-model.ts';

/**
 * Every action the server authorizes. Each is granted by a module (at read or write level),
 * by specific access types, or by DPH state roles — never ad hoc in a route.
 */
interface Grant {
  module?: Module;
  access?: ModuleAccess;
  accessTypes?: AccessType[];
  dphRoles?: DphRole[];
}

export const PERMISSIONS = {
  'patient:read': { module: 'patients', access: 'read' },
  'patient:write': { module: 'patients', access: 'write' },
  'patient:merge': { dphRoles: ['data_steward', 'administrator'] },
  'patient:opt-out': { dphRoles: ['data_steward', 'administrator'] },
  'inventory:read': { module: 'inventory', access: 'read' },
  'inventory:write': { module: 'inventory', access: 'write' },
  'inventory:approve': { dphRoles: ['vaccine_program_approver', 'administrator'] },
  'clinic:read': { module: 'clinicTools', access: 'read' },
  'clinic:write': { module: 'clinicTools', access: 'write' },
  'agreement:sign': { accessTypes: ['cmo_signing', 'ceo_signing'] },
  'agreement:approve': { dphRoles: ['vaccine_program_approver', 'administrator'] },
  /** DPH's list of every clinic (filters, CSV export). */
  'clinic:list': { dphRoles: ['vaccine_program_approver', 'administrator', 'analyst_readonly'] },
  'report:run': { module: 'reports', access: 'read' },
  'roster:manage': { accessTypes: ['school_readonly'], dphRoles: ['administrator'] },
  'clinic-users:manage': { accessTypes: ['primary_coordinator', 'backup_coordinator'] },
  'account:review': { dphRoles: ['account_approver', 'administrator'] },
  'user:admin': { dphRoles: ['account_approver', 'administrator'] },
  'audit:read': { dphRoles: ['administrator', 'data_steward'] },
  /** The outbox's metadata: to whom, what subject, when, delivered or not. */
  'outbox:read': { dphRoles: ['administrator', 'account_approver'] },
  /** A kept body (development mode only): it may hold someone's activation link, so administrators only, audited. */
  'outbox:read-body': { dphRoles: ['administrator'] },
  'recommender:seasons': { dphRoles: ['administrator'] },
} as const satisfies Record<string, Grant>;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export interface ScopeHolder {
  accessType: AccessType;
  dphRoles: readonly DphRole[];
}

export function permissionsFor(scope: ScopeHolder): Set<Permission> {
  const modules = modulesFor(scope.accessType, scope.dphRoles);
  const out = new Set<Permission>();
  for (const p of ALL_PERMISSIONS) {
    const g: Grant = PERMISSIONS[p];
    const byModule = g.module !== undefined && (g.access === 'read' ? modules[g.module] !== undefined : modules[g.module] === 'write');
    const byType = g.accessTypes?.includes(scope.accessType) ?? false;
    const byRole = scope.accessType === 'dph' && (g.dphRoles?.some((r) => scope.dphRoles.includes(r)) ?? false);
    if (byModule || byType || byRole) out.add(p);
  }
  return out;
}
