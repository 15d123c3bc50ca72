import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';

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

const GENESIS = '0'.repeat(64);
// Serialises writers so each row links to the one before it, across app processes.
const AUDIT_LOCK_KEY = 7_042_010;

/**
 * JSON with object keys sorted at every level. jsonb does not keep key order (it stores keys by
 * length, then bytes), so the detail read back must serialise the same as the detail written.
 */
function stableJson(v: unknown): string {
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

function chain(prev: string, at: string, e: AuditEntry): string {
  return crypto.createHash('sha256').update(prev).update(canonical(at, e)).digest('hex');
}

/** Appends to the hash-chained audit log. Pass a transaction to make the entry part of the change. */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry, at: Date = new Date()): Promise<void> {
  const write = async (trx: Kysely<Database>) => {
    await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
    const last = await trx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const prev = last?.hash ?? GENESIS;
    const iso = at.toISOString();
    await trx
      .insertInto('audit_log')
      .values({
        at: iso,
        actor_user_id: entry.actorUserId ?? null,
        actor_username: entry.actorUsername ?? null,
        organization_id: entry.organizationId ?? null,
        action: entry.action,
        outcome: entry.outcome ?? 'success',
        entity_type: entry.entityType ?? null,
        entity_id: entry.entityId ?? null,
        patient_id: entry.patientId ?? null,
        ip: entry.ip ?? null,
        detail: JSON.stringify(entry.detail ?? {}),
        prev_hash: prev,
        hash: chain(prev, iso, entry),
      })
      .execute();
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
}

/** The signed-in person behind an entry; the access module's Actor fits this shape. */
export interface AuditActor {
  userId: string;
  username: string;
  ip: string | null;
  scope: { organizationId: string } | null;
}

/**
 * Appends an entry made by a signed-in actor: who, from where, and (unless the entry names another
 * organization) the organization the actor is working for right now.
 */
export function appendActorAudit(
  db: Kysely<Database>,
  actor: AuditActor,
  entry: Omit<AuditEntry, 'actorUserId' | 'actorUsername' | 'ip'>,
  at: Date,
): Promise<void> {
  return appendAudit(
    db,
    {
      actorUserId: actor.userId,
      actorUsername: actor.username,
      ip: actor.ip,
      ...entry,
      organizationId: entry.organizationId !== undefined ? entry.organizationId : (actor.scope?.organizationId ?? null),
    },
    at,
  );
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  /** The first row whose hash does not follow from its content and predecessor. */
  brokenAt?: number;
}

/** Recomputes the chain; any edited, inserted or deleted row shows up as the first broken link. */
export async function verifyAuditChain(db: Kysely<Database>, batch = 5000): Promise<ChainCheck> {
  let prev = GENESIS;
  let after = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(batch).execute();
    if (rows.length === 0) return { ok: true, checked };
    for (const r of rows) {
      const entry: AuditEntry = {
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
      if (r.prev_hash !== prev || chain(prev, r.at.toISOString(), entry) !== r.hash) {
        return { ok: false, checked, brokenAt: r.seq };
      }
      prev = r.hash;
      after = r.seq;
      checked++;
    }
  }
}
