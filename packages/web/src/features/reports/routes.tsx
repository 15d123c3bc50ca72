import type { NavEntry, RouteDef } from '../../route-types';
import { CoveragePage } from './CoveragePage';
import { NotUpToDatePage } from './NotUpToDatePage';
import { ReminderRecallPage } from './ReminderRecallPage';

export const reportsRoutes: RouteDef[] = [
  { path: '/reports/reminder-recall', title: 'Reminder/recall', access: { permission: 'report:run' }, component: ReminderRecallPage },
  { path: '/reports/coverage', title: 'Coverage assessment', access: { permission: 'report:run' }, component: CoveragePage },
  { path: '/reports/coverage/not-up-to-date', title: 'Not up to date', access: { permission: 'report:run' }, component: NotUpToDatePage },
];
export const reportsNav: NavEntry[] = [
  { module: 'reports', label: 'Reminder/recall', path: '/reports/reminder-recall', permission: 'report:run' },
  { module: 'reports', label: 'Coverage assessment', path: '/reports/coverage', permission: 'report:run' },
];
