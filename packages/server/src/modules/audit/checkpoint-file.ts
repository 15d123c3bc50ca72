// The data folder's copy of the signed checkpoints: one JSON line each, appended, mode 0600. Someone who can
// rewrite the database cannot reach it (it lives on the app server), so it survives checkpoints deleted there.

import fs from 'node:fs';
import path from 'node:path';
import type { Checkpoint } from './audit-chain.ts';

export function checkpointFileOf(dataDir: string): string {
  return path.join(dataDir, 'audit', 'checkpoints.jsonl');
}

export async function appendCheckpointFile(file: string, cp: Checkpoint): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await fs.promises.appendFile(file, `${JSON.stringify(cp)}\n`, { mode: 0o600 });
}

/** The checkpoints in the file; a line cut short by a crash mid-write is skipped. */
export function readCheckpointFile(file: string): Checkpoint[] {
  if (!fs.existsSync(file)) return [];
  const out: Checkpoint[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const c = JSON.parse(line) as Checkpoint;
      if (typeof c.seq === 'number' && typeof c.signature === 'string') out.push(c);
    } catch {
      // partial last line
    }
  }
  return out;
}
