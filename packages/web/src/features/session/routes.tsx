import type { RouteDef } from '../../route-types';
import { LoginPage } from './LoginPage';
import { ChangePasswordPage } from './ChangePasswordPage';
import { MfaEnrollPage } from './MfaEnrollPage';

export const sessionRoutes: RouteDef[] = [
  { path: '/login', title: 'Sign in', access: 'public', component: LoginPage },
  { path: '/change-password', title: 'Change your password', access: 'public', component: ChangePasswordPage },
  { path: '/mfa-setup', title: 'Set up multi-factor authentication', access: 'public', component: MfaEnrollPage },
];
