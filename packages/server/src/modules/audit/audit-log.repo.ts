import { sql, type Kysely, type Selectable } from 'kysely';
import type { AuditCheckpointTable, Database } from '@nutmeg/db';
import type { AuditEntry, Checkpoint } from './audit-chain.ts';

// Serialises writers so each row links to the one before it, across app processes.
const AUDIT_LOCK_KEY = 7_042_010;

/** Holds the chain's write lock until the transaction ends. */
export async function lockAuditChain(trx: Kysely<Database>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
}

export async function lastAuditHash(db: Kysely<Database>): Promise<string | undefined> {
  const last = await db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return last?.hash;
}

type AuditRowInput = { at: string; entry: AuditEntry; prevHash: string; hash: string };

export async function insertAuditRow(db: Kysely<Database>, r: AuditRowInput) {
  await insertAuditRows(db, [r]);
}

/** Rows in one statement; `seq` follows the list's order (VALUES rows take their defaults in order). */
export async function insertAuditRows(db: Kysely<Database>, rs: AuditRowInput[]) {
  if (rs.length === 0) return;
  await db.insertInto('audit_log').values(rs.map(auditValues)).execute();
}

function auditValues(r: AuditRowInput) {
  const e = r.entry;
  return {
    at: r.at,
    actor_user_id: e.actorUserId ?? null,
    actor_username: e.actorUsername ?? null,
    organization_id: e.organizationId ?? null,
    action: e.action,
    outcome: e.outcome ?? 'success',
    entity_type: e.entityType ?? null,
    entity_id: e.entityId ?? null,
    patient_id: e.patientId ?? null,
    ip: e.ip ?? null,
    detail: JSON.stringify(e.detail ?? {}),
    prev_hash: r.prevHash,
    hash: r.hash,
  };
}

export interface AuditQuery {
  /** Username (case-insensitive, exact) of whoever acted. */
  actor?: string | undefined;
  /** An action or a prefix of dotted actions: "login" finds login.success and login.failure. */
  action?: string | undefined;
  patientId?: string | undefined;
  organizationId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  outcome?: string | undefined;
  limit: number;
  offset: number;
}

export async function queryAudit(db: Kysely<Database>, f: AuditQuery) {
  let q = db.selectFrom('audit_log');
  if (f.actor) q = q.where((eb) => eb(eb.fn('lower', ['actor_username']), '=', f.actor!.toLowerCase()));
  if (f.action) {
    const prefix = f.action.replace(/[\\%_]/g, (c) => `\\${c}`);
    q = q.where((eb) => eb.or([eb('action', '=', f.action!), eb('action', 'like', `${prefix}.%`)]));
  }
  // An entry is about a patient when it names them in patient_id, or lists them among the patients it showed.
  if (f.patientId) {
    const id = f.patientId;
    q = q.where((eb) => eb.or([eb('patient_id', '=', id), sql<boolean>`detail -> 'patientIds' @> jsonb_build_array(${id}::text)`]));
  }
  if (f.organizationId) q = q.where('organization_id', '=', f.organizationId);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  if (f.outcome) q = q.where('outcome', '=', f.outcome);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('seq', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Rows of the chain after `after`, in order, a batch at a time. */
export function auditRowsAfter(db: Kysely<Database>, after: number, limit: number) {
  return db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(limit).execute();
}

export function auditRowAt(db: Kysely<Database>, seq: number) {
  return db.selectFrom('audit_log').select(['seq', 'hash']).where('seq', '=', seq).executeTakeFirst();
}

/** The legacy boundary recorded by the migration that keyed the chain (undefined if the row was removed). */
export async function legacyBoundary(db: Kysely<Database>): Promise<number | undefined> {
  const row = await db.selectFrom('audit_chain_genesis').select('legacy_up_to').executeTakeFirst();
  return row ? Number(row.legacy_up_to) : undefined;
}

export async function readCheckpointRows(db: Kysely<Database>): Promise<Checkpoint[]> {
  const rows = await db.selectFrom('audit_checkpoints').selectAll().orderBy('seq').orderBy('id').execute();
  return rows.map(checkpointOfRow);
}

export async function latestCheckpointRow(db: Kysely<Database>): Promise<Checkpoint | undefined> {
  const row = await db.selectFrom('audit_checkpoints').selectAll().orderBy('seq', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? checkpointOfRow(row) : undefined;
}

export async function insertCheckpointRow(db: Kysely<Database>, cp: Checkpoint): Promise<void> {
  await db
    .insertInto('audit_checkpoints')
    .values({
      at: cp.at,
      key_id: cp.keyId,
      legacy_up_to: cp.legacyUpTo,
      seq: cp.seq,
      count: cp.count,
      hash: cp.hash,
      signature: cp.signature,
    })
    .execute();
}

function checkpointOfRow(r: Selectable<AuditCheckpointTable>): Checkpoint {
  return {
    at: r.at.toISOString(),
    keyId: r.key_id,
    legacyUpTo: Number(r.legacy_up_to),
    seq: Number(r.seq),
    count: Number(r.count),
    hash: r.hash,
    signature: r.signature,
  };
}
