import type { AccessTables } from './schema/access.ts';
import type { AccountTables } from './schema/accounts.ts';
import type { AuditTables } from './schema/audit.ts';
import type { ClinicTables } from './schema/clinics.ts';
import type { Hl7Tables } from './schema/hl7.ts';
import type { ImmunizationTables } from './schema/immunizations.ts';
import type { InventoryTables } from './schema/inventory.ts';
import type { JobTables } from './schema/jobs.ts';
import type { MailTables } from './schema/mail.ts';
import type { OrganizationTables } from './schema/organizations.ts';
import type { PatientTables } from './schema/patients.ts';
import type { RecommenderTables } from './schema/recommender.ts';
import type { ReportTables } from './schema/reports.ts';
import type { SchoolTables } from './schema/schools.ts';

/**
 * The whole database as Kysely sees it. Each table has one owning server module, and schema/<module>.ts
 * declares that module's tables (mirroring the migrations): only the module's *.repo.ts files query them
 * (checked by packages/server/src/table-ownership.test.ts).
 */
export type Database = AccessTables &
  AccountTables &
  AuditTables &
  ClinicTables &
  Hl7Tables &
  ImmunizationTables &
  InventoryTables &
  JobTables &
  MailTables &
  OrganizationTables &
  PatientTables &
  RecommenderTables &
  ReportTables &
  SchoolTables;
