export { createRecommender, sharedRecommender, supportingDataDirOf, type Recommender, type VaccineInfo } from './recommender.ts';
export { presentForecast, urgencyOf } from './forecast.present.ts';
export { seasonsInForceOn } from './season.service.ts';
export type { PresentedForecast, Urgency } from '@nutmeg/api-types';
export { registerRecommenderRoutes } from './recommender.routes.ts';
