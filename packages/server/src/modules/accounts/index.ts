import type { AppContext } from '../../context.ts';
import type { App } from '../../http.ts';
import { registerAccountRequestRoutes } from './account-request.routes.ts';
import { registerPasswordResetRoutes } from './password-reset.routes.ts';
import { registerUserAdminRoutes } from './user-admin.routes.ts';

export { addAgreementVersions, submitRequest } from './account-request.service.ts';
export { approveRequest, denyRequest } from './account-review.service.ts';
export { pendingRequestsAt as pendingAccountRequestsAt } from './account-request.repo.ts';
export { requestPasswordReset, completePasswordReset } from './password-reset.service.ts';

/** Accounts: request an account, DPH review, password reset by e-mail, user administration. */
export function registerAccountsRoutes(app: App, ctx: AppContext): void {
  registerAccountRequestRoutes(app, ctx);
  registerPasswordResetRoutes(app, ctx);
  registerUserAdminRoutes(app, ctx);
}
