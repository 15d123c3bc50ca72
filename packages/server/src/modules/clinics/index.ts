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

export { storageUnitsOf, storageUnitById, type StorageUnit } from './storage-unit.service.ts';
export { hasCurrentAgreement } from './agreement.service.ts';

/** Clinic tools: storage units (profile, staff list and agreements join as they are built). */
export function registerClinicsRoutes(app: App, ctx: AppContext): void {
  registerAgreementPdfRoute(app, ctx);
  registerAgreementRoutes(app, ctx);
  registerClinicListRoutes(app, ctx);
  registerProfileRoutes(app, ctx);
  registerStorageUnitRoutes(app, ctx);
}
