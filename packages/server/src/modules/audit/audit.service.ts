import { sql, type Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import { activeInstallKeys, GENESIS, rowHash, type AuditEntry } from './audit-chain.ts';

export type { AuditEntry } from './audit-chain.ts';
export { verifyAuditChain, type ChainCheck } from './audit-verify.ts';

// Serialises writers so each row links to the one before it, across app processes.
const AUDIT_LOCK_KEY = 7_042_010;

/** Appends to the keyed hash chain. Pass a transaction to make the entry part of the change. */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry, at: Date = new Date()): Promise<void> {
  const key = activeInstallKeys().auditChain;
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
        hash: rowHash(key, prev, iso, entry),
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
