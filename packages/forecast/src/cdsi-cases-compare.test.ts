import { describe, expect, it } from 'vitest';
import { combineEvaluations, compareCase, fold, parseCaseLine, runCase } from './cdsi-cases.ts';
import { loadSupportingDataFromDir } from './node.ts';
import type { DoseEvaluation } from './types.ts';

const data = loadSupportingDataFromDir();
const line = JSON.stringify({
  id: 'T-1',
  name: 'DTaP #2 too soon',
  dob: '2025-01-01',
  gender: 'F',
  assessmentDate: '2025-03-20',
  observations: [],
  doses: [
    { doseNumber: 1, dateAdministered: '2025-02-15', cvx: '20', mvx: null, expectedEvaluation: { status: 'Valid', reason: null } },
    {
      doseNumber: 2,
      dateAdministered: '2025-03-10',
      cvx: '20',
      mvx: null,
      expectedEvaluation: { status: 'Not  valid', reason: 'Interval: too Soon' },
    },
  ],
  expectedForecast: {
    vaccineGroupCdsi: 'DTaP/Tdap/Td',
    seriesStatus: 'Not complete',
    forecastNumber: 2,
    earliestDate: '2025-04-07',
    recommendedDate: '2025-05-01',
    pastDueDate: '2025-06-28',
  },
});

describe('CDC case comparison', () => {
  it('folds case and whitespace', () => {
    expect(fold('  Not   complete ')).toBe('not complete');
  });
  it('passes when the engine agrees', () => {
    const c = parseCaseLine(line);
    expect(compareCase(c, runCase(c, data)).differences).toEqual([]);
  });
  it('reports every difference', () => {
    const c = parseCaseLine(line);
    const wrong = {
      ...c,
      expectedForecast: { ...c.expectedForecast, seriesStatus: 'Complete', earliestDate: '2025-04-08' },
      doses: [c.doses[0], { ...c.doses[1], expectedEvaluation: { status: 'Valid', reason: null } }],
    } as typeof c;
    const diffs = compareCase(wrong, runCase(wrong, data)).differences;
    expect(diffs).toContain('status: expected Complete, got Not Complete');
    expect(diffs).toContain('earliest: expected 2025-04-08, got 2025-04-07');
    expect(diffs.some((d) => d.startsWith('dose 2 (2025-03-10 CVX 20): expected Valid'))).toBe(true);
  });
  it('rejects a line without the required fields', () => {
    expect(() => parseCaseLine('{"id":"x"}')).toThrow(/missing/);
  });
  it('combines a combination vaccine: valid for one antigen and extraneous for another is valid; not valid wins', () => {
    const e = (antigen: string, status: DoseEvaluation['status']): DoseEvaluation => ({
      doseId: '1',
      date: '2025-01-01',
      cvx: '115',
      antigen,
      status,
      reasons: [],
      satisfiedTargetDose: status === 'Valid',
      seriesName: 's',
      seriesType: 'Standard',
      explanation: '',
      rulePath: [],
    });
    expect(combineEvaluations([e('Tetanus', 'Valid'), e('Pertussis', 'Extraneous')])?.status).toBe('Valid');
    expect(combineEvaluations([e('Tetanus', 'Valid'), e('Pertussis', 'Not Valid')])?.status).toBe('Not Valid');
    // within one antigen, the best series where the dose counts
    expect(combineEvaluations([e('Polio', 'Extraneous'), e('Polio', 'Valid')])?.status).toBe('Valid');
  });
});
