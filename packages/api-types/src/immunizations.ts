// JSON shapes of a patient's doses: GET /api/patients/:id/immunizations and …/doses/:doseId/reports.

/** The fields of one dose (or one source's report of it). */
export interface DoseFields {
  id: string;
  kind: 'administered' | 'historical';
  cvx: string;
  vaccine: string;
  date: string;
  lot: string | null;
  lotExpiration: string | null;
  mvx: string | null;
  ndc: string | null;
  volumeMl: number | null;
  fundingSource: string | null;
  vfcEligibility: string | null;
  /** partial / storage / recall / other: the recommender does not count the dose. */
  doseCondition: string | null;
  route: string | null;
  site: string | null;
  administeredBy: string | null;
  orderingProvider: string | null;
  historicalSource: string | null;
  vis: Array<{ document: string; edition: string; presented: string }>;
}

/** A consolidated (master) dose on the record. */
export interface DoseView extends DoseFields {
  groups: string[];
  sourceOrganization: string | null;
  sourceOrganizationId: string | null;
  /** Other sources' reports consolidated into this dose. */
  reports: Array<{ id: string; source: string | null; date: string; cvx: string; kind: string }>;
  canEdit: boolean;
}

/** One source's report behind a dose. */
export interface DoseReport extends DoseFields {
  /** This report is the one the consolidated dose shows. */
  master: boolean;
  source: string | null;
  sourceKind: string;
  receivedAt: string;
  /** Came with a duplicate record merged into this one. */
  fromMergedRecord: boolean;
}

/** Every report consolidated into one dose, the master's first. */
export interface DoseReports {
  doseId: string;
  reports: DoseReport[];
}

/** A refusal on the record (HL7 NIP002 reason) of a CDSi vaccine group. */
export interface RefusalView {
  id: string;
  vaccineGroup: string;
  date: string;
  reason: string;
  source: string | null;
  canEdit: boolean;
}

/** A CDSi observation on the record: contraindication, precaution, evidence of immunity or indication. */
export interface ObservationView {
  id: string;
  kind: 'contraindication' | 'precaution' | 'immunity' | 'indication';
  code: string;
  text: string;
  date: string;
  /** 'unknown': whether the patient has it could not be determined (clinical judgement needed) */
  status: 'active' | 'unknown';
  source: string | null;
  canEdit: boolean;
}

/** GET /api/patients/:id/immunizations */
export interface Immunizations {
  doses: DoseView[];
  refusals: RefusalView[];
  observations: ObservationView[];
}

/** POST /api/patients/:id/doses (201). */
export interface RecordedDose {
  id: string;
  masterId: string;
  /** Another source had reported the same dose: both reports are kept as one dose. */
  deduplicated: boolean;
  /** The caller's clinic became the medical home. */
  ownershipTaken: boolean;
}
