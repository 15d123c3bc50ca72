import type { AccessTypeOption, DphRoleView, OrganizationRef } from '@nutmeg/api-types';
import {
  ACCESS_TYPE_DEFINITIONS,
  DPH_ROLE_LABELS,
  isDphRole,
  type AccessType,
  type Module,
  type OrganizationKind,
} from '../access/index.ts';

/** What leaves the server about accounts: every field listed here, never a raw row. */

const MODULE_LABELS: Record<Module, string> = {
  patients: 'Patient Management',
  inventory: 'Inventory Management',
  clinicTools: 'Clinic Tools',
  reports: 'Reports',
  administration: 'Administration',
};

/** What the requester types in the PINs field for an access type's organization kind. */
export const ORGANIZATION_CODE_LABELS: Record<OrganizationKind, string> = {
  clinic: 'clinic PIN',
  school: 'school code',
  health_department: 'health department code',
  dph: 'DPH code',
};

export function presentAccessType(t: AccessType): AccessTypeOption {
  const d = ACCESS_TYPE_DEFINITIONS[t];
  const modules = (Object.entries(d.modules) as [Module, 'read' | 'write'][]).map(([m, a]) => ({
    module: m,
    label: a === 'read' ? `${MODULE_LABELS[m]} (Read-Only)` : MODULE_LABELS[m],
    readOnly: a === 'read',
  }));
  return {
    value: t,
    label: d.label,
    description: d.description,
    modules,
    modulesSummary: t === 'dph' ? 'Dependent on role' : modules.map((m) => m.label).join(', '),
    organizationKind: d.organizationKind,
    organizationCodeLabel: ORGANIZATION_CODE_LABELS[d.organizationKind],
  };
}

export function presentOrganization(o: OrganizationRef): OrganizationRef {
  return { id: o.id, pin: o.pin, name: o.name, kind: o.kind, town: o.town };
}

export function presentDphRoles(roles: readonly string[]): DphRoleView[] {
  return roles.filter(isDphRole).map((r) => ({ role: r, label: DPH_ROLE_LABELS[r] }));
}
