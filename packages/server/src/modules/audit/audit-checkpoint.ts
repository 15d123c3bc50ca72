// Signed checkpoints of the chain's head, written at start, every AUDIT_CHECKPOINT_MINUTES by a job, and on
// demand: to the audit_checkpoints table and to DATA_DIR/audit/checkpoints.jsonl. Each one first checks the
// rows since the previous checkpoint, so tampering is also caught as it happens, not only by a full verify.

import type { AppContext } from '../../context.ts';
import { enqueueJob, ensureJobScheduled, type JobHandler } from '../jobs/index.ts';
import { checkpointSignatureValid, signCheckpoint, type Checkpoint } from './audit-chain.ts';
import { insertCheckpointRow, latestCheckpointRow, legacyBoundary } from './audit-log.repo.ts';
import { CHAIN_START, positionStands, walkChain, type ChainCheck, type ChainPosition } from './audit-verify.ts';
import { appendCheckpointFile, checkpointFileOf } from './checkpoint-file.ts';
import { appendAudit } from './audit.service.ts';

export const AUDIT_CHECKPOINT_JOB = 'audit.checkpoint';

export type CheckpointResult = { ok: true; checkpoint: Checkpoint } | ({ ok: false } & ChainCheck);

/** Checks the rows since the last good checkpoint and signs the head; writes nothing if the check fails. */
export async function writeAuditCheckpoint(ctx: AppContext): Promise<CheckpointResult> {
  const keys = ctx.keys;
  const latest = await latestCheckpointRow(ctx.db);
  const trusted = latest && checkpointSignatureValid(keys, latest) ? latest : undefined;
  const from: ChainPosition = trusted ? { seq: trusted.seq, count: trusted.count, hash: trusted.hash } : CHAIN_START;
  if (!(await positionStands(ctx.db, from))) {
    return { ok: false, checked: 0, brokenAt: from.seq, problem: `Entry #${from.seq}, the last checkpoint's head, is gone or changed.` };
  }
  const legacyUpTo = trusted?.legacyUpTo ?? (await legacyBoundary(ctx.db)) ?? 0;
  const walked = await walkChain(ctx.db, keys, legacyUpTo, from, []);
  if (!walked.ok) {
    const { head: _head, ...check } = walked;
    return { ...check, ok: false };
  }
  const body = { at: ctx.clock.now().toISOString(), keyId: keys.id, legacyUpTo, ...walked.head };
  const checkpoint: Checkpoint = { ...body, signature: signCheckpoint(keys, body) };
  await insertCheckpointRow(ctx.db, checkpoint);
  await appendCheckpointFile(checkpointFileOf(ctx.config.DATA_DIR), checkpoint);
  return { ok: true, checkpoint };
}

/**
 * At start: refuse a secret other than the one the log is keyed with (an instance given its own generated
 * secret would write a chain nobody can verify), and anchor a new (or newly keyed) log with its first checkpoint.
 */
export async function initAuditChain(ctx: AppContext): Promise<void> {
  const latest = await latestCheckpointRow(ctx.db);
  if (latest && latest.keyId !== ctx.keys.id) {
    throw new Error(
      `The install secret (key ${ctx.keys.id}) is not the one this database's audit log is keyed with (key ${latest.keyId}). ` +
        'Give every instance the same INSTALL_SECRET (or copy DATA_DIR/secrets/install-secret from the first one).',
    );
  }
  if (!latest) {
    const r = await writeAuditCheckpoint(ctx);
    if (!r.ok) throw new Error(`The audit log does not verify; no checkpoint was written: ${r.problem}`);
  }
}

export function auditJobHandlers(ctx: AppContext): Record<string, JobHandler> {
  return {
    [AUDIT_CHECKPOINT_JOB]: async () => {
      const r = await writeAuditCheckpoint(ctx);
      await enqueueJob(
        ctx.db,
        AUDIT_CHECKPOINT_JOB,
        {},
        new Date(ctx.clock.now().getTime() + ctx.config.AUDIT_CHECKPOINT_MINUTES * 60_000),
      );
      if (r.ok) return { seq: r.checkpoint.seq, count: r.checkpoint.count };
      // On record where DPH looks (the audit viewer), and in the job's result.
      await appendAudit(
        ctx.db,
        { action: 'audit.chain.broken', outcome: 'failure', detail: { brokenAt: r.brokenAt ?? null, problem: r.problem ?? null } },
        ctx.clock.now(),
      );
      return { ok: false, brokenAt: r.brokenAt ?? null, problem: r.problem ?? null };
    },
  };
}

/** Makes sure the recurring checkpoint job exists (once, whichever process starts first). */
export async function scheduleAuditCheckpoints(ctx: AppContext): Promise<void> {
  await ensureJobScheduled(ctx.db, AUDIT_CHECKPOINT_JOB, ctx.clock.now());
}
