// JSON shapes of the DPH audit viewer: GET /api/audit, /api/audit/verify, POST /api/audit/checkpoints.
import type { Page } from './accounts.ts';

export interface AuditEntry {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorUsername: string | null;
  organizationId: string | null;
  action: string;
  /** success | failure | denied */
  outcome: string;
  entityType: string | null;
  entityId: string | null;
  patientId: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

export interface AuditLogPage extends Page {
  entries: AuditEntry[];
}

/** The keyed chain recomputed against its signed checkpoints. */
export interface AuditChainCheck {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
  /** What is wrong, in words (an altered entry, removed entries, a forged checkpoint…). */
  problem: string | null;
}

/** A checkpoint signed on demand. */
export interface AuditCheckpointWritten {
  at: string;
  seq: number;
  count: number;
}
