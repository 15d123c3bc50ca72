import type { NavEntry, RouteDef } from '../../route-types';
import { CompliancePage } from './CompliancePage';
import { RequirementsPage } from './RequirementsPage';
import { ReviewPage } from './ReviewPage';
import { RolloverPage } from './RolloverPage';
import { RosterPage } from './RosterPage';
import { SchoolsPage } from './SchoolsPage';

export const schoolsRoutes: RouteDef[] = [
  { path: '/schools', title: 'Schools', access: { permission: 'school:read' }, component: SchoolsPage },
  { path: '/schools/:schoolId/roster/:year', title: 'School roster', access: { permission: 'school:read' }, component: RosterPage },
  { path: '/schools/:schoolId/review/:entryId', title: 'Review a match', access: { permission: 'roster:manage' }, component: ReviewPage },
  { path: '/schools/:schoolId/rollover/:year', title: 'Grade rollover', access: { permission: 'roster:manage' }, component: RolloverPage },
  {
    path: '/schools/:schoolId/compliance/:year',
    title: 'School compliance',
    access: { permission: 'school:read' },
    component: CompliancePage,
  },
  {
    path: '/school-requirements/:year',
    title: 'School-entry requirements',
    access: { permission: 'school-requirements:manage' },
    component: RequirementsPage,
  },
];
export const schoolsNav: NavEntry[] = [{ module: 'reports', label: 'Schools', path: '/schools', permission: 'school:read' }];
