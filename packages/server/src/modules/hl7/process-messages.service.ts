// A file's messages through the pipeline with two kinds of help for throughput: several messages per transaction
// (receiveMessages) and several workers, each a connection of the pool running its own batch at the same time (the
// database then uses both cores while this process prepares the next statements). A worker takes the messages of
// the people hashed to it (patientKeyOf): one person's messages stay in one worker, in file order, so two
// transactions never create the same person twice or record one dose twice. Work goes in chunks (batch × workers
// messages); a chunk is reported once all its messages are done, so a resumed run restarts at a chunk's start and
// the messages redone are resends (their doses are recorded once).
import type { AppContext } from '../../context.ts';
import { patientKeyOf, workerOf } from './batch-file.ts';
import type { AuthenticatedInterface } from './interface.service.ts';
import { receiveMessages } from './receive-batch.service.ts';
import type { Answer, Inbound } from './receive.service.ts';

export interface ProcessOptions {
  /** Messages per transaction (1: one transaction per message, as the HTTP transport). */
  batchSize: number;
  /** Batches running at the same time, each on its own connection. */
  workers: number;
  transport: Inbound['transport'];
  /** Called after each chunk with its answers in file order and the number of messages done so far. */
  onChunk: (answers: readonly Answer[], done: number) => void | Promise<void>;
}

/** Processes `messages` from index `from` on; every message gets its answer through `onChunk`. */
export async function processMessages(
  ctx: AppContext,
  sender: AuthenticatedInterface,
  messages: readonly string[],
  from: number,
  o: ProcessOptions,
): Promise<void> {
  const batchSize = Math.max(1, Math.floor(o.batchSize));
  const workers = Math.max(1, Math.floor(o.workers));
  const chunk = batchSize * workers;
  for (let start = from; start < messages.length; start += chunk) {
    const end = Math.min(messages.length, start + chunk);
    const lanes: number[][] = Array.from({ length: workers }, () => []);
    for (let i = start; i < end; i++) lanes[workerOf(patientKeyOf(messages[i]!), workers)]!.push(i);
    const answers = new Array<Answer>(end - start);
    await Promise.all(
      lanes.map(async (lane) => {
        // A lane holding more than a batch (people hashed unevenly) runs its batches one after another.
        for (let b = 0; b < lane.length; b += batchSize) {
          const part = lane.slice(b, b + batchSize);
          const out = await receiveMessages(
            ctx,
            part.map((i) => ({ raw: messages[i]!, transport: o.transport, sender, ip: null })),
          );
          part.forEach((i, k) => (answers[i - start] = out[k]!));
        }
      }),
    );
    await o.onChunk(answers, end);
  }
}
