// Several messages in one transaction (a file, a backload): the per-message costs that are not the message's own
// work (BEGIN/COMMIT and its flush, the audit chain's lock and head read, the forecast refresh job) are paid once
// per batch. Each message still stands alone: the raw rows are stored and committed before processing, each
// message runs in its own savepoint (a failed one is undone alone and recorded as failed, the others keep their
// doses), and each gets its own ACK.
import type { AppContext } from '../../context.ts';
import { inTransaction, withSavepoint } from '../../transaction.ts';
import { auditBatchMark, dropAuditBatchAfter, withAuditBatch } from '../audit/index.ts';
import { withOrganizationCache } from '../organizations/index.ts';
import { batchForecastRefresh } from '../recommender/index.ts';
import { insertReceivedMany } from './message.repo.ts';
import {
  processInTransaction,
  processStored,
  readInbound,
  redoWithItemSavepoints,
  receivedRow,
  recordFailure,
  type Answer,
  type Inbound,
  type Received,
} from './receive.service.ts';

/** Deadlock detected or serialization failure: the transaction's work may succeed when done again. */
function isTransactionAbort(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/**
 * One message of a batch, in its savepoint; its audit entries leave the batch when it is undone. A deadlock or
 * serialization failure is rethrown when the batch owns its transaction: the whole batch is undone and each
 * message done again alone (receiveMessages' fallback) rather than recorded as failed.
 */
async function oneOfBatch(ctx: AppContext, r: Received, messageId: string, ownsTransaction: boolean): Promise<Answer> {
  const mark = auditBatchMark(ctx.db);
  try {
    return await redoWithItemSavepoints(
      (itemSavepoints) => withSavepoint(ctx.db, () => processInTransaction(ctx, r, messageId, itemSavepoints)),
      () => dropAuditBatchAfter(ctx.db, mark),
    );
  } catch (e) {
    if (ownsTransaction && isTransactionAbort(e)) throw e;
    dropAuditBatchAfter(ctx.db, mark);
    return recordFailure(ctx, r.msh, messageId, e);
  }
}

/**
 * Stores, processes and answers `inbounds` in order, as `receiveMessage` would one after another, with the
 * batch's processing in one transaction. Never throws for the messages' content.
 */
export async function receiveMessages(ctx: AppContext, inbounds: readonly Inbound[]): Promise<Answer[]> {
  const received = inbounds.map(readInbound);
  // The raw messages first, in one statement committed on its own: whatever happens next, none is lost.
  const ids = await insertReceivedMany(
    ctx.db,
    received.map((r) => receivedRow(ctx, r)),
  );
  // Alone it runs in a transaction of its own; in a caller's transaction (which cannot open another) it takes
  // the batch path, in a savepoint of that transaction.
  if (received.length === 1 && !ctx.db.isTransaction) return [await processStored(ctx, received[0]!, ids[0]!)];
  const ownsTransaction = !ctx.db.isTransaction;
  try {
    return await inTransaction(ctx.db, (trx) =>
      batchForecastRefresh(trx, ctx.clock.now(), () =>
        withAuditBatch(trx, () =>
          // HL7 processing never changes an organization: the batch reads each one once.
          withOrganizationCache(trx, async () => {
            const answers: Answer[] = [];
            for (const [i, r] of received.entries()) answers.push(await oneOfBatch({ ...ctx, db: trx }, r, ids[i]!, ownsTransaction));
            return answers;
          }),
        ),
      ),
    );
  } catch (e) {
    // PostgreSQL aborted the batch's own transaction (a deadlock with another worker's batch, a serialization
    // failure): none of it committed, and each message is done again alone, exactly as a single message is.
    // Anything else is the caller's to answer (a 503 for an unreachable database), and a caller's transaction
    // that this batch joined is aborted with it: neither is swallowed.
    if (ctx.db.isTransaction || !isTransactionAbort(e)) throw e;
    const answers: Answer[] = [];
    for (const [i, r] of received.entries()) answers.push(await processStored(ctx, r, ids[i]!));
    return answers;
  }
}
