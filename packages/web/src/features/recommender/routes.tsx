import type { NavEntry, RouteDef } from '../../route-types';
import { EvaluatePage } from './EvaluatePage';

export const recommenderRoutes: RouteDef[] = [
  { path: '/recommender/evaluate', title: 'Evaluate a paper record', access: { permission: 'patient:read' }, component: EvaluatePage },
];
export const recommenderNav: NavEntry[] = [
  { module: 'patients', label: 'Evaluate a paper record', path: '/recommender/evaluate', permission: 'patient:read' },
];
