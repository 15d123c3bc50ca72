/**
 * Table-driven run of the CDC CDSi test cases (one `it` per case). Cases listed in
 * known-disagreements.json are skipped with their justification.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareCase, parseCaseLine, runCase, type CdsiCase } from './cdsi-cases.ts';
import { loadSupportingDataFromDir } from './node.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const casesDir = path.resolve(repoRoot, '../shared/cdsi/testcases');
const known = new Map(
  (
    JSON.parse(readFileSync(path.resolve(here, '../known-disagreements.json'), 'utf8')) as { id: string; clause: string; why: string }[]
  ).map((k) => [k.id, k]),
);
const data = loadSupportingDataFromDir();

const FILES = ['cdsi-healthy-childhood-and-adult-test-cases-v4.45.jsonl', 'CDSi-underlying-conditions-test-cases-v4.6.jsonl'];

for (const file of FILES) {
  const full = path.join(casesDir, file);
  describe.skipIf(!existsSync(full))(`CDC CDSi cases: ${file}`, () => {
    const cases: CdsiCase[] = existsSync(full)
      ? readFileSync(full, 'utf8')
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map(parseCaseLine)
      : [];
    for (const c of cases) {
      const k = known.get(c.id);
      const title = `${c.id} ${c.name}`;
      if (k) {
        it.skip(`${title} — known disagreement: ${k.why}`, () => {});
        continue;
      }
      it(title, () => {
        const outcome = compareCase(c, runCase(c, data));
        expect(outcome.differences).toEqual([]);
      });
    }
  });
}
