import { describe, expect, it } from 'vitest';
import { formatTally, tallyCases, type TalliedCase } from './cdsi-tally.ts';

const cases: TalliedCase[] = [
  { file: 'healthy.jsonl', suite: 'healthy', group: 'HepB', passed: true },
  { file: 'healthy.jsonl', suite: 'healthy', group: 'HepB', passed: false },
  { file: 'uc.jsonl', suite: 'underlying-conditions', group: 'HepB', passed: true },
  { file: 'uc.jsonl', suite: 'underlying-conditions', group: 'Pneumococcal', passed: false },
  { file: 'uc.jsonl', suite: 'underlying-conditions', group: 'Pneumococcal', passed: true },
];

describe('cdsi-check tally', () => {
  it('counts passed and failed cases per file', () => {
    const t = tallyCases(cases);
    expect(t.byFile.get('healthy.jsonl')).toEqual({ passed: 1, failed: 1 });
    expect(t.byFile.get('uc.jsonl')).toEqual({ passed: 2, failed: 1 });
    expect(t.total).toEqual({ passed: 3, failed: 2 });
  });

  it('counts healthy and underlying-condition cases of a vaccine group separately', () => {
    const hepB = tallyCases(cases).byGroup.get('HepB');
    expect(hepB?.healthy).toEqual({ passed: 1, failed: 1 });
    expect(hepB?.['underlying-conditions']).toEqual({ passed: 1, failed: 0 });
  });

  it('prints per vaccine group "passed/total" for healthy and UC, with a total line', () => {
    const lines = formatTally(tallyCases(cases));
    expect(lines.find((l) => l.startsWith('HepB'))?.split(/\s+/)).toEqual(['HepB', '1/2', '1/1']);
    expect(lines.find((l) => l.startsWith('Pneumococcal'))?.split(/\s+/)).toEqual(['Pneumococcal', '-', '1/2']);
    expect(lines.find((l) => l.startsWith('all groups'))?.split(/\s{2,}/)).toEqual(['all groups', '1/2', '2/3']);
    expect(lines.some((l) => l.includes('other'))).toBe(false);
  });

  it('keeps lines without a known suite in their own column', () => {
    const lines = formatTally(tallyCases([...cases, { file: 'broken.jsonl', group: '?', passed: false }]));
    expect(lines.find((l) => l.startsWith('vaccine group'))).toContain('other');
    expect(lines.find((l) => l.startsWith('?'))?.split(/\s+/)).toEqual(['?', '-', '-', '0/1']);
  });
});
