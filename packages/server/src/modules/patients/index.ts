// What other modules may use from patients.
import type { AppContext } from '../../context.ts';
import type { App } from '../../http.ts';
import { registerPatientRoutes } from './patient.routes.ts';

export { auditPatient, searchPatients, createPatient, getPatient, findDuplicates } from './patient.service.ts';
export { assertCanWrite, loadVisible, visibilityFor } from './patient.policy.ts';
export { setOwnerInTrx } from './patient-status.service.ts';
export { loadPatientRows, type PatientRows } from './patient.repo.ts';
export { lockPatients } from './patient-write.repo.ts';
export { seedDemoPatients, loadPopulation } from './patient-bulk.ts';
export { namedDemoPatients, README_PATIENT } from './demo-patients.ts';
export {
  renderCertificatePdf,
  certificateVerificationCode,
  certificateContent,
  fullName as certificateFullName,
  loadCertificateFonts,
  type CertificateGroup,
  type CertificateInput,
} from './certificate.pdf.ts';
export { generatePopulation, generatePopulationBatches, type GenerateOptions, type SyntheticPerson } from './synthetic-population.ts';
export type * from './patient.types.ts';
export { IsoDate, CertificateQuery } from './patient.schemas.ts';

export function registerPatientsRoutes(app: App, ctx: AppContext): void {
  registerPatientRoutes(app, ctx);
}
