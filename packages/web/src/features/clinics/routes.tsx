import type { NavEntry, RouteDef } from '../../route-types';
import { StorageUnitsPage } from './StorageUnitsPage';

/** Clinic tools: the clinic's storage units (profile, staff list and agreements join as they are built). */
export const clinicsRoutes: RouteDef[] = [
  { path: '/clinic/storage-units', title: 'Storage units', access: { permission: 'clinic:read' }, component: StorageUnitsPage },
];

export const clinicsNav: NavEntry[] = [
  { module: 'clinicTools', label: 'Storage units', path: '/clinic/storage-units', permission: 'clinic:read' },
];
