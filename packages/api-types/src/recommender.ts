// JSON shapes of the recommender: GET /api/patients/:id/forecast and POST /api/recommender/evaluate.

/**
 * What a vaccine group's forecast means on the assessment date, following its dates: not yet due (before the
 * recommended date), due now (from the recommended date), overdue (from the past-due date); or the series
 * status: complete, immune, contraindicated, not recommended, aged out. `no_season_data`: the seasonal
 * recommendation cannot be made because no installed season covers the date (supporting data out of date),
 * which is not a clinical "not recommended".
 */
export type Urgency =
  'overdue' | 'due_now' | 'not_yet_due' | 'no_season_data' | 'contraindicated' | 'complete' | 'immune' | 'not_recommended' | 'aged_out';

/** The season in force for a seasonal vaccine group: the release's, or dates DPH set for a later season. */
export interface PresentedSeason {
  startDate: string | null;
  endDate: string | null;
  setBy: 'release' | 'dph';
}

export interface PresentedVaccineGroup {
  vaccineGroup: string;
  /** 'Standard' | 'Risk' | 'Evaluation Only' */
  seriesType: string;
  status: string;
  urgency: Urgency;
  forecastDoseNumber?: number;
  earliestDate?: string;
  recommendedDate?: string;
  pastDueDate?: string;
  /** CDSi latest date: past it the dose can no longer be given. */
  latestDate?: string;
  recommendedVaccineNames: string[];
  reasons: readonly string[];
  administrativeGuidance: readonly string[];
  /** Contraindications that apply and indications the engine did not apply, for the clinician. */
  clinicalJudgement: readonly string[];
  /** What the engine could not decide: rows described only by observations recorded as unknown. */
  undetermined: readonly PresentedUndetermined[];
  /** The first dose is more than a year away (e.g. zoster for a child): not among what matters today. */
  laterInLife: boolean;
  /** Seasonal groups only. */
  season?: PresentedSeason;
  /** Why no recommendation can be made, for the user (e.g. the installed release has no season for the date). */
  notice?: string;
}

/** An indication, contraindication or evidence of immunity the engine left to the clinician (CDSi "Unknown"). */
export interface PresentedUndetermined {
  /** the CDSi observation code recorded as unknown */
  code: string;
  kind: 'indication' | 'antigen contraindication' | 'vaccine contraindication' | 'evidence of immunity';
  antigens: readonly string[];
  /** the indication / contraindication text for manual determination */
  text: string;
  /** indication: the risk series that would apply; vaccine contraindication: the CVX codes it names */
  detail?: string;
}

export interface PresentedEvaluation {
  doseId: string;
  date: string;
  cvx: string;
  vaccine: string;
  antigen: string;
  vaccineGroup: string;
  status: string;
  reasons: readonly string[];
  explanation: string;
  targetDose: number | undefined;
  series: string;
  rulePath: readonly { section: string; rules: readonly string[]; outcome: string }[];
}

export interface PresentedForecast {
  assessmentDate: string;
  supportingDataVersion: string;
  vaccineGroups: PresentedVaccineGroup[];
  evaluations: PresentedEvaluation[];
  unmappedDoses: readonly string[];
}

/** GET /api/recommender/seasons: each seasonal vaccine group whose release season ends, and DPH's dates. */
export interface SeasonStatus {
  vaccineGroup: string;
  /** The season the installed CDSi release describes. */
  release: { version: string; startDate: string | null; endDate: string | null };
  /** Dates a DPH administrator set, if any. */
  override: { startDate: string; endDate: string; reason: string; setBy: string; setAt: string } | null;
  /** Today's forecasts use the DPH dates (the release's season has ended). */
  overrideInUse: boolean;
  /** Today's forecasts have a season: false means every forecast of the group says the data is out of date. */
  coveredToday: boolean;
}

export interface SeasonStatusList {
  today: string;
  seasons: SeasonStatus[];
}

/** GET /api/recommender: the CDSi supporting-data release in use. */
export interface RecommenderRelease {
  engine: string;
  supportingDataVersion: string;
  /** What the release holds. */
  counts: {
    antigens: number;
    series: number;
    targetDoses: number;
    cvxMappings: number;
    vaccineGroups: number;
    liveVirusConflicts: number;
    observations: number;
  };
  /** The release's vaccine group names ('DTaP/Tdap/Td', 'MMR', …). */
  vaccineGroups: string[];
  loadMs: number;
}

/** A CDSi observation code (indication, contraindication, precaution, evidence of immunity). */
export interface ObservationCode {
  code: string;
  title: string;
  group: string;
}

/** GET /api/recommender/observations */
export interface ObservationCodeList {
  observations: ObservationCode[];
}
