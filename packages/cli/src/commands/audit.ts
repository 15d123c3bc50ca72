import { loadConfig } from '@nutmeg/server/config';
import { createServerContext } from '@nutmeg/server/context-factory';
import { appendAudit, checkpointFileOf, verifyAuditChain, writeAuditCheckpoint } from '@nutmeg/server/audit';

/** `nutmeg audit verify`: the whole chain against its signed checkpoints; exit 0 intact, 1 broken. */
export async function auditVerify(): Promise<number> {
  const { ctx, close } = await createServerContext(loadConfig());
  try {
    const r = await verifyAuditChain(ctx.db, ctx.keys, { checkpointFile: checkpointFileOf(ctx.config.DATA_DIR) });
    await appendAudit(
      ctx.db,
      { actorUsername: 'cli', action: 'audit.verify', outcome: r.ok ? 'success' : 'failure', detail: { ...r } },
      ctx.clock.now(),
    );
    if (r.ok) console.log(`The audit chain is intact: ${r.checked} entries checked.`);
    else
      console.log(
        `The audit chain is broken${r.brokenAt ? ` at entry #${r.brokenAt}` : ''} (${r.checked} entries checked before it): ${r.problem}`,
      );
    return r.ok ? 0 : 1;
  } finally {
    await close();
  }
}

/** `nutmeg audit checkpoint`: sign the head now (after checking the entries since the last checkpoint). */
export async function auditCheckpoint(): Promise<number> {
  const { ctx, close } = await createServerContext(loadConfig());
  try {
    const r = await writeAuditCheckpoint(ctx);
    if (!r.ok) {
      console.log(`No checkpoint written: the chain is broken at #${r.brokenAt ?? '?'}: ${r.problem}`);
      return 1;
    }
    console.log(`Checkpoint signed: ${r.checkpoint.count} entries up to #${r.checkpoint.seq}.`);
    return 0;
  } finally {
    await close();
  }
}
