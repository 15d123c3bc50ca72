import type { ColumnType, Generated } from 'kysely';

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
  audit_chain_genesis: AuditChainGenesisTable;
  audit_checkpoints: AuditCheckpointTable;
}
