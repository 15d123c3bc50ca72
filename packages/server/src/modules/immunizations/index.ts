// What other modules may use from immunizations.
import type { AppContext } from '../../context.ts';
import type { App } from '../../http.ts';
import { registerCertificateRoutes } from './certificate.routes.ts';
import { registerImmunizationRoutes } from './immunization.routes.ts';

export { recordDose, findDuplicateMaster, DEDUP_WINDOW_DAYS } from './dose.service.ts';
export { forecastFor, getImmunizations } from './immunization.service.ts';

export function registerImmunizationsRoutes(app: App, ctx: AppContext): void {
  registerImmunizationRoutes(app, ctx);
  registerCertificateRoutes(app, ctx);
}
