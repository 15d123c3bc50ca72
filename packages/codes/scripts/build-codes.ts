// Builds the data files @nutmeg/codes ships (packages/codes/codesets/*.json) from the code sets in
// ../shared/hl7/codesets (CDC downloads and the AIRA codebase) and the NIST IG value sets.
//   npx tsx packages/codes/scripts/build-codes.ts [--source <dir of hl7 reference material>]
// Output is deterministic (sorted, one record per line) so a rebuild from the same sources changes nothing;
// a test rebuilds in memory and compares with the committed files.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Cvx } from '../src/types.ts';
import { type AiraCode, readAiraSet } from './read-aira.ts';
import { byCode, readCvx, readMvx, readTradeNames, readVaccineGroups, readVis } from './read-cdc.ts';
import { readNdc } from './read-ndc.ts';
import { buildTable, readNistValueSets } from './build-tables.ts';
import { compact } from './source-text.ts';
import { TABLE_SPECS } from './table-specs.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = path.resolve(here, '../codesets');
/** ../shared/hl7 seen from the repository root (the worktree sits beside shared/). */
export const DEFAULT_SOURCE = path.resolve(here, '../../../../shared/hl7');

const SOURCES = {
  cvx: 'codesets/cdc-source/cvx.xml',
  mvx: 'codesets/cdc-source/mvx.xml',
  vac2vg: 'codesets/cdc-source/vac2vg.xml',
  tradename: 'codesets/cdc-source/tradename.xml',
  vis: 'codesets/cdc-source/vis.xml',
  visurl: 'codesets/cdc-source/visurl.xml',
  cvxvis: 'codesets/cdc-source/cvxvis.xml',
  ndcSale: 'codesets/cdc-source/NDC_Unit_sale.txt',
  ndcUse: 'codesets/cdc-source/NDC_Unit_use.txt',
  ndcLinker: 'codesets/cdc-source/NDC_Linker.txt',
  nist: 'nist-profiles/iis-sandbox-export/VXU-Z22_ValueSetLibrary.xml',
} as const;
const AIRA_DIR = 'codesets/aira-codebase-sets';

/** Writes records one per line: readable diffs when CDC changes a code. */
function jsonLines(records: readonly unknown[]): string {
  return `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}

function withAira(list: Cvx[], aira: AiraCode[]): Cvx[] {
  const byValue = new Map(aira.map((c) => [String(Number(c.value)).padStart(2, '0'), c]));
  return list
    .map((c) => {
      const a = byValue.get(c.code);
      const { code, shortName, fullName, status, lastUpdated, notes, vaccineGroups } = c;
      return compact<Cvx>({
        code,
        shortName,
        fullName,
        status,
        lastUpdated,
        notes,
        conceptType: a?.conceptType,
        vaccineGroups,
        useDate: a?.useDate,
        useAge: a?.useAge,
      });
    })
    .sort((a, b) => byCode(a.code, b.code));
}

/** The MVX the AIRA codebase links to each valid NDC (fallback where CDC's NDC linker names none). */
function airaNdcMvx(read: (name: string) => AiraCode[]): Map<string, string> {
  const mvx = new Map<string, string>();
  for (const set of ['Vaccination NDC Code Unit-of-Sale', 'Vaccination NDC Code Unit-of-Use']) {
    for (const c of read(set)) {
      const m = c.links['VACCINATION_MANUFACTURER_CODE']?.[0];
      if (c.status === 'active' && m && !mvx.has(c.value)) mvx.set(c.value, m);
    }
  }
  return mvx;
}

/** Every data file's name and content, built from the reference material in `sourceDir`. */
export function buildCodes(sourceDir: string = DEFAULT_SOURCE): Map<string, string> {
  const files = new Map<string, string>();
  const hashes: Record<string, string> = {};
  const read = (rel: string) => {
    const buf = fs.readFileSync(path.join(sourceDir, rel));
    hashes[rel] = createHash('sha256').update(buf).digest('hex');
    return buf.toString('utf8');
  };
  const airaCache = new Map<string, AiraCode[]>();
  const aira = (name: string) => {
    if (!airaCache.has(name)) airaCache.set(name, readAiraSet(read(`${AIRA_DIR}/${name}.xml`)).codes);
    return airaCache.get(name)!;
  };

  const groups = readVaccineGroups(read(SOURCES.vac2vg));
  files.set('cvx.json', jsonLines(withAira(readCvx(read(SOURCES.cvx), groups), aira('Vaccination CVX Code'))));
  const mvx = readMvx(read(SOURCES.mvx)).sort((a, b) => byCode(a.code, b.code));
  files.set('mvx.json', jsonLines(mvx));
  const activeMvx = new Set(mvx.filter((m) => m.status === 'active').map((m) => m.code));
  const tradeNames = readTradeNames(read(SOURCES.tradename));
  tradeNames.sort((a, b) => byCode(a.name, b.name) || byCode(a.cvx, b.cvx) || byCode(a.mvx, b.mvx));
  files.set('trade-names.json', jsonLines(tradeNames));
  const vis = readVis(read(SOURCES.vis), read(SOURCES.visurl), read(SOURCES.cvxvis));
  vis.sort((a, b) => byCode(a.encoded, b.encoded));
  files.set('vis.json', jsonLines(vis));
  files.set(
    'ndc.json',
    jsonLines(readNdc(read(SOURCES.ndcSale), read(SOURCES.ndcUse), read(SOURCES.ndcLinker), airaNdcMvx(aira), (m) => activeMvx.has(m))),
  );

  const nist = readNistValueSets(read(SOURCES.nist));
  const tables = TABLE_SPECS.map((spec) => buildTable(spec, spec.aira ? aira(spec.aira) : [], nist));
  files.set(
    'tables.json',
    `[\n${tables.map(({ entries, ...head }) => `${JSON.stringify(head).slice(0, -1)},"entries":${jsonLines(entries).trimEnd()}}`).join(',\n')}\n]\n`,
  );
  const sources = Object.keys(hashes)
    .sort()
    .map((file) => ({ file, sha256: hashes[file] }));
  files.set('sources.json', jsonLines(sources));
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--source');
  const source = i > 0 ? path.resolve(process.argv[i + 1] ?? '') : DEFAULT_SOURCE;
  fs.mkdirSync(DATA_DIR, { recursive: true });
  for (const [name, text] of buildCodes(source)) {
    fs.writeFileSync(path.join(DATA_DIR, name), text);
    console.log(`${name}: ${text.split('\n').length - 3} records`);
  }
}
