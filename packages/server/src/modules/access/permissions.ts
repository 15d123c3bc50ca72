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
  /** DPH enrols a clinic (new PIN) and deactivates one (its memberships end, its patients' ownership is released). */
  'clinic:enrol': { dphRoles: ['vaccine_program_approver', 'administrator'] },
  'report:run': { module: 'reports', access: 'read' },
  'roster:manage': { accessTypes: ['school_readonly'], dphRoles: ['administrator'] },
  /** Schools' rosters and compliance reports: the school's nurse, health directors (their towns), DPH (the state). */
  'school:read': {
    accessTypes: ['school_readonly', 'health_dept_readonly'],
    dphRoles: ['administrator', 'data_steward', 'analyst_readonly', 'vaccine_program_approver'],
  },
  /** DPH edits the school-entry requirements (per school year, versioned, audited). */
  'school-requirements:manage': { dphRoles: ['administrator'] },
  'clinic-users:manage': { accessTypes: ['primary_coordinator', 'backup_coordinator'] },
  'account:review': { dphRoles: ['account_approver', 'administrator'] },
  'user:admin': { dphRoles: ['account_approver', 'administrator'] },
  'audit:read': { dphRoles: ['administrator', 'data_steward'] },
  /** The outbox's metadata: to whom, what subject, when, delivered or not. */
  'outbox:read': { dphRoles: ['administrator', 'account_approver'] },
  /** A kept body (development mode only): it may hold someone's activation link, so administrators only, audited. */
  'outbox:read-body': { dphRoles: ['administrator'] },
  'recommender:seasons': { dphRoles: ['administrator'] },
  /** Register HL7 interfaces (EHR senders), their clinics, credentials and status. */
  'hl7:interfaces': { dphRoles: ['administrator'] },
  /** The HL7 message log, error queue and reprocessing: DPH statewide, coordinators for their clinic's interfaces. */
  'hl7:log': { accessTypes: ['primary_coordinator', 'backup_coordinator'], dphRoles: ['administrator', 'data_steward'] },
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
