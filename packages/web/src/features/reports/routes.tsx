import type { NavEntry, RouteDef } from '../../route-types';
import { CallListPage } from './CallListPage';
import { CoveragePage } from './CoveragePage';
import { NotUpToDatePage } from './NotUpToDatePage';
import { DataQualityPage, DosesAdministeredPage, InactivePatientsPage } from './PopulationReportPages';
import { ReminderRecallPage } from './ReminderRecallPage';

export const reportsRoutes: RouteDef[] = [
  { path: '/reports/reminder-recall', title: 'Reminder/recall', access: { permission: 'report:run' }, component: ReminderRecallPage },
  { path: '/reports/reminder-recall/call-list', title: 'Call list', access: { permission: 'report:run' }, component: CallListPage },
  { path: '/reports/coverage', title: 'Coverage assessment', access: { permission: 'report:run' }, component: CoveragePage },
  { path: '/reports/coverage/not-up-to-date', title: 'Not up to date', access: { permission: 'report:run' }, component: NotUpToDatePage },
  {
    path: '/reports/doses-administered',
    title: 'Doses administered',
    access: { permission: 'report:run' },
    component: DosesAdministeredPage,
  },
  { path: '/reports/inactive-patients', title: 'Inactive patients', access: { permission: 'report:run' }, component: InactivePatientsPage },
  { path: '/reports/data-quality', title: 'Data quality', access: { permission: 'report:run' }, component: DataQualityPage },
];
export const reportsNav: NavEntry[] = [
  { module: 'reports', label: 'Reminder/recall', path: '/reports/reminder-recall', permission: 'report:run' },
  { module: 'reports', label: 'Coverage assessment', path: '/reports/coverage', permission: 'report:run' },
  { module: 'reports', label: 'Doses administered', path: '/reports/doses-administered', permission: 'report:run' },
  { module: 'reports', label: 'Inactive patients', path: '/reports/inactive-patients', permission: 'report:run' },
  { module: 'reports', label: 'Data quality', path: '/reports/data-quality', permission: 'report:run' },
  // Inventory's reports (on hand by funding and vaccine, wastage) are listed here too, for those who hold inventory.
  { module: 'reports', label: 'Inventory', path: '/inventory/reports', permission: 'inventory:read' },
];
