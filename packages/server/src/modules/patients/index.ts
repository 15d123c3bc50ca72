// What other modules may use from patients.
import type { AppContext } from '../../context.ts';
import type { App } from '../../http.ts';
import { registerPatientRoutes } from './patient.routes.ts';
import { registerPossibleDuplicateRoutes } from './possible-duplicate.routes.ts';

export { createPatient, updatePatient, getPatient } from './patient.service.ts';
export { searchPatients, findDuplicates, matchPerson, type PersonToMatch } from './patient-search.service.ts';
export { auditPatient } from './patient-audit.ts';
export {
  assertCanWrite,
  loadVisible,
  loadWritable,
  loadWritableRow,
  loadWritableSummary,
  lockWritableRow,
  patientWriter,
  visibilityFor,
  writeVisibility,
} from './patient.policy.ts';
export { linkPatientToOrganization, setOwnerInTrx } from './patient-status.service.ts';
export { applyReportedStatus, type ReportedStatus } from './patient-status-report.service.ts';
export { recordByIisId } from './patient-search.repo.ts';
export { releaseAllOwnedBy as releaseOwnershipOfClinic } from './patient-status.repo.ts';
export { loadPatientRows, type PatientRows } from './patient.repo.ts';
export { lockPatients } from './patient-write.repo.ts';
export {
  identifierExists,
  insertPatientsBulk,
  noPatientsYet,
  residentsBornBetween,
  samplePatients,
  PATIENT_BULK_TABLES,
  type BulkPatient,
} from './patient-bulk.repo.ts';
export {
  lockAndLoadForMerge,
  lockMergeForUndo,
  moveRecordsForMerge,
  recordMerge,
  restoreRecordsForUnmerge,
  type PatientMoved,
} from './patient-merge.service.ts';
export {
  renderCertificatePdf,
  certificateVerificationCode,
  certificateContent,
  fullName as certificateFullName,
  wrapText,
  loadCertificateFonts,
  wrapText as wrapPdfText,
  type CertificateGroup,
  type CertificateInput,
} from './certificate.pdf.ts';
export { foldDiacritics, normalizeName } from './name-normalize.ts';
export { nicknamesOf } from './nicknames.ts';
export { luhnValid } from './iis-id.ts';
export { POSSIBLE_MATCH_THRESHOLD, rankCandidates, scoreMatch } from './patient-match.ts';
export * from './patient.types.ts';
export { IsoDate, CertificateQuery, CreatePatientBody, PatientBody, UpdatePatientBody } from './patient.schemas.ts';

export function registerPatientsRoutes(app: App, ctx: AppContext): void {
  registerPatientRoutes(app, ctx);
  registerPossibleDuplicateRoutes(app, ctx);
}
export {
  countLivePatients,
  forecastDemographicsOf,
  livePatientIdsAfter,
  coverageCohort,
  coveragePopulation,
  inactiveAtOrganization,
  inactiveInJurisdiction,
  withoutAddress,
  type InactivePatient,
  reminderPopulation,
  reminderPopulationIds,
  type ReminderPopulationFilter,
  type CoveragePerson,
  type PopulationScope,
  type ForecastDemographics,
  type ReminderPerson,
} from './patient-population.repo.ts';
export {
  closePairOnMerge,
  lockOpenPairForMerge,
  queuePossibleDuplicate,
  queuePossibleDuplicates,
  type PossibleDuplicateInput,
} from './possible-duplicate.service.ts';
export { openDuplicatesAmong } from './possible-duplicate.repo.ts';
export { DUPLICATE_SCAN_JOB, patientJobHandlers, scanForDuplicates } from './possible-duplicate-scan.service.ts';
export { benchSliceLoaded, insertBenchPeople, type BenchSlice } from './patient-bench.repo.ts';
export { MergeDuplicateBody, PossibleDuplicateParams } from './possible-duplicate.schemas.ts';
