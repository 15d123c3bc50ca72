import type { NavEntry, RouteDef } from '../../route-types';
import { ReminderRecallPage } from './ReminderRecallPage';

export const reportsRoutes: RouteDef[] = [
  { path: '/reports/reminder-recall', title: 'Reminder/recall', access: { permission: 'report:run' }, component: ReminderRecallPage },
];
export const reportsNav: NavEntry[] = [
  { module: 'reports', label: 'Reminder/recall', path: '/reports/reminder-recall', permission: 'report:run' },
];
