export {
  createRecommender,
  sharedRecommender,
  supportingDataDirOf,
  presentForecast,
  urgencyOf,
  type Recommender,
  type VaccineInfo,
} from './recommender.ts';
export type { PresentedForecast, Urgency } from '@nutmeg/api-types';
