import type { NavEntry, RouteDef } from '../../route-types';
import { AuditPage } from './AuditPage';
import { ClinicUsersPage } from './ClinicUsersPage';
import { OutboxPage } from './OutboxPage';
import { ReviewDetailPage } from './ReviewDetailPage';
import { ReviewQueuePage } from './ReviewQueuePage';
import { UserDetailPage } from './UserDetailPage';
import { UsersPage } from './UsersPage';

/** DPH administration (account review, users, outbox, audit) and the coordinators' clinic users. */
export const adminRoutes: RouteDef[] = [
  { path: '/admin/account-requests', title: 'Account requests', access: { permission: 'account:review' }, component: ReviewQueuePage },
  { path: '/admin/account-requests/:id', title: 'Account request', access: { permission: 'account:review' }, component: ReviewDetailPage },
  { path: '/admin/users', title: 'Users', access: { permission: 'user:admin' }, component: UsersPage },
  { path: '/admin/users/:id', title: 'User', access: { permission: 'user:admin' }, component: UserDetailPage },
  { path: '/admin/outbox', title: 'Outbox', access: { permission: 'outbox:read' }, component: OutboxPage },
  { path: '/admin/audit', title: 'Audit log', access: { permission: 'audit:read' }, component: AuditPage },
  { path: '/clinic-users', title: 'Clinic users', access: { permission: 'clinic-users:manage' }, component: ClinicUsersPage },
];

export const adminNav: NavEntry[] = [
  { module: 'administration', label: 'Account requests', path: '/admin/account-requests', permission: 'account:review' },
  { module: 'administration', label: 'Users', path: '/admin/users', permission: 'user:admin' },
  { module: 'administration', label: 'Audit log', path: '/admin/audit', permission: 'audit:read' },
  { module: 'administration', label: 'Outbox', path: '/admin/outbox', permission: 'outbox:read' },
  { module: 'clinicTools', label: 'Clinic users', path: '/clinic-users', permission: 'clinic-users:manage' },
];
