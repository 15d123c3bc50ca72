import { describe, expect, it } from 'vitest';
import { multipleAntigenStatus } from './vaccine-group-forecast.ts';
import type { SeriesStatus } from './types.ts';

describe('9.3 multiple antigen vaccine group status (Table 9-4)', () => {
  it.each<[SeriesStatus[], SeriesStatus]>([
    [['Contraindicated', 'Not Complete', 'Complete'], 'Contraindicated'],
    [['Aged Out', 'Not Complete'], 'Aged Out'],
    [['Not Recommended', 'Not Complete'], 'Not Recommended'],
    [['Complete', 'Not Complete', 'Complete'], 'Not Complete'],
    [['Immune', 'Immune', 'Immune'], 'Immune'],
    [['Immune', 'Complete', 'Complete'], 'Complete'],
    [['Complete', 'Complete', 'Complete'], 'Complete'],
  ])('%j → %s', (statuses, expected) => {
    expect(multipleAntigenStatus(statuses)).toBe(expected);
  });
});
