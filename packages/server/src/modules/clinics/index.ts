// What other modules may use from clinic tools: storage units and whether a clinic's agreement is current.
import type { AppContext } from '../../context.ts';
import type { App } from '../../http.ts';
import {
  registerAgreementPdfRoute,
  registerAgreementRoutes,
  registerClinicListRoutes,
  registerProfileRoutes,
  registerStorageUnitRoutes,
} from './clinics.routes.ts';
import { registerEnrolmentRoutes } from './enrolment.routes.ts';
import { registerStaffRoutes } from './staff.routes.ts';

export { storageUnitsOf, storageUnitById, storageUnitsByIds, type StorageUnit } from './storage-unit.service.ts';
export { hasCurrentAgreement } from './agreement.service.ts';
export { AGREEMENT_RENEWAL_JOB, clinicsJobHandlers, scheduleAgreementRenewal } from './renewal.service.ts';

/** Clinic tools: DPH's clinic list, profile, staff list, storage units, agreements. */
export function registerClinicsRoutes(app: App, ctx: AppContext): void {
  registerAgreementPdfRoute(app, ctx);
  registerAgreementRoutes(app, ctx);
  registerClinicListRoutes(app, ctx);
  registerProfileRoutes(app, ctx);
  registerStorageUnitRoutes(app, ctx);
  registerStaffRoutes(app, ctx);
  registerEnrolmentRoutes(app, ctx);
}
