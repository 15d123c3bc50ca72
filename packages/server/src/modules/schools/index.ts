// What other modules (and the server's root files) may use from schools: roster membership for the patients
// policy (through the context: patients must not import schools, which imports patients' matcher) and the routes.
import type { AppContext } from '../../context.ts';
import type { App } from '../../http.ts';
import { registerComplianceRoutes } from './compliance.routes.ts';
import { registerExemptionRoutes } from './exemption.routes.ts';
import { registerRequirementRoutes } from './requirement.routes.ts';
import { registerRolloverRoutes } from './rollover.routes.ts';
import { registerRosterRoutes } from './roster.routes.ts';
import { studentsOf } from './roster.service.ts';
import type { Db } from './roster.repo.ts';

export { seedDemoRosters } from './demo-roster.ts';

/** Roster membership as the patients policy asks it (AppContext.schoolRosters). */
export interface SchoolRosters {
  /** The registry records on the school's roster for the school year of `today` (or later). */
  studentsOf(db: Db, schoolId: string, today: string): Promise<string[]>;
}
export const schoolRosters: SchoolRosters = { studentsOf };

export function registerSchoolsRoutes(app: App, ctx: AppContext): void {
  registerRosterRoutes(app, ctx);
  registerExemptionRoutes(app, ctx);
  registerRolloverRoutes(app, ctx);
  registerComplianceRoutes(app, ctx);
  registerRequirementRoutes(app, ctx);
}
