/**
 * nutmeg cdsi-check <file.jsonl> [more files] [--known packages/forecast/known-disagreements.json] [--data DIR]
 *
 * Runs every CDC CDSi test case through @nutmeg/forecast, prints each failure with its differences,
 * passed/failed per file, per vaccine group the healthy and underlying-condition (UC) cases passed,
 * and as the last line "N passed, N failed".
 * Exit code is non-zero when a failing case is not listed in the known-disagreements file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareCase, formatTally, parseCaseLine, runCase, tallyCases, type TalliedCase } from '@nutmeg/forecast';
import { defaultSupportingDataDir, loadSupportingDataFromDir } from '@nutmeg/forecast/node';

/** A CDC case the engine disagrees with, with the spec clause and 4.64 data row that decide it and the reading tried. */
interface KnownDisagreement {
  id: string;
  clause: string;
  dataRow: string;
  readingTried: string;
  why: string;
}

const DEFAULT_KNOWN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../forecast/known-disagreements.json');

export async function cdsiCheck(argv: string[]): Promise<number> {
  const files: string[] = [];
  let knownPath: string | undefined;
  let dataDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--known') knownPath = argv[++i];
    else if (a.startsWith('--known=')) knownPath = a.slice('--known='.length);
    else if (a === '--data') dataDir = argv[++i];
    else if (a.startsWith('--data=')) dataDir = a.slice('--data='.length);
    else if (a === '--help' || a === '-h') {
      console.log('usage: nutmeg cdsi-check <file.jsonl> [more files] [--known known-disagreements.json] [--data DIR]');
      return 0;
    } else files.push(a);
  }
  if (files.length === 0) {
    console.error('cdsi-check: no test case files given');
    console.log('0 passed, 0 failed');
    return 2;
  }
  const known = new Map<string, KnownDisagreement>();
  const kp = knownPath ?? (existsSync(DEFAULT_KNOWN) ? DEFAULT_KNOWN : undefined);
  if (kp) {
    let list: KnownDisagreement[];
    try {
      list = JSON.parse(readFileSync(kp, 'utf8')) as KnownDisagreement[];
      if (!Array.isArray(list)) throw new Error('expected a JSON array');
    } catch (e) {
      console.error(`cdsi-check: cannot read known disagreements ${kp}: ${(e as Error).message}`);
      console.log('0 passed, 0 failed');
      return 2;
    }
    for (const k of list) {
      if (!k.id || !k.clause || !k.dataRow || !k.readingTried || !k.why) {
        console.error(`cdsi-check: known disagreement ${k.id ?? '(no id)'} must have an id, a clause, a dataRow, a readingTried and a why`);
        console.log('0 passed, 0 failed');
        return 2;
      }
      known.set(k.id, k);
    }
  }
  const t0 = performance.now();
  const data = loadSupportingDataFromDir(dataDir ?? defaultSupportingDataDir());
  console.log(
    `supporting data ${data.version}: ${data.counts.antigens} antigens, ${data.counts.series} series, ${data.counts.targetDoses} target doses, ${data.counts.cvxMappings} CVX codes (${Math.round(performance.now() - t0)} ms)`,
  );
  let unexpected = 0;
  const tallied: TalliedCase[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    for (const line of lines) {
      let id = '?';
      let group = '?';
      let suite: string | undefined;
      let diffs: readonly string[];
      let name = '';
      try {
        const c = parseCaseLine(line);
        id = c.id;
        name = c.name;
        group = c.expectedForecast.vaccineGroupCdsi;
        suite = c.suite;
        diffs = compareCase(c, runCase(c, data)).differences;
      } catch (e) {
        diffs = [`error: ${(e as Error).message}`];
      }
      tallied.push({ file: path.basename(file), suite, group, passed: diffs.length === 0 });
      if (diffs.length === 0) continue;
      const k = known.get(id);
      if (!k) unexpected++;
      console.log(`FAIL ${id} [${group}] ${name}${k ? ' (known disagreement)' : ''}`);
      for (const d of diffs) console.log(`    ${d}`);
      if (k) console.log(`    known: ${k.clause}; data: ${k.dataRow}. ${k.why}\n    reading tried: ${k.readingTried}`);
    }
  }
  console.log('');
  const tally = tallyCases(tallied);
  for (const l of formatTally(tally)) console.log(l);
  if (unexpected > 0) console.log(`${unexpected} failing case(s) are not listed as known disagreements`);
  console.log(`${tally.total.passed} passed, ${tally.total.failed} failed`);
  return unexpected > 0 ? 1 : 0;
}
