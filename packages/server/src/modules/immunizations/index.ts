// What other modules may use from immunizations.
import type { AppContext } from '../../context.ts';
import type { App } from '../../http.ts';
import { registerCertificateRoutes } from './certificate.routes.ts';
import { registerImmunizationRoutes } from './immunization.routes.ts';

export { recordDose, updateDose, deleteDose, findDuplicateMaster, DEDUP_WINDOW_DAYS } from './dose.service.ts';
export { recordRefusal, recordObservation, deleteNote, type NoteKind } from './note.service.ts';
export { forecastFor, getImmunizations } from './immunization.service.ts';
export { exchangeDoses, exchangeForecast, exchangeHistory, exchangeQueryRecord, type DoseRow } from './exchange.service.ts';
export { renderCertificate } from './certificate.service.ts';
export { moveImmunizationsForMerge, restoreImmunizationsForUnmerge, type ImmunizationsMoved } from './immunization-merge.service.ts';
export { DoseBody, ObservationBody, RefusalBody } from './dose.schemas.ts';
export { insertHistoriesBulk, IMMUNIZATION_BULK_TABLES, type BulkHistory } from './immunization-bulk.repo.ts';
export { countDoseRows } from './dose.repo.ts';

export function registerImmunizationsRoutes(app: App, ctx: AppContext): void {
  registerImmunizationRoutes(app, ctx);
  registerCertificateRoutes(app, ctx);
}
export { loadForecastInputs } from './forecast-inputs.ts';
export {
  administeredDosesIn,
  doseFindings,
  type AdministeredDoseRow,
  type DoseFinding,
  type DoseFilter,
  type DoseScope,
} from './dose-report.repo.ts';
