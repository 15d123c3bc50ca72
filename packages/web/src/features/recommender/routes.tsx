import type { NavEntry, RouteDef } from '../../route-types';
import { EvaluatePage } from './EvaluatePage';
import { SeasonsPage } from './SeasonsPage';

export const recommenderRoutes: RouteDef[] = [
  { path: '/recommender/evaluate', title: 'Evaluate a paper record', access: { permission: 'patient:read' }, component: EvaluatePage },
  { path: '/admin/recommender', title: 'Recommender seasons', access: { permission: 'recommender:seasons' }, component: SeasonsPage },
];
export const recommenderNav: NavEntry[] = [
  { module: 'patients', label: 'Evaluate a paper record', path: '/recommender/evaluate', permission: 'patient:read' },
];
/** After the administration pages (the module's first entry is its link in the header). */
export const recommenderAdminNav: NavEntry[] = [
  { module: 'administration', label: 'Recommender seasons', path: '/admin/recommender', permission: 'recommender:seasons' },
];
