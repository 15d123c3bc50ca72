// What other modules may use from reports: the routes, and the CSV helper (schools' exports use it too).
import type { AppContext } from '../../context.ts';
import type { App } from '../../http.ts';
import { registerCoverageRoutes } from './coverage.routes.ts';
import { registerReminderRoutes } from './reports.routes.ts';

export { csvCell, toCsv } from './csv.ts';

export function registerReportsRoutes(app: App, ctx: AppContext): void {
  registerReminderRoutes(app, ctx);
  registerCoverageRoutes(app, ctx);
}
