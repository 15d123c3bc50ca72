// The possible-duplicate queue: any channel that finds two records likely to be one person (an HL7 message
// whose patient matched without certainty, a clinic adding a record over a likely match, a scan) queues the pair;
// a DPH data steward compares them side by side and merges them (modules/merges) or marks "not a duplicate",
// which keeps the pair's row so that it is never queued again.
import type { PossibleDuplicatePair, PossibleDuplicateQueue, PossibleDuplicateResolved, PossibleDuplicateSide } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { conflict, forbidden, invalid, notFound } from '../../errors.ts';
import { can, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import type { Db } from './patient.repo.ts';
import {
  bothLive,
  insertLivePairsOnce,
  insertPairOnce,
  lockPair,
  openPairsPage,
  resolvePair,
  resolvePairOf,
  sidesOf,
  type DuplicateSource,
  type PairRow,
  type SideRow,
} from './possible-duplicate.repo.ts';

export interface PossibleDuplicateInput {
  patientId: string;
  candidateId: string;
  /** Match score 0–100 (patient-match.ts); rounded and clamped. */
  score: number;
  reasons: readonly string[];
  source: DuplicateSource;
}

const ordered = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/**
 * Queues a pair for review, once per pair ever: a pair already queued (open, merged or resolved "not a
 * duplicate") is left alone, and so is a pair with a merged-away record. Pass the caller's transaction to
 * queue with the change that found it. Returns whether a new entry was made.
 */
export async function queuePossibleDuplicate(db: Db, input: PossibleDuplicateInput, at: Date): Promise<{ queued: boolean }> {
  if (input.patientId === input.candidateId) return { queued: false };
  if (!(await bothLive(db, input.patientId, input.candidateId))) return { queued: false };
  const [low, high] = ordered(input.patientId, input.candidateId);
  const score = Math.max(0, Math.min(100, Math.round(input.score)));
  const reasons = input.reasons.map((r) => r.slice(0, 200)).slice(0, 20);
  const id = await insertPairOnce(db, { low, high, score, reasons, source: input.source, at });
  return { queued: id !== undefined };
}

/**
 * `queuePossibleDuplicate` for several candidates of one record in one statement (the same rules: once per pair
 * ever, live records only, a record never paired with itself). Returns how many new entries were made.
 */
export async function queuePossibleDuplicates(db: Db, inputs: readonly PossibleDuplicateInput[], at: Date = new Date()): Promise<number> {
  const pairs = inputs
    .filter((i) => i.patientId !== i.candidateId)
    .map((i) => {
      const [low, high] = ordered(i.patientId, i.candidateId);
      const score = Math.max(0, Math.min(100, Math.round(i.score)));
      return { low, high, score, reasons: i.reasons.map((r) => r.slice(0, 200)).slice(0, 20), source: i.source };
    });
  return insertLivePairsOnce(db, pairs, at);
}

function requireSteward(actor: Actor): void {
  if (!can(actor, 'patient:merge')) throw forbidden('Only DPH data stewards review possible duplicates');
}

function presentSide(r: SideRow): PossibleDuplicateSide {
  return {
    id: r.id,
    iisId: r.iis_id,
    name: [r.first_name, r.middle_name, r.last_name, r.suffix].filter(Boolean).join(' '),
    dob: r.dob,
    sex: r.sex,
    mothersMaidenName: r.mothers_maiden_name,
    address: r.address,
    phones: r.phones,
    guardians: r.guardians,
    createdAt: r.created_at.toISOString(),
  };
}

function presentPair(p: PairRow, sides: Map<string, PossibleDuplicateSide>): PossibleDuplicatePair {
  const a = sides.get(p.patient_low)!;
  const b = sides.get(p.patient_high)!;
  return {
    id: p.id,
    score: p.score,
    reasons: p.reasons,
    source: p.source,
    queuedAt: p.queued_at.toISOString(),
    patients: a.createdAt <= b.createdAt ? [a, b] : [b, a],
  };
}

/** A page of open pairs with both records' facts; the disclosure of every record shown is audited. */
export async function listPossibleDuplicates(
  ctx: AppContext,
  actor: Actor,
  q: { limit?: number | undefined; offset?: number | undefined },
): Promise<PossibleDuplicateQueue> {
  requireSteward(actor);
  const { total, rows } = await openPairsPage(ctx.db, q.limit ?? 25, q.offset ?? 0);
  const sides = new Map(
    (
      await sidesOf(
        ctx.db,
        rows.flatMap((r) => [r.patient_low, r.patient_high]),
      )
    ).map((s) => [s.id, presentSide(s)]),
  );
  const pairs = rows.map((r) => presentPair(r, sides));
  await appendActorAudit(
    ctx.db,
    actor,
    {
      action: 'patient.duplicates.view',
      entityType: 'possible_duplicate',
      entityId: null,
      detail: { pairIds: pairs.map((p) => p.id), patientIds: [...sides.keys()] },
    },
    ctx.clock.now(),
  );
  return { total, pairs };
}

async function auditBoth(ctx: AppContext, db: Db, actor: Actor, action: string, pair: PairRow, detail: Record<string, unknown>) {
  // One after the other: each entry links to the one before it, and two appends at once on one transaction would
  // both read the same head of the chain (the advisory lock is the transaction's own, so it does not order them).
  for (const patientId of [pair.patient_low, pair.patient_high])
    await appendActorAudit(
      db,
      actor,
      {
        action,
        entityType: 'possible_duplicate',
        entityId: pair.id,
        patientId,
        detail: { ...detail, pair: [pair.patient_low, pair.patient_high] },
      },
      ctx.clock.now(),
    );
}

/**
 * The pair a steward decides on, locked: still open, and both records still live (the queue shows no pair with a
 * merged-away record, and neither "not a duplicate" nor a merge may decide one).
 */
async function lockPairToDecide(trx: Db, pairId: string): Promise<PairRow> {
  const pair = await lockPair(trx, pairId);
  if (!pair) throw notFound('Possible duplicate');
  if (pair.status !== 'open') throw conflict('This pair was already resolved');
  if (!(await bothLive(trx, pair.patient_low, pair.patient_high)))
    throw conflict('One of the two records was merged into another since; this pair is no longer in the queue');
  return pair;
}

/** The steward decides the two records are different people: resolved for good, audited on both records. */
export async function markNotDuplicate(ctx: AppContext, actor: Actor, pairId: string, note: string): Promise<PossibleDuplicateResolved> {
  requireSteward(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const pair = await lockPairToDecide(trx, pairId);
    await resolvePair(trx, pairId, { status: 'not_duplicate', by: actor.userId, note, at: ctx.clock.now() });
    await auditBoth(ctx, trx, actor, 'patient.not_duplicate', pair, { note });
    return { id: pairId, status: 'not_duplicate' };
  });
}

/**
 * For modules/merges, inside its transaction: the open pair, locked, and which record merges into `survivorId`.
 * Refuses a pair already resolved and a survivor that is not one of the two.
 */
export async function lockOpenPairForMerge(trx: Db, pairId: string, survivorId: string): Promise<{ mergedId: string }> {
  const pair = await lockPairToDecide(trx, pairId);
  if (survivorId !== pair.patient_low && survivorId !== pair.patient_high)
    throw invalid('The surviving record must be one of the pair', [{ path: 'survivorId', message: 'Choose one of the two records' }]);
  return { mergedId: survivorId === pair.patient_low ? pair.patient_high : pair.patient_low };
}

/** A merge of two records closes their open pair, whichever screen the merge was started from. */
export function closePairOnMerge(trx: Db, survivorId: string, mergedId: string, by: string, at: Date): Promise<void> {
  const [low, high] = ordered(survivorId, mergedId);
  return resolvePairOf(trx, low, high, by, at);
}
