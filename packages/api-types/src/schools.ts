// JSON shapes of the schools API: rosters, uploads, match review, exemptions, rollover and compliance.

export type SchoolGradeCode = 'PK' | 'K' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12';
export type RosterMatchStatus = 'linked' | 'review' | 'unmatched';

/** A school the caller may see (GET /api/schools). */
export interface SchoolSummary {
  id: string;
  name: string;
  pin: string | null;
  town: string | null;
  /** School years with a roster, newest first (2026 = 2026–27). */
  rosterYears: number[];
  /** Whether the caller may change this school's rosters (the school's nurse, a DPH administrator). */
  canManage: boolean;
}

export interface SchoolList {
  /** The school year today falls in. */
  currentYear: number;
  schools: SchoolSummary[];
}

export interface ExemptionView {
  id: string;
  studentId: string;
  kind: 'medical' | 'religious';
  documentDate: string;
  /** Medical exemptions may expire; religious ones do not. */
  expiresOn: string | null;
  /** The vaccine groups it covers (e.g. a medical contraindication to MMR only); null: every requirement. */
  vaccineGroups: string[] | null;
  note: string | null;
  recordedAt: string;
  /** A medical exemption past its expiry on the day asked (kept until rollover clears it). */
  expired: boolean;
}

export interface RosterEntryView {
  id: string;
  schoolYear: number;
  studentId: string;
  grade: SchoolGradeCode;
  lastName: string;
  firstName: string;
  middleName: string | null;
  dob: string;
  sex: 'F' | 'M' | 'U';
  guardian: string | null;
  address: string | null;
  /** The registry record, when linked. */
  patientId: string | null;
  matchStatus: RosterMatchStatus;
  matchReason: string;
  matchScore: number | null;
  matchedBy: 'auto' | 'nurse' | null;
  exemptions: ExemptionView[];
}

/** GET /api/schools/:schoolId/roster?year= */
export interface RosterView {
  school: { id: string; name: string };
  schoolYear: number;
  canManage: boolean;
  counts: { total: number; linked: number; review: number; unmatched: number };
  /** The vaccine groups the jurisdiction's school-entry requirements name (what an exemption may cover). */
  requirementGroups: string[];
  entries: RosterEntryView[];
}

export interface RosterUploadError {
  /** Line of the file (the header is line 1). */
  line: number;
  /** The column (e.g. dob, grade), or 'file' for the file as a whole. */
  field: string;
  message: string;
}

/** POST /api/schools/:schoolId/roster/uploads: one slice of a file processed (the UI sends slices to show progress). */
export interface RosterUploadResult {
  uploadId: string;
  fileName: string;
  /** Data rows in the whole file. */
  rowsInFile: number;
  /** Data rows processed so far (this slice included). */
  processed: number;
  done: boolean;
  /** Totals of the upload so far: rows read, and how the good ones came out. */
  counts: { rows: number; linked: number; review: number; unmatched: number; unchanged: number; errors: number };
  errors: RosterUploadError[];
}

/** A registry record that may be the student (review screen). */
export interface MatchCandidateView {
  patientId: string;
  iisId: string;
  name: { first: string; middle: string | null; last: string };
  dob: string;
  sex: string;
  town: string | null;
  guardians: string[];
  score: number;
  reasons: string[];
}

/** GET /api/schools/:schoolId/roster/entries/:entryId/review */
export interface MatchReviewView {
  entry: RosterEntryView;
  candidates: MatchCandidateView[];
}

/** A student in a rollover preview. */
export interface RolloverStudent {
  studentId: string;
  name: string;
  grade: SchoolGradeCode;
  /** The grade next year; null for the top grade (leaves the roster). */
  nextGrade: SchoolGradeCode | null;
}

/** GET /api/schools/:schoolId/rollover?from= (preview) and POST (run): what moving to the next school year does. */
export interface RolloverPlan {
  fromYear: number;
  toYear: number;
  /** Students in this grade leave the roster (the school's highest grade unless the nurse says otherwise). */
  topGrade: SchoolGradeCode;
  advancing: RolloverStudent[];
  leaving: RolloverStudent[];
  /** Students already on next year's roster (uploaded or rolled over before): left as they are. */
  alreadyThere: RolloverStudent[];
  /** Medical exemptions expired by the start of the new school year: cleared by the rollover. */
  expiredExemptions: ExemptionView[];
  /** Set once the rollover has run. */
  done: boolean;
}

