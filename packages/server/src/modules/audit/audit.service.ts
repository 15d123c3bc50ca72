import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import { activeInstallKeys, GENESIS, rowHash, type AuditEntry } from './audit-chain.ts';
import { insertAuditRow, insertAuditRows, lastAuditHash, lockAuditChain } from './audit-log.repo.ts';

export type { AuditEntry } from './audit-chain.ts';
export { verifyAuditChain, type ChainCheck } from './audit-verify.ts';

/** Appends to the keyed hash chain. Pass a transaction to make the entry part of the change. */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry, at: Date = new Date()): Promise<void> {
  const batch = batches.get(db);
  if (batch) {
    batch.push({ entry, at });
    return;
  }
  const key = activeInstallKeys().auditChain;
  const write = async (trx: Kysely<Database>) => {
    // One writer at a time, across app processes, so each row links to the one before it.
    await lockAuditChain(trx);
    const prev = (await lastAuditHash(trx)) ?? GENESIS;
    const iso = at.toISOString();
    await insertAuditRow(trx, { at: iso, entry, prevHash: prev, hash: rowHash(key, prev, iso, entry) });
  };
  if (db.isTransaction) await serialised(db, () => write(db));
  else await db.transaction().execute(write);
}

// The append under way on each transaction. Two appends started together on one transaction (a Promise.all) would
// both read the same chain head before either inserts and fork the chain: the second waits for the first instead.
const appending = new WeakMap<Kysely<Database>, Promise<void>>();

async function serialised(trx: Kysely<Database>, write: () => Promise<void>): Promise<void> {
  const before = appending.get(trx);
  // A failed earlier append fails its own caller; this one still runs after it.
  const mine = before ? before.catch(() => undefined).then(write) : write();
  appending.set(trx, mine);
  try {
    await mine;
  } finally {
    if (appending.get(trx) === mine) appending.delete(trx);
  }
}

// Entries held by a batch (withAuditBatch), per transaction, until it appends them together.
const batches = new WeakMap<Kysely<Database>, Array<{ entry: AuditEntry; at: Date }>>();

/**
 * Runs `fn` with the entries appended on `trx` held back, then appends them with one lock and one read of the
 * chain's head, linked in the order they were made (a message of many changes pays for one append, not one each).
 * They are in `trx` as before: they commit or roll back with the change.
 */
export async function withAuditBatch<T>(trx: Kysely<Database>, fn: () => Promise<T>): Promise<T> {
  if (!trx.isTransaction) throw new Error('withAuditBatch needs a transaction');
  if (batches.has(trx)) return fn();
  const held: Array<{ entry: AuditEntry; at: Date }> = [];
  batches.set(trx, held);
  try {
    const out = await fn();
    if (held.length) {
      const key = activeInstallKeys().auditChain;
      await lockAuditChain(trx);
      let prev = (await lastAuditHash(trx)) ?? GENESIS;
      const rows = held.map(({ entry, at }) => {
        const iso = at.toISOString();
        const hash = rowHash(key, prev, iso, entry);
        const row = { at: iso, entry, prevHash: prev, hash };
        prev = hash;
        return row;
      });
      await insertAuditRows(trx, rows);
    }
    return out;
  } finally {
    batches.delete(trx);
  }
}

/** Where the batch of `trx` stands, to drop what a part undone by a savepoint had added (`dropAuditBatchAfter`). */
export function auditBatchMark(trx: Kysely<Database>): number {
  return batches.get(trx)?.length ?? 0;
}

export function dropAuditBatchAfter(trx: Kysely<Database>, mark: number): void {
  batches.get(trx)?.splice(mark);
}

/** The signed-in person behind an entry; the access module's Actor fits this shape. */
export interface AuditActor {
  /** Null for an interface (an HL7 sender, a FHIR client) acting for an organization. */
  userId: string | null;
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

/**
 * Who submitted a change, through which channel (the access module's Submitter fits this shape). The
 * entry names the user (or the interface) and the organization it acted for; a change that did not come
 * through the web UI also records the channel and the interface in its detail.
 */
export interface AuditSubmitter {
  kind: string;
  organizationId: string;
  userId: string | null;
  interfaceId: string | null;
  username: string;
  ip: string | null;
}

export function appendSubmitterAudit(
  db: Kysely<Database>,
  s: AuditSubmitter,
  entry: Omit<AuditEntry, 'actorUserId' | 'actorUsername' | 'ip'>,
  at: Date,
): Promise<void> {
  const actor = { userId: s.userId, username: s.username, ip: s.ip, scope: { organizationId: s.organizationId } };
  return appendActorAudit(
    db,
    actor,
    s.kind === 'ui' ? entry : { ...entry, detail: { ...entry.detail, via: s.kind, interfaceId: s.interfaceId } },
    at,
  );
}
