import type { NavEntry, RouteDef } from '../../route-types';
import { AddPatientPage } from './AddPatientPage';
import { EditPatientPage } from './EditPatientPage';
import { PatientRecordPage } from './PatientRecordPage';
import { PatientSearchPage } from './PatientSearchPage';
import { PossibleDuplicatesPage } from './PossibleDuplicatesPage';
import { ReportedVersionsPage } from './ReportedVersionsPage';

export const patientsRoutes: RouteDef[] = [
  { path: '/patients', title: 'Find a patient', access: { permission: 'patient:read' }, component: PatientSearchPage },
  { path: '/patients/new', title: 'Add a patient', access: { permission: 'patient:write' }, component: AddPatientPage },
  { path: '/patients/:id', title: 'Patient record', access: { permission: 'patient:read' }, component: PatientRecordPage },
  { path: '/patients/:id/reports', title: 'Reported versions', access: { permission: 'patient:read' }, component: ReportedVersionsPage },
  { path: '/patients/:id/edit', title: 'Edit patient', access: { permission: 'patient:write' }, component: EditPatientPage },
  { path: '/admin/duplicates', title: 'Possible duplicates', access: { permission: 'patient:merge' }, component: PossibleDuplicatesPage },
];

export const patientsNav: NavEntry[] = [
  { module: 'patients', label: 'Patients', path: '/patients', permission: 'patient:read' },
  { module: 'patients', label: 'Possible duplicates', path: '/admin/duplicates', permission: 'patient:merge' },
];
