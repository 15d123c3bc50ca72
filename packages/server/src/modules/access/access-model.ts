import type { OrganizationKind } from '../organizations/index.ts';

/**
 * The seed's table ("Which User Access Do I Need?") is the access model, exactly:
 * eight access types, each mapped to the four modules, read-only where the seed says so.
 * DPH (State Only) is "dependent on role": its modules follow from the user's state roles.
 */
export const AccessType = {
  primary_coordinator: 'primary_coordinator',
  backup_coordinator: 'backup_coordinator',
  clinic_access: 'clinic_access',
  school_readonly: 'school_readonly',
  cmo_signing: 'cmo_signing',
  ceo_signing: 'ceo_signing',
  dph: 'dph',
  health_dept_readonly: 'health_dept_readonly',
} as const;
export type AccessType = keyof typeof AccessType;
export const ACCESS_TYPES = Object.keys(AccessType) as AccessType[];

export const Module = {
  patients: 'patients',
  inventory: 'inventory',
  clinicTools: 'clinicTools',
  reports: 'reports',
  administration: 'administration',
} as const;
export type Module = keyof typeof Module;

export type ModuleAccess = 'read' | 'write';
export type { OrganizationKind };

export interface AccessTypeDefinition {
  label: string;
  /** What the person does; shown on the Request User Account page so people pick the right one. */
  description: string;
  modules: Partial<Record<Module, ModuleAccess>>;
  /** The kind of organization a membership of this type belongs to. */
  organizationKind: OrganizationKind;
}

export const ACCESS_TYPE_DEFINITIONS: Record<AccessType, AccessTypeDefinition> = {
  primary_coordinator: {
    label: 'Primary Vaccine Coordinator (Inventory/Ordering)',
    description:
      'Handles vaccine orders, transfers, returns, adds immunizations administered, and enters clinic/staff contact changes at a CVP clinic.',
    modules: { patients: 'write', inventory: 'write', clinicTools: 'write', reports: 'write' },
    organizationKind: 'clinic',
  },
  backup_coordinator: {
    label: 'Backup Vaccine Coordinator (Inventory/Ordering)',
    description: 'Handles primary vaccine coordinator duties when the primary is absent.',
    modules: { patients: 'write', inventory: 'write', clinicTools: 'write', reports: 'write' },
    organizationKind: 'clinic',
  },
  clinic_access: {
    label: 'Clinic Access (Patient Management/Reports)',
    description:
      'Clinic staff: searches for patient immunization records, views the recommender, enters immunizations, runs reports such as reminder/recall, inactivates patients at clinic/jurisdiction, prints official immunization records.',
    modules: { patients: 'write', reports: 'write' },
    organizationKind: 'clinic',
  },
  school_readonly: {
    label: 'School Read-Only',
    description:
      'School RN: searches for student immunization records, views the recommender, prints official immunization records, and manages student rosters. Not for school-based health center nurses who vaccinate as a CVP clinic.',
    modules: { patients: 'read', reports: 'write' },
    organizationKind: 'school',
  },
  cmo_signing: {
    label: 'Chief Medical Officer/Physician Signing Agreement',
    description:
      'Medical director/physician: the only staff permitted to sign the provider profile/agreement (CVP, COVID-19). Enters clinic/staff contact changes, searches for patient records and runs reports.',
    modules: { patients: 'write', clinicTools: 'write', reports: 'write' },
    organizationKind: 'clinic',
  },
  ceo_signing: {
    label: 'Chief Executive or Fiduciary Officer Signing Agreement',
    description:
      'The responsible officer accountable for compliance with the conditions of the CDC COVID-19 Vaccination Program Agreement.',
    modules: { patients: 'write', clinicTools: 'write', reports: 'write' },
    organizationKind: 'clinic',
  },
  dph: {
    label: 'DPH (State Only)',
    description: 'State Immunization Program/IAP staff at the Department of Public Health. Access depends on role.',
    modules: {},
    organizationKind: 'dph',
  },
  health_dept_readonly: {
    label: 'Health Dept/Director Read-Only',
    description:
      'Local health department director: searches for patient immunization records of residents, views the recommender, prints official immunization records, and runs reports.',
    modules: { patients: 'read', reports: 'write' },
    organizationKind: 'health_department',
  },
};

export const DphRole = {
  account_approver: 'account_approver',
  vaccine_program_approver: 'vaccine_program_approver',
  data_steward: 'data_steward',
  analyst_readonly: 'analyst_readonly',
  administrator: 'administrator',
} as const;
export type DphRole = keyof typeof DphRole;
export const DPH_ROLES = Object.keys(DphRole) as DphRole[];

export const DPH_ROLE_LABELS: Record<DphRole, string> = {
  account_approver: 'Account approver',
  vaccine_program_approver: 'Vaccine program approver',
  data_steward: 'Data steward (data quality, merge)',
  analyst_readonly: 'Read-only analyst',
  administrator: 'Administrator',
};

const DPH_ROLE_MODULES: Record<DphRole, Partial<Record<Module, ModuleAccess>>> = {
  account_approver: { administration: 'write' },
  vaccine_program_approver: { patients: 'read', inventory: 'write', clinicTools: 'write', reports: 'write' },
  data_steward: { patients: 'write', reports: 'write' },
  analyst_readonly: { patients: 'read', inventory: 'read', clinicTools: 'read', reports: 'write' },
  administrator: { patients: 'write', inventory: 'write', clinicTools: 'write', reports: 'write', administration: 'write' },
};

function strongest(a: ModuleAccess | undefined, b: ModuleAccess | undefined): ModuleAccess | undefined {
  return a === 'write' || b === 'write' ? 'write' : (a ?? b);
}

/** The modules a membership opens, for the navigation and for every server-side check. */
export function modulesFor(accessType: AccessType, dphRoles: readonly DphRole[]): Partial<Record<Module, ModuleAccess>> {
  if (accessType !== 'dph') return { ...ACCESS_TYPE_DEFINITIONS[accessType].modules };
  const out: Partial<Record<Module, ModuleAccess>> = {};
  for (const role of dphRoles) {
    for (const [m, access] of Object.entries(DPH_ROLE_MODULES[role]) as [Module, ModuleAccess][]) {
      out[m] = strongest(out[m], access);
    }
  }
  return out;
}

export function isAccessType(v: string): v is AccessType {
  return v in AccessType;
}

/** The seed's name of an access type, wherever one is shown (an unknown one is shown as stored). */
export function accessTypeLabel(t: string): string {
  return isAccessType(t) ? ACCESS_TYPE_DEFINITIONS[t].label : t;
}
export function isDphRole(v: string): v is DphRole {
  return v in DphRole;
}
