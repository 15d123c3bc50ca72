/**
 * Table-driven run of the CDC CDSi test cases (one `it` per case). A case listed in
 * known-disagreements.json must still disagree, so the list cannot outlive a fix; every listed id must be a case.
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
    JSON.parse(readFileSync(path.resolve(here, '../known-disagreements.json'), 'utf8')) as {
      id: string;
      clause: string;
      dataRow: string;
      readingTried: string;
      why: string;
    }[]
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
        it(`${title} — still a known disagreement (${k.clause.slice(0, 60)}…)`, () => {
          const outcome = compareCase(c, runCase(c, data));
          expect(outcome.differences, 'the engine now agrees: remove it from known-disagreements.json').not.toEqual([]);
        });
        continue;
      }
      it(title, () => {
        const outcome = compareCase(c, runCase(c, data));
        expect(outcome.differences).toEqual([]);
      });
    }
  });
}

describe('known-disagreements.json', () => {
  it('gives every entry the deciding clause, the 4.64 data row, the reading tried and why it fails', () => {
    for (const k of known.values()) {
      for (const field of ['clause', 'dataRow', 'readingTried', 'why'] as const) {
        expect(typeof k[field] === 'string' && k[field].length > 20, `${k.id}: ${field}`).toBe(true);
      }
    }
  });
  it.skipIf(!FILES.every((f) => existsSync(path.join(casesDir, f))))('names only cases that exist in the CDC files', () => {
    const ids = new Set(
      FILES.flatMap((f) =>
        readFileSync(path.join(casesDir, f), 'utf8')
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => parseCaseLine(l).id),
      ),
    );
    expect([...known.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });
});
