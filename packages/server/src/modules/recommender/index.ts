export {
  createRecommender,
  sharedRecommender,
  presentForecast,
  urgencyOf,
  type Recommender,
  type PresentedForecast,
  type Urgency,
} from './recommender.ts';
