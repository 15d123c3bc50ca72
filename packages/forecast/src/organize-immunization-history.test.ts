import { describe, expect, it } from 'vitest';
import { parseIsoDate } from './date-arithmetic.ts';
import { loadSupportingDataFromDir } from './node.ts';
import { organizeImmunizationHistory } from './organize-immunization-history.ts';

const data = loadSupportingDataFromDir();

describe('4.2 organize immunization history', () => {
  const dob = parseIsoDate('1980-01-01');
  const h = organizeImmunizationHistory(
    [
      { id: 'mmrv', date: '1981-02-01', cvx: '94' },
      { id: 'dtap', date: '1980-03-01', cvx: '20' },
      { id: 'future', date: '2030-01-01', cvx: '20' },
      { id: 'unknown', date: '1990-01-01', cvx: '99999' },
    ],
    dob,
    parseIsoDate('2025-01-01'),
    data,
  );
  it('breaks combination vaccines into antigen records sorted by date', () => {
    expect([...h.byAntigen.keys()].sort()).toEqual(['Diphtheria', 'Measles', 'Mumps', 'Pertussis', 'Rubella', 'Tetanus', 'Varicella']);
    expect(h.byAntigen.get('Tetanus')?.map((d) => d.doseId)).toEqual(['dtap']);
  });
  it('ignores doses after the assessment date and reports unknown CVX codes', () => {
    expect(h.doses.map((d) => d.id)).toEqual(['dtap', 'mmrv', 'unknown']);
    expect(h.unmapped).toEqual(['unknown']);
  });
  it('uses the association ages of the CVX map (Zoster vaccine before 50 years counts as Varicella)', () => {
    const z = organizeImmunizationHistory([{ id: 'z', date: '2020-01-01', cvx: '121' }], dob, parseIsoDate('2025-01-01'), data);
    const z2 = organizeImmunizationHistory([{ id: 'z', date: '2031-01-01', cvx: '121' }], dob, parseIsoDate('2032-01-01'), data);
    expect([...z.byAntigen.keys()]).toEqual(['Varicella']);
    expect([...z2.byAntigen.keys()]).toEqual(['Zoster']);
  });
});
