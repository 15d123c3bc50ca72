export { bootstrap, seedReference, seedDemo, seedAdministrator, listDemoLogins, type SeedReport, type DemoPatientSeeder } from './seed.ts';
export { DEMO_PASSWORD, DEMO_USERS, DEMO_ORGANIZATIONS } from './demo-data.ts';
