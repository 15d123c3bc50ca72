import { describe, expect, it } from 'vitest';
import { MEASURES, measuresMet } from './coverage.ts';

const facts = (groups: Record<string, { status: string; validDoseDates: string[] }>) => ({
  dob: '2010-05-01',
  groups: new Map(Object.entries(groups)),
});

describe('coverage measures', () => {
  it('counts adolescent Tdap and MenACWY doses only from the 10th birthday', () => {
    const p = facts({
      'DTaP/Tdap/Td': { status: 'Complete', validDoseDates: ['2011-01-01', '2020-04-30'] },
      Meningococcal: { status: 'Not Complete', validDoseDates: ['2020-05-01'] },
    });
    expect([...measuresMet(p, MEASURES.adolescent, '2025-01-01', true)].sort()).toEqual(['menacwy']);
  });

  it('counts doses given by the assessment date, and a complete series only when statuses apply', () => {
    const p = facts({ HPV: { status: 'Complete', validDoseDates: ['2022-01-01', '2022-08-01'] } });
    expect(measuresMet(p, MEASURES.adolescent, '2025-01-01', true).has('hpv')).toBe(true);
    expect(measuresMet(p, MEASURES.adolescent, '2025-01-01', false).has('hpv')).toBe(false);
    const child = facts({ MMR: { status: 'Not Complete', validDoseDates: ['2025-02-01'] } });
    expect(measuresMet(child, MEASURES.child, '2025-01-31', true).has('mmr')).toBe(false);
    expect(measuresMet(child, MEASURES.child, '2025-02-01', true).has('mmr')).toBe(true);
  });
});
