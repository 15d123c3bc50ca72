export {
  createRecommender,
  sharedRecommender,
  presentForecast,
  urgencyOf,
  type Recommender,
  type VaccineInfo,
  type PresentedForecast,
  type Urgency,
} from './recommender.ts';
