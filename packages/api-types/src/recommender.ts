// JSON shapes of the recommender: GET /api/patients/:id/forecast and POST /api/recommender/evaluate.

export type Urgency = 'past_due' | 'due_now' | 'upcoming' | 'complete' | 'not_recommended';

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
