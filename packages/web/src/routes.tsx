import type { NavEntry, RouteDef } from './route-types';
import { sessionRoutes } from './features/session/routes';
import { homeRoutes } from './features/home/routes';
import { recommenderAdminNav, recommenderNav, recommenderRoutes } from './features/recommender/routes';
import { accountsRoutes } from './features/accounts/routes';
import { certificatesRoutes } from './features/certificates/routes';
import { adminNav, adminRoutes } from './features/admin/routes';
import { patientsNav, patientsRoutes } from './features/patients/routes';
import { hl7Nav, hl7Routes } from './features/hl7/routes';

/** Every page of the UI, by feature. A feature adds its routes (and nav entries) here, one line each. */
export const ROUTES: RouteDef[] = [
  ...sessionRoutes,
  ...homeRoutes,
  ...patientsRoutes,
  ...recommenderRoutes,
  ...accountsRoutes,
  ...certificatesRoutes,
  ...adminRoutes,
  ...hl7Routes,
];

/** Primary navigation in module order; each entry shows only for users holding the module. */
export const NAV: NavEntry[] = [...patientsNav, ...recommenderNav, ...adminNav, ...recommenderAdminNav, ...hl7Nav];
