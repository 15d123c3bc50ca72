import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createRecommender, supportingDataDirOf } from './recommender.ts';
import { toStoredForecast } from './stored-forecast.ts';

const engine = createRecommender(supportingDataDirOf(loadConfig({})));

describe('the stored form of a forecast', () => {
  it("keeps each antigen's valid dose dates with its group: a Td dose is a tetanus dose, not a pertussis dose", () => {
    const result = engine.forecast({
      patient: { dob: '2012-02-01', sex: 'F' },
      observations: [],
      doses: [
        { id: 'tdap', date: '2023-03-01', cvx: '115', mvx: null },
        { id: 'td', date: '2025-03-01', cvx: '113', mvx: null },
        { id: 'mmr', date: '2013-03-01', cvx: '03', mvx: null },
      ],
      assessmentDate: '2026-09-15',
    });
    const stored = toStoredForecast('p', result, engine.data.antigenToVaccineGroup);
    const dtap = stored.groups.find((g) => g.vaccineGroup === 'DTaP/Tdap/Td')!;
    expect(dtap.validAntigenDates['Pertussis']).toEqual(['2023-03-01']);
    expect(dtap.validAntigenDates['Tetanus']).toEqual(['2023-03-01', '2025-03-01']);
    const mmr = stored.groups.find((g) => g.vaccineGroup === 'MMR')!;
    expect(mmr.validAntigenDates).toEqual({ Measles: ['2013-03-01'], Mumps: ['2013-03-01'], Rubella: ['2013-03-01'] });
    expect(stored.groups.find((g) => g.vaccineGroup === 'HepA')!.validAntigenDates).toEqual({});
  });
});
