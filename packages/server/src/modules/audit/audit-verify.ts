// Verifying the chain: every row must link to the one before it and carry its keyed hash, and every signed
// checkpoint (from the database and from the data folder's file) must name a row that is still there, with
// the same count and hash. Together: an edited, deleted or added row breaks a link or a hash; a cut tail or a
// TRUNCATE leaves a checkpoint pointing past the end.

import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import type { InstallKeys } from '../../install-secret.ts';
import {
  activeInstallKeys,
  checkpointSignatureValid,
  entryOfRow,
  GENESIS,
  legacyRowHash,
  rowHash,
  type Checkpoint,
} from './audit-chain.ts';
import { auditRowAt, auditRowsAfter, legacyBoundary, readCheckpointRows } from './audit-log.repo.ts';
import { readCheckpointFile } from './checkpoint-file.ts';

export interface ChainCheck {
  ok: boolean;
  /** Rows whose link and hash were checked. */
  checked: number;
  /** The first entry that does not follow (or the first one a checkpoint misses). */
  brokenAt?: number;
  /** What is wrong, in words, when not ok. */
  problem?: string;
}

/** A position in the chain: the last row's seq, how many rows up to it, and its hash. */
export interface ChainPosition {
  seq: number;
  count: number;
  hash: string;
}
export const CHAIN_START: ChainPosition = { seq: 0, count: 0, hash: GENESIS };

const fail = (checked: number, brokenAt: number | undefined, problem: string): ChainCheck => ({
  ok: false,
  checked,
  ...(brokenAt !== undefined ? { brokenAt } : {}),
  problem,
});

function missedCheckpoint(cp: Checkpoint, checked: number, head: ChainPosition, nextSeq?: number): ChainCheck {
  const where = nextSeq === undefined ? `the log ends at #${head.seq}` : `#${cp.seq} is not there (the next entry is #${nextSeq})`;
  return fail(
    checked,
    cp.seq,
    `The checkpoint of ${cp.at} covers ${cp.count} entries up to #${cp.seq}, but ${where}: entries were removed.`,
  );
}

/**
 * Walks the rows after `from`, checking links, hashes and the checkpoints after `from` (sorted by seq).
 * Returns the head reached, so a checkpoint can be written there.
 */
export async function walkChain(
  db: Kysely<Database>,
  keys: InstallKeys,
  legacyUpTo: number,
  from: ChainPosition,
  checkpoints: readonly Checkpoint[],
  batch = 5000,
): Promise<ChainCheck & { head: ChainPosition }> {
  let pos = from;
  let checked = 0;
  let i = 0;
  const matches = (c: Checkpoint) => c.count === pos.count && c.hash === pos.hash;
  const mismatch = (c: Checkpoint) =>
    fail(checked, c.seq, `The checkpoint of ${c.at} at #${c.seq} does not match the log: entries before it changed.`);
  // Checkpoints at or before the start (e.g. of an empty log at #0) must agree with it.
  for (; checkpoints[i] && checkpoints[i]!.seq <= from.seq; i++) {
    const c = checkpoints[i]!;
    if (c.seq === from.seq && !matches(c)) return { ...mismatch(c), head: pos };
  }
  for (;;) {
    const rows = await auditRowsAfter(db, pos.seq, batch);
    for (const r of rows) {
      const cp = checkpoints[i];
      if (cp && cp.seq < r.seq) return { ...missedCheckpoint(cp, checked, pos, r.seq), head: pos };
      const entry = entryOfRow(r);
      const at = r.at.toISOString();
      if (r.prev_hash !== pos.hash)
        return {
          ...fail(checked, r.seq, `Entry #${r.seq} does not link to the entry before it: an entry was removed or inserted.`),
          head: pos,
        };
      const expected = r.seq <= legacyUpTo ? legacyRowHash(pos.hash, at, entry) : rowHash(keys.auditChain, pos.hash, at, entry);
      if (expected !== r.hash)
        return {
          ...fail(checked, r.seq, `Entry #${r.seq} does not match its keyed hash: it was altered, or written without the install secret.`),
          head: pos,
        };
      pos = { seq: r.seq, count: pos.count + 1, hash: r.hash };
      checked++;
      for (; checkpoints[i]?.seq === r.seq; i++) if (!matches(checkpoints[i]!)) return { ...mismatch(checkpoints[i]!), head: pos };
    }
    if (rows.length < batch) break;
  }
  const cp = checkpoints[i];
  if (cp) return { ...missedCheckpoint(cp, checked, pos), head: pos };
  return { ok: true, checked, head: pos };
}

/** Confirms that the row a checkpoint ends on is still there, unchanged (before walking on from it). */
export async function positionStands(db: Kysely<Database>, pos: ChainPosition): Promise<boolean> {
  if (pos.seq === 0) return pos.hash === GENESIS && pos.count === 0;
  const row = await auditRowAt(db, pos.seq);
  return row?.hash === pos.hash;
}

/** Every checkpoint known (database and data-folder file), signatures checked, duplicates merged. */
async function knownCheckpoints(
  db: Kysely<Database>,
  keys: InstallKeys,
  file: string | undefined,
): Promise<{ checkpoints: Checkpoint[]; problem?: string }> {
  const stored = await readCheckpointRows(db);
  const filed = file ? readCheckpointFile(file) : [];
  const inTable = new Set(stored.map((c) => c.signature));
  const all = [...stored, ...filed.filter((c) => !inTable.has(c.signature))].sort((a, b) => a.seq - b.seq);
  const forged = all.find((c) => !checkpointSignatureValid(keys, c));
  if (forged)
    return { checkpoints: all, problem: `The checkpoint at #${forged.seq} (${forged.at}) is not signed with this install's secret.` };
  const lost = filed.find((c) => !inTable.has(c.signature));
  if (lost)
    return {
      checkpoints: all,
      problem: `The checkpoint at #${lost.seq} (${lost.at}) is in the data folder but was removed from the database.`,
    };
  return { checkpoints: all };
}

/** The whole chain from its first row, against every checkpoint. `checkpointFile`: the data folder's copy. */
export async function verifyAuditChain(
  db: Kysely<Database>,
  keys: InstallKeys = activeInstallKeys(),
  opts: { checkpointFile?: string } = {},
): Promise<ChainCheck> {
  const { checkpoints, problem } = await knownCheckpoints(db, keys, opts.checkpointFile);
  if (problem) return fail(0, undefined, problem);
  // The first start after migrating writes one, so none at all means they were removed.
  if (checkpoints.length === 0) return fail(0, undefined, 'No checkpoint of the chain exists: they were removed.');
  const genesis = await legacyBoundary(db);
  const signed = new Set(checkpoints.map((c) => c.legacyUpTo));
  if (genesis === undefined || signed.size > 1 || (signed.size === 1 && !signed.has(genesis))) {
    return fail(0, undefined, 'The boundary of the entries written before the chain was keyed was altered.');
  }
  const { head: _head, ...result } = await walkChain(db, keys, genesis, CHAIN_START, checkpoints);
  return result;
}
