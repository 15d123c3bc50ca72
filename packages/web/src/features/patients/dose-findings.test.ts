import { describe, expect, it } from 'vitest';
import type { PresentedEvaluation } from '@nutmeg/api-types';
import { doseFindings, findingText } from './dose-findings';

const evaluation = (over: Partial<PresentedEvaluation>): PresentedEvaluation => ({
  doseId: 'd2',
  date: '2025-03-10',
  cvx: '20',
  vaccine: 'DTaP',
  antigen: 'Diphtheria',
  vaccineGroup: 'DTaP/Tdap/Td',
  status: 'Valid',
  reasons: [],
  explanation: '',
  targetDose: 2,
  series: 'DTaP standard',
  rulePath: [],
  ...over,
});

describe('what the recommender found wrong with a dose', () => {
  it('gives one finding per vaccine group and reason, and none for a valid dose', () => {
    const evals = [
      evaluation({ antigen: 'Diphtheria', status: 'Not Valid', reasons: ['Interval: Too Soon'], explanation: 'given 1 day early' }),
      evaluation({ antigen: 'Tetanus', status: 'Not Valid', reasons: ['Interval: Too Soon'] }),
      evaluation({ antigen: 'Pertussis', status: 'Not Valid', reasons: ['Interval: Too Soon'] }),
      evaluation({ doseId: 'd1', status: 'Valid' }),
    ];
    const found = doseFindings(evals, 'd2');
    expect(found.map(findingText)).toEqual(['Not valid for DTaP/Tdap/Td: Interval: Too Soon']);
    expect(found[0]?.explanation).toBe('given 1 day early');
    expect(doseFindings(evals, 'd1')).toEqual([]);
  });

  it('keeps different findings of one dose apart', () => {
    const evals = [
      evaluation({ doseId: 'x', antigen: 'Hib', vaccineGroup: 'Hib', status: 'Extraneous', reasons: ['Series Already Complete'] }),
      evaluation({ doseId: 'x', antigen: 'Polio', vaccineGroup: 'Polio', status: 'Valid' }),
      evaluation({ doseId: 'x', antigen: 'HepB', vaccineGroup: 'HepB', status: 'Not Valid', reasons: ['Age: Too Young'] }),
    ];
    expect(doseFindings(evals, 'x').map(findingText)).toEqual([
      'Extraneous for Hib: Series Already Complete',
      'Not valid for HepB: Age: Too Young',
    ]);
  });
});
