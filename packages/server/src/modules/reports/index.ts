// What other modules may use from reports: the routes, the CSV helper (schools' exports use it too), and the
// two reports `nutmeg bench reports` times.
import type { AppContext } from '../../context.ts';
import type { App } from '../../http.ts';
import { registerCoverageRoutes } from './coverage.routes.ts';
import { registerPopulationReportRoutes } from './population.routes.ts';
import { registerReminderRoutes } from './reports.routes.ts';
import { registerReportRunRoutes } from './report-run.routes.ts';

export { runReminderRecall } from './reminder.service.ts';
export { coverageReport } from './coverage.service.ts';
export { reportJobHandlers, REPORT_RUN_JOB } from './report-run.service.ts';
export { REPORT_RUN_CLEANUP, scheduleReportRunCleanup } from './report-run-retention.ts';

export function registerReportsRoutes(app: App, ctx: AppContext): void {
  registerReminderRoutes(app, ctx);
  registerCoverageRoutes(app, ctx);
  registerPopulationReportRoutes(app, ctx);
  registerReportRunRoutes(app, ctx);
}
