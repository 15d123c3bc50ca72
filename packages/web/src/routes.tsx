import type { NavEntry, RouteDef } from './route-types';
import { sessionRoutes } from './features/session/routes';
import { homeRoutes } from './features/home/routes';
import { recommenderAdminNav, recommenderNav, recommenderRoutes } from './features/recommender/routes';
import { accountsRoutes } from './features/accounts/routes';
import { certificatesRoutes } from './features/certificates/routes';
import { adminNav, adminRoutes } from './features/admin/routes';
import { clinicsNav, clinicsRoutes } from './features/clinics/routes';
import { inventoryNav, inventoryRoutes } from './features/inventory/routes';
import { patientsNav, patientsRoutes } from './features/patients/routes';
import { reportsNav, reportsRoutes } from './features/reports/routes';
import { schoolsNav, schoolsRoutes } from './features/schools/routes';
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
  ...clinicsRoutes,
  ...inventoryRoutes,
  ...reportsRoutes,
  ...schoolsRoutes,
  ...hl7Routes,
];

/** Primary navigation in module order; each entry shows only for users holding the module. */
export const NAV: NavEntry[] = [
  ...patientsNav,
  ...recommenderNav,
  ...inventoryNav,
  ...reportsNav,
  ...adminNav,
  ...clinicsNav,
  ...recommenderAdminNav,
  ...schoolsNav,
  ...hl7Nav,
];
