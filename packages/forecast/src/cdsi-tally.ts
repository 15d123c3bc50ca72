/**
 * Pass / fail counts of CDC CDSi test cases per file and per vaccine group, split by suite (healthy vs
 * underlying conditions), so progress on each is visible in `nutmeg cdsi-check`. Pure: the caller
 * runs the cases and prints the lines.
 */

/** The suites of the CDC workbooks (`suite` of a test case line). */
export type CaseSuite = 'healthy' | 'underlying-conditions';

export interface TalliedCase {
  readonly file: string;
  /** undefined when the line could not be read */
  readonly suite?: string;
  /** vaccine group of the case ('?' when the line could not be read) */
  readonly group: string;
  readonly passed: boolean;
}

export interface Count {
  passed: number;
  failed: number;
}

export interface CaseTally {
  readonly byFile: ReadonlyMap<string, Count>;
  /** vaccine group → suite → count ('other' collects lines without a known suite) */
  readonly byGroup: ReadonlyMap<string, Readonly<Record<CaseSuite | 'other', Count>>>;
  readonly total: Count;
}

const SUITES: readonly (CaseSuite | 'other')[] = ['healthy', 'underlying-conditions', 'other'];

function add(c: Count, passed: boolean): void {
  if (passed) c.passed++;
  else c.failed++;
}

export function tallyCases(cases: readonly TalliedCase[]): CaseTally {
  const byFile = new Map<string, Count>();
  const byGroup = new Map<string, Record<CaseSuite | 'other', Count>>();
  const total: Count = { passed: 0, failed: 0 };
  for (const c of cases) {
    let f = byFile.get(c.file);
    if (!f) byFile.set(c.file, (f = { passed: 0, failed: 0 }));
    add(f, c.passed);
    let g = byGroup.get(c.group);
    if (!g) {
      g = { healthy: { passed: 0, failed: 0 }, 'underlying-conditions': { passed: 0, failed: 0 }, other: { passed: 0, failed: 0 } };
      byGroup.set(c.group, g);
    }
    const suite = c.suite === 'healthy' || c.suite === 'underlying-conditions' ? c.suite : 'other';
    add(g[suite], c.passed);
    add(total, c.passed);
  }
  return { byFile, byGroup, total };
}

const ratio = (c: Count): string => (c.passed + c.failed === 0 ? '-' : `${c.passed}/${c.passed + c.failed}`);

/** The table printed by cdsi-check: one line per file, then per vaccine group "healthy passed/total, UC passed/total". */
export function formatTally(t: CaseTally): string[] {
  const lines: string[] = [];
  const fw = Math.max(4, ...[...t.byFile.keys()].map((f) => f.length));
  lines.push(`${'file'.padEnd(fw)}  passed  failed`);
  for (const [f, c] of t.byFile) lines.push(`${f.padEnd(fw)}  ${String(c.passed).padStart(6)}  ${String(c.failed).padStart(6)}`);
  lines.push('');
  const gw = Math.max(13, ...[...t.byGroup.keys()].map((g) => g.length));
  const withOther = [...t.byGroup.values()].some((g) => g.other.passed + g.other.failed > 0);
  lines.push(`${'vaccine group'.padEnd(gw)}  ${'healthy'.padStart(9)}  ${'UC'.padStart(9)}${withOther ? `  ${'other'.padStart(9)}` : ''}`);
  const sum: Record<CaseSuite | 'other', Count> = {
    healthy: { passed: 0, failed: 0 },
    'underlying-conditions': { passed: 0, failed: 0 },
    other: { passed: 0, failed: 0 },
  };
  for (const [g, r] of [...t.byGroup.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    for (const s of SUITES) {
      sum[s].passed += r[s].passed;
      sum[s].failed += r[s].failed;
    }
    lines.push(
      `${g.padEnd(gw)}  ${ratio(r.healthy).padStart(9)}  ${ratio(r['underlying-conditions']).padStart(9)}${withOther ? `  ${ratio(r.other).padStart(9)}` : ''}`,
    );
  }
  lines.push(
    `${'all groups'.padEnd(gw)}  ${ratio(sum.healthy).padStart(9)}  ${ratio(sum['underlying-conditions']).padStart(9)}${withOther ? `  ${ratio(sum.other).padStart(9)}` : ''}`,
  );
  return lines;
}
