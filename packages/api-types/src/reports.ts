// Reports: reminder/recall lists, saved cohorts, notices recorded on a patient, letter templates.

/** A reminder/recall run's criteria (also what a saved cohort keeps). */
export interface ReminderCriteria {
  /** DPH only: the clinic whose patients to list (a clinic user always gets their own). */
  organizationId?: string;
  /** 'owned': the clinic's own patients; 'owned_or_active': also those active at the clinic. */
  population: 'owned' | 'owned_or_active';
  /** Age in whole months on the run's date, inclusive. */
  ageFromMonths: number;
  ageToMonths: number;
  vaccineGroups: string[];
  /** due: recommended date in the window; overdue: past due by the window's end; both. */
  status: 'due' | 'overdue' | 'both';
  windowFrom: string;
  windowTo: string;
}

export interface ReminderDue {
  vaccineGroup: string;
  doseNumber: number | null;
  recommendedDate: string | null;
  pastDueDate: string | null;
  status: 'due' | 'overdue';
}

/** A number to try on a call list: the patient's own (by its use) or a guardian's/contact's. */
export interface ReminderPhone {
  /** As stored: digits, 10 for US numbers. */
  number: string;
  whose: 'patient' | 'guardian';
  /** Printed beside the number: "Cellular phone", or the guardian's name and relationship ("Rosa Due, Mother"). */
  label: string;
}

export interface ReminderPatient {
  patientId: string;
  iisId: string;
  name: string;
  dob: string;
  guardian: string | null;
  phone: string | null;
  /** Every phone of the patient, then each guardian's that has one, labelled (the call list). */
  phones: ReminderPhone[];
  /** Address lines as printed on a letter; empty when there is none. */
  address: string[];
  /** Missing, or missing street, city, state or a 5-digit ZIP: a letter would come back. */
  addressProblem: 'missing' | 'incomplete' | null;
  language: string | null;
  due: ReminderDue[];
  lastNotified: { on: string; method: string } | null;
}

export interface ReminderList {
  clinic: { id: string; name: string };
  runOn: string;
  criteria: ReminderCriteria;
  patients: ReminderPatient[];
  /** Forecasts stored on a day other than today (still being refreshed) among the listed patients. */
  notStoredToday: number;
  /**
   * Letters, labels or a call list for more patients than this are prepared as a background report run
   * (POST /api/reports/runs, kind letters / labels / call_list); up to it they download directly.
   */
  pdfInlineMax: number;
}

export interface Cohort {
  id: string;
  name: string;
  criteria: ReminderCriteria;
  createdAt: string;
}

export interface CohortList {
  cohorts: Cohort[];
}

export interface PatientNotification {
  id: string;
  on: string;
  method: 'letter' | 'phone' | 'email' | 'text';
  vaccineGroups: string[];
  clinic: string;
  recordedAt: string;
}

export interface PatientNotifications {
  notifications: PatientNotification[];
}

export interface NotificationsRecorded {
  recorded: number;
}

export interface LetterTemplate {
  language: 'en' | 'es';
  body: string;
  /** True when the clinic has not written its own yet (the body is Nutmeg's default). */
  isDefault: boolean;
  mergeFields: string[];
}

export type CoveragePreset = 'child' | 'adolescent';
export type CoverageBy = 'clinic' | 'town' | 'county' | 'state';

export interface CoverageMeasure {
  key: string;
  label: string;
  upToDate: number;
  /** Share of the population in percent, one decimal; null for an empty population. */
  percent: number | null;
}

export interface CoverageRow {
  /** The area's key in a drill-down (clinic id, town, county, 'state'); '' for people without one. */
  key: string;
  label: string;
  population: number;
  measures: CoverageMeasure[];
  combined: CoverageMeasure;
}

