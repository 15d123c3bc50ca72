import type { ModuleName } from './session';

export const MODULE_LABELS: Record<ModuleName, string> = {
  patients: 'Patient Management',
  inventory: 'Inventory Management',
  clinicTools: 'Clinic Tools',
  reports: 'Reports',
  administration: 'Administration',
};
export const MODULE_ORDER: ModuleName[] = ['patients', 'inventory', 'clinicTools', 'reports', 'administration'];
