// How an audit row and a checkpoint are hashed. A row's hash is HMAC-SHA256(install key, prev_hash ‖ canonical
// row): without the install secret, which is never in the database, nobody can recompute the chain after
// editing, deleting or adding a row. Rows from before the chain was keyed (up to the recorded legacy
// boundary) keep their sha256 links, anchored by the first signed checkpoint.

import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '@nutmeg/db';
import type { InstallKeys } from '../../install-secret.ts';

export interface AuditEntry {
  actorUserId?: string | null;
  actorUsername?: string | null;
  organizationId?: string | null;
  /** dotted verb, e.g. "login.success", "patient.view", "account.approve" */
  action: string;
  outcome?: 'success' | 'failure' | 'denied';
  entityType?: string | null;
  entityId?: string | null;
  patientId?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

export const GENESIS = '0'.repeat(64);

/**
 * JSON with object keys sorted at every level. jsonb does not keep key order (it stores keys by
 * length, then bytes), so the detail read back must serialise the same as the detail written.
 */
export function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

function canonical(at: string, e: AuditEntry): string {
  return stableJson([
    at,
    e.actorUserId ?? null,
    e.actorUsername ?? null,
    e.organizationId ?? null,
    e.action,
    e.outcome ?? 'success',
    e.entityType ?? null,
    e.entityId ?? null,
    e.patientId ?? null,
    e.ip ?? null,
    e.detail ?? {},
  ]);
}

/** The keyed link of a row written since the chain was keyed. */
export function rowHash(key: Buffer, prev: string, at: string, e: AuditEntry): string {
  return crypto.createHmac('sha256', key).update(prev).update(canonical(at, e)).digest('hex');
}

/** The unkeyed link of a row written before the chain was keyed. */
export function legacyRowHash(prev: string, at: string, e: AuditEntry): string {
  return crypto.createHash('sha256').update(prev).update(canonical(at, e)).digest('hex');
}

export function entryOfRow(r: Selectable<AuditLogTable>): AuditEntry {
  return {
    actorUserId: r.actor_user_id,
    actorUsername: r.actor_username,
    organizationId: r.organization_id,
    action: r.action,
    outcome: r.outcome as AuditEntry['outcome'],
    entityType: r.entity_type,
    entityId: r.entity_id,
    patientId: r.patient_id,
    ip: r.ip,
    detail: r.detail,
  };
}

/** "The log had `count` rows up to entry `seq`, ending in `hash`", as signed. */
export interface CheckpointBody {
  at: string;
  keyId: string;
  legacyUpTo: number;
  seq: number;
  count: number;
  hash: string;
}
export interface Checkpoint extends CheckpointBody {
  signature: string;
}

export function signCheckpoint(keys: InstallKeys, body: CheckpointBody): string {
  const { at, keyId, legacyUpTo, seq, count, hash } = body;
  return crypto.createHmac('sha256', keys.auditCheckpoint).update(stableJson({ at, keyId, legacyUpTo, seq, count, hash })).digest('hex');
}

export function checkpointSignatureValid(keys: InstallKeys, cp: Checkpoint): boolean {
  const expected = Buffer.from(signCheckpoint(keys, cp), 'hex');
  const given = Buffer.from(cp.signature, 'hex');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

// The install's keys for every audit writer in this process. appendAudit is called from every module with only
// a database handle (often a transaction), so the key is loaded once at start (createServer,
// createServerContext) rather than threaded through each call; one process serves one install.
let installKeys: InstallKeys | undefined;

export function useInstallKeys(keys: InstallKeys): void {
  if (installKeys && installKeys.id !== keys.id) {
    throw new Error('This process already writes the audit log with another install secret; one process serves one install.');
  }
  installKeys = keys;
}

export function activeInstallKeys(): InstallKeys {
  if (!installKeys) throw new Error('The audit key is not loaded: start through createServer() or createServerContext().');
  return installKeys;
}