export interface CoverageReport {
  assessmentDate: string;
  preset: CoveragePreset;
  ageFromMonths: number;
  ageToMonths: number;
  by: CoverageBy;
  /** Who is counted: 'Elm City Pediatrics', 'Towns of Quinnipiack Valley Health District', 'Connecticut'. */
  scope: string;
  rows: CoverageRow[];
  total: CoverageRow;
  countingRules: string[];
}

export interface CoverageTrendPoint {
  assessmentDate: string;
  population: number;
  combined: CoverageMeasure;
  measures: CoverageMeasure[];
}

export interface CoverageTrend {
  points: CoverageTrendPoint[];
}

export interface NotUpToDatePatient {
  patientId: string;
  name: string;
  dob: string;
  town: string | null;
  /** Labels of the measures not met. */
  missing: string[];
}

export interface NotUpToDateList {
  area: string;
  measure: string;
  patients: NotUpToDatePatient[];
}

export type DosesBy = 'vaccine' | 'funding' | 'vfc' | 'clinic' | 'age';

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

/** Age at the dose, in the report's bands: under 1, 1–2, 3–6, 7–18, 19–64, 65 and older. */
export type DoseAgeGroup = 'under1' | '1-2' | '3-6' | '7-18' | '19-64' | '65+';

/** The optional filters of doses administered (null: not filtered), as the report applied them. */
export interface DosesFilters {
  /** A CDSi vaccine group ('MMR', 'DTaP/Tdap/Td'): every CVX counted for it. */
  vaccineGroup: string | null;
  cvx: string | null;
  fundingSource: string | null;
  vfcEligibility: string | null;
  /** The organization that entered the doses, and its name. */
  clinicId: string | null;
  clinicName: string | null;
  ageGroup: DoseAgeGroup | null;
}

export interface DosesAdministeredReport {
  from: string;
  to: string;
  by: DosesBy;
  filters: DosesFilters;
  scope: string;
  rows: CountRow[];
  total: number;
}

export interface InactivePatientRow {
  patientId: string;
  name: string;
  dob: string;
  /** inactive_moved / inactive_not_patient at a clinic; moved / deceased in the jurisdiction. */
  status: string;
  reason: string | null;
  since: string | null;
}

export interface InactivePatientsReport {
  scope: string;
  /** 'clinic': inactive at the clinic; 'jurisdiction': moved away or deceased. */
  level: 'clinic' | 'jurisdiction';
  patients: InactivePatientRow[];
}

export interface DataQualityItem {
  patientId: string;
  doseId: string | null;
  date: string | null;
  detail: string;
}

export interface DataQualityCheck {
  key: 'not_administered' | 'missing_lot_or_funding' | 'late_entry' | 'no_address' | 'possible_duplicates';
  label: string;
  count: number;
  /** The first 500. */
  items: DataQualityItem[];
}

export interface DataQualityReport {
  from: string;
  to: string;
  scope: string;
  checks: DataQualityCheck[];
}

/** A long report (statewide) run as a background job; its result is kept for the user who asked. */
/** The result of a PDF run (letters, labels, call list): the file itself downloads from /api/reports/runs/:id/file. */
export interface ReportFileResult {
  filename: string;
  /** Patients in the file. */
  patients: number;
  /** Listed patients left out for a missing or incomplete address (letters and labels). */
  skipped: number;
  bytes: number;
}

export interface ReportRun {
  id: string;
  kind: 'coverage' | 'doses_administered' | 'letters' | 'labels' | 'call_list';
  /** The report's filters as given (the same query string the on-screen report takes). */
  params: Record<string, unknown>;
  status: 'queued' | 'running' | 'done' | 'failed';
  /** 0–100 */
  progress: number;
  progressNote: string | null;
  error: string | null;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Once done, and only on the single run's read (not in the list). */
  result?: CoverageReport | DosesAdministeredReport | ReportFileResult | null;
}

export interface ReportRunList {
  runs: ReportRun[];
}

/** The clinics whose reminder/recall the user may run: every active clinic for DPH, else the user's own. */
export interface ReportClinicList {
  clinics: Array<{ id: string; name: string; pin: string | null }>;
}
