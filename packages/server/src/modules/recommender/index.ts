export {
  createRecommender,
  sharedRecommender,
  supportingDataDirOf,
  presentForecast,
  urgencyOf,
  type Recommender,
  type VaccineInfo,
  type PresentedForecast,
  type Urgency,
} from './recommender.ts';
