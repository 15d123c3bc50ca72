/** The presented forecast from GET /api/patients/:id/forecast and POST /api/recommender/evaluate. */
export type Urgency = 'past_due' | 'due_now' | 'upcoming' | 'complete' | 'not_recommended';

export interface PresentedVaccineGroup {
  vaccineGroup: string;
  seriesType: string;
  status: string;
  urgency: Urgency;
  forecastDoseNumber?: number;
  earliestDate?: string;
  recommendedDate?: string;
  pastDueDate?: string;
  latestDate?: string;
  recommendedVaccineNames: string[];
  reasons: string[];
  administrativeGuidance: string[];
  clinicalJudgement: string[];
}

export interface PresentedEvaluation {
  doseId: string;
  date: string;
  cvx: string;
  vaccine: string;
  antigen: string;
  vaccineGroup: string;
  status: string;
  reasons: string[];
  explanation: string;
  targetDose?: number;
  series: string;
}

export interface PresentedForecast {
  assessmentDate: string;
  supportingDataVersion: string;
  vaccineGroups: PresentedVaccineGroup[];
  evaluations: PresentedEvaluation[];
  unmappedDoses: string[];
}
