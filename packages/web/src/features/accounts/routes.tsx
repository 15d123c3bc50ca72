import type { RouteDef } from '../../route-types';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { RequestAccountPage } from './RequestAccountPage';
import { RequestSubmittedPage } from './RequestSubmittedPage';
import { ActivatePage, ResetPasswordPage } from './ChoosePasswordPage';

/** Public account pages: request an account, activate it from the approval e-mail, reset a forgotten password by e-mail link. */
export const accountsRoutes: RouteDef[] = [
  { path: '/request-account', title: 'Request a user account', access: 'public', component: RequestAccountPage },
  { path: '/request-account/submitted', title: 'Request received', access: 'public', component: RequestSubmittedPage },
  { path: '/forgot-password', title: 'Reset your password', access: 'public', component: ForgotPasswordPage },
  { path: '/reset-password', title: 'Choose a new password', access: 'public', component: ResetPasswordPage },
  { path: '/activate', title: 'Activate your account', access: 'public', component: ActivatePage },
];