export type ComplianceStatus = 'compliant' | 'in_process' | 'not_compliant' | 'exempt_medical' | 'exempt_religious';

/** A requirement of the grade, as data (GET compliance lists what it checked). */
export interface RequirementView {
  label: string;
  vaccineGroup: string;
  doses: number;
  /** The rule in words, e.g. "4 doses of DTaP, the last at or after 4 years of age". */
  rule: string;
}

export interface MissingRequirement {
  requirement: string;
  have: number;
  need: number;
  problem: string;
  /** When the next dose is due / overdue (the stored forecast); null when the forecast has no dose to give. */
  dueDate: string | null;
  pastDueDate: string | null;
}

export interface StudentCompliance {
  entryId: string;
  studentId: string;
  name: string;
  dob: string;
  patientId: string | null;
  status: ComplianceStatus;
  /** For the not compliant and in process: what is missing and when it is due. */
  missing: MissingRequirement[];
  /** Requirements not met that an exemption in force covers (not missing). */
  exemptFrom: string[];
  /** The exemption counted (medical with its expiry, or religious) when the status is exempt. */
  exemption: { kind: 'medical' | 'religious'; documentDate: string; expiresOn: string | null; vaccineGroups: string[] | null } | null;
}

/** GET /api/schools/:schoolId/compliance?year=&grade= (JSON; .csv for the spreadsheet). */
export interface ComplianceReport {
  school: { id: string; name: string; town: string | null };
  schoolYear: number;
  grade: SchoolGradeCode;
  asOf: string;
  requirements: RequirementView[];
  counts: Record<ComplianceStatus, number> & { total: number };
  /**
   * Linked students whose stored forecast is missing or out of date (a change or a date crossed, refreshed by the
   * jobs shortly): their line is from the last stored forecast, or says it is not stored yet.
   */
  forecastsPending: number;
  students: StudentCompliance[];
}

/** A school-entry requirement as DPH edits it (GET /api/school-requirements/:year). */
export interface RequirementRuleView {
  grade: SchoolGradeCode;
  label: string;
  vaccineGroup: string;
  antigen: string;
  doses: number;
  /** Ages written '<n> years|months|weeks|days'. */
  countedFromAge: string | null;
  lastDoseMinAge: string | null;
  minSpan: string | null;
  requiredBelowAge: string | null;
  /** Seasonal: doses count from this day of the school year ('MM-DD'), in process until `seasonDue`. */
  seasonFrom: string | null;
  seasonDue: string | null;
  position: number;
  /** The rule in words. */
  rule: string;
}

export interface RequirementGradeView {
  grade: SchoolGradeCode;
  /** The school year the set in force was written for (null: no requirements for this grade). */
  fromSchoolYear: number | null;
  requirements: RequirementRuleView[];
}

export interface RequirementChangeView {
  id: string;
  version: number;
  action: 'add' | 'edit' | 'remove' | 'copy';
  grade: SchoolGradeCode | null;
  label: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  changedBy: string;
  changedAt: string;
}

/** GET /api/school-requirements/:year: the requirements in force for each grade in a school year, and their history. */
export interface RequirementYearView {
  jurisdictionId: string;
  schoolYear: number;
  /** Send it with a change: a change made on an older version is refused (409). */
  version: number;
  /** The next year's version: send it with a copy to the next year. */
  nextYearVersion: number;
  canEdit: boolean;
  grades: RequirementGradeView[];
  /** The CDSi vaccine groups and their antigens (what a requirement may name). */
  vaccineGroups: { vaccineGroup: string; antigens: string[] }[];
  history: RequirementChangeView[];
}

/** POST /api/school-requirements/:year/copy: the grades copied to the next year, and those it already had. */
export interface RequirementCopyResult {
  toYear: number;
  copied: SchoolGradeCode[];
  skipped: SchoolGradeCode[];
}
