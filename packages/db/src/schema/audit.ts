import type { ColumnType, Generated, JSONColumnType } from 'kysely';

// Owned by modules/audit: the chained log, its genesis marker and signed checkpoints.

export interface AuditLogTable {
  seq: Generated<number>;
  at: ColumnType<Date, Date | string, never>;
  actor_user_id: string | null;
  actor_username: string | null;
  organization_id: string | null;
  action: string;
  outcome: ColumnType<string, string | undefined, never>;
  entity_type: string | null;
  entity_id: string | null;
  patient_id: string | null;
  ip: string | null;
  detail: JSONColumnType<Record<string, unknown>, string | undefined, never>;
  prev_hash: string;
  hash: string;
}

/** Rows of audit_log up to legacy_up_to were chained before the chain was keyed (migration 20261207110000). */
export interface AuditChainGenesisTable {
  only_row: ColumnType<boolean, never, never>;
  legacy_up_to: ColumnType<number, never, never>;
}

/** Signed head of the audit chain; append-only (rules), TRUNCATE refused (trigger). */
export interface AuditCheckpointTable {
  id: Generated<number>;
  at: ColumnType<Date, Date | string, never>;
  key_id: string;
  legacy_up_to: number;
  seq: number;
  count: number;
  hash: string;
  signature: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_chain_genesis: AuditChainGenesisTable;
  audit_checkpoints: AuditCheckpointTable;
}
