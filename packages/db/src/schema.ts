import type { AuditTables } from './schema/audit.ts';
import type { FoundationTables } from './schema/foundation.ts';
import type { PatientTables } from './schema/patients.ts';
import type { RecommenderTables } from './schema/recommender.ts';

/**
 * The whole database as Kysely sees it. Each domain declares its tables in schema/<domain>.ts
 * (mirroring its migrations) and is added to this intersection.
 */
export type Database = FoundationTables & PatientTables & AuditTables & RecommenderTables;
