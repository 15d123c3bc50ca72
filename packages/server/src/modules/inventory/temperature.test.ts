import { describe, expect, it } from 'vitest';
import { outOfRange } from './temperature.ts';

describe('temperature excursions', () => {
  it('keeps a refrigerator between 2 and 8 °C, counting the logger’s min and max too', () => {
    expect(outOfRange('refrigerator', { currentC: 5, minC: 2, maxC: 8 })).toEqual([]);
    expect(outOfRange('refrigerator', { currentC: 5, minC: 1.5, maxC: 9 })).toEqual([9, 1.5]);
    expect(outOfRange('refrigerator', { currentC: 8.1 })).toEqual([8.1]);
  });
  it('keeps a freezer between −50 and −15 °C', () => {
    expect(outOfRange('freezer', { currentC: -20 })).toEqual([]);
    expect(outOfRange('freezer', { currentC: -14 })).toEqual([-14]);
    expect(outOfRange('freezer', { currentC: -20, minC: -51 })).toEqual([-51]);
  });
});
