/** The presented forecast from GET /api/patients/:id/forecast and POST /api/recommender/evaluate. */
export type { PresentedEvaluation, PresentedForecast, PresentedVaccineGroup, Urgency } from '@nutmeg/api-types';
