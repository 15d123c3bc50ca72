import type { NavEntry, RouteDef } from '../../route-types';
import { AgreementPage } from './AgreementPage';
import { AgreementsPage } from './AgreementsPage';
import { ClinicProfilePage } from './ClinicProfilePage';
import { ClinicsPage } from './ClinicsPage';
import { EnrolClinicPage } from './EnrolClinicPage';
import { StaffPage } from './StaffPage';
import { StorageUnitsPage } from './StorageUnitsPage';

/** Clinic tools: DPH's clinic list; a clinic's profile, provider agreements and storage units. */
export const clinicsRoutes: RouteDef[] = [
  { path: '/clinics', title: 'Clinics', access: { permission: 'clinic:list' }, component: ClinicsPage },
  { path: '/clinic/agreements', title: 'Provider agreements', access: { permission: 'clinic:read' }, component: AgreementsPage },
  { path: '/clinic/agreements/:id', title: 'Provider agreement', access: { permission: 'clinic:read' }, component: AgreementPage },
  { path: '/clinic/profile', title: 'Clinic profile', access: { permission: 'clinic:read' }, component: ClinicProfilePage },
  { path: '/clinic/storage-units', title: 'Storage units', access: { permission: 'clinic:read' }, component: StorageUnitsPage },
  { path: '/clinic/staff', title: 'Staff list', access: { permission: 'clinic:read' }, component: StaffPage },
  { path: '/clinics/enrol', title: 'Enrol a clinic', access: { permission: 'clinic:enrol' }, component: EnrolClinicPage },
];

export const clinicsNav: NavEntry[] = [
  { module: 'clinicTools', label: 'Clinics', path: '/clinics', permission: 'clinic:list' },
  { module: 'clinicTools', label: 'Clinic profile', path: '/clinic/profile', permission: 'clinic:read' },
  { module: 'clinicTools', label: 'Provider agreements', path: '/clinic/agreements', permission: 'clinic:read' },
  { module: 'clinicTools', label: 'Storage units', path: '/clinic/storage-units', permission: 'clinic:read' },
  { module: 'clinicTools', label: 'Staff list', path: '/clinic/staff', permission: 'clinic:read' },
];
