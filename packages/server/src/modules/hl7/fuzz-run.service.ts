// The fuzz run behind `nutmeg bench hl7-fuzz`: mutated corpus messages one after another through the same
// pipeline as POST /api/hl7/v2 (receiveMessage). Each must get a well-formed answer (MSA-1 AA, AE or AR), none
// may throw or end 'failed', and a message the registry rejected must write nothing: the patient and dose row
// counts are read before and after each message and may move only for an accepted one.
import { tryParseMessage, valueAt } from '@nutmeg/hl7v2';
import type { AppContext } from '../../context.ts';
import { countDoseRows } from '../immunizations/index.ts';
import { countLivePatients } from '../patients/index.ts';
import { mutatedMessage, seededRandom } from './fuzz-mutations.ts';
import type { AuthenticatedInterface } from './interface.service.ts';
import { receiveMessage } from './receive.service.ts';

export interface FuzzResult {
  count: number;
  /** Messages by outcome (accepted, warnings, rejected…). */
  statuses: Record<string, number>;
  /** Messages by mutation applied. */
  mutations: Record<string, number>;
  /** Threw, answered without a readable MSA-1, or ended 'failed'; the first few described. */
  crashes: number;
  /** Rejected, yet the patient or dose count moved. */
  partialWrites: number;
  problems: string[];
  ms: number;
}

export async function runFuzz(
  ctx: AppContext,
  sender: AuthenticatedInterface,
  corpus: readonly string[],
  o: { count: number; seed: number; onProgress?: (done: number) => void },
): Promise<FuzzResult> {
  const r = seededRandom(o.seed);
  const out: FuzzResult = { count: o.count, statuses: {}, mutations: {}, crashes: 0, partialWrites: 0, problems: [], ms: 0 };
  const started = performance.now();
  const counts = async () => `${await countLivePatients(ctx.db)}/${await countDoseRows(ctx.db)}`;
  let before = await counts();
  const problem = (s: string) => void (out.problems.length < 20 && out.problems.push(s));
  for (let i = 0; i < o.count; i++) {
    const { text, mutation } = mutatedMessage(corpus, r, i);
    out.mutations[mutation] = (out.mutations[mutation] ?? 0) + 1;
    try {
      const a = await receiveMessage(ctx, { raw: text, transport: 'cli', sender, ip: null });
      out.statuses[a.status] = (out.statuses[a.status] ?? 0) + 1;
      const parsed = tryParseMessage(a.response);
      const msa1 = parsed.ok ? valueAt(parsed.message, 'MSA-1') : undefined;
      if (a.status === 'failed' || !['AA', 'AE', 'AR'].includes(msa1 ?? '')) {
        out.crashes++;
        problem(`message ${i} (${mutation}): ${a.status}, MSA-1 ${msa1 ?? 'none'} ${a.failure ?? ''}`);
      }
      const after = await counts();
      if ((a.status === 'rejected' || a.status === 'failed') && after !== before) {
        out.partialWrites++;
        problem(`message ${i} (${mutation}) was ${a.status} but patients/doses went ${before} → ${after}`);
      }
      before = after;
    } catch (e) {
      out.crashes++;
      problem(`message ${i} (${mutation}) threw ${(e as Error).name}`);
      before = await counts();
    }
    o.onProgress?.(i + 1);
  }
  out.ms = performance.now() - started;
  return out;
}
