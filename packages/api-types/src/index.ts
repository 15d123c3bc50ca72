// The JSON the API sends, described once for the server that builds it and the web UI that reads it.
// Types only: nothing here runs.
export type * from './accounts.ts';
export type * from './audit.ts';
export type * from './certificates.ts';
export type * from './clinics.ts';
export type * from './codes.ts';
export type * from './hl7.ts';
export type * from './immunizations.ts';
export type * from './inventory.ts';
export type * from './inventory-orders.ts';
export type * from './inventory-reports.ts';
export type * from './inventory-temperature.ts';
export type * from './lookup-alerts.ts';
export type * from './mail.ts';
export type * from './patients.ts';
export type * from './possible-duplicates.ts';
export type * from './problem.ts';
export type * from './recommender.ts';
export type * from './reports.ts';
export type * from './schools.ts';
export type * from './session.ts';
