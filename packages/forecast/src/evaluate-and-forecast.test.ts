import { describe, expect, it } from 'vitest';
import { evaluateAndForecast } from './evaluate-and-forecast.ts';
import { loadSupportingDataFromDir } from './node.ts';

const data = loadSupportingDataFromDir();

describe('evaluateAndForecast (end to end on the 4.64 supporting data)', () => {
  const result = evaluateAndForecast(
    {
      patient: { dob: '2025-01-01', sex: 'F' },
      doses: [
        { id: 'a', date: '2025-02-15', cvx: '20' },
        { id: 'b', date: '2025-03-10', cvx: '20' },
      ],
      assessmentDate: '2025-03-20',
    },
    data,
  );

  it('forecasts every vaccine group', () => {
    expect(result.supportingDataVersion).toBe('4.64');
    const groups = new Set(result.vaccineGroups.map((v) => v.vaccineGroup));
    expect(groups.size).toBe(data.vaccineGroups.size);
  });

  it('explains a dose given too soon with the rule path', () => {
    const e = result.evaluations.find((x) => x.doseId === 'b' && x.antigen === 'Diphtheria');
    expect(e?.status).toBe('Not Valid');
    expect(e?.reasons).toContain('Interval: Too Soon');
    expect(e?.explanation).toContain('given 1 day before the absolute minimum interval of 4 weeks - 4 days after dose 1 (2025-02-15)');
    expect(e?.rulePath.map((r) => r.section)).toEqual(['6.4', '6.5', '6.6', '6.7', '6.8', '6.10']);
  });

  it('blends DTaP/Tdap/Td from its three antigens', () => {
    const dtap = result.vaccineGroups.find((v) => v.vaccineGroup === 'DTaP/Tdap/Td');
    expect(dtap?.status).toBe('Not Complete');
    expect(dtap?.forecastDoseNumber).toBe(2);
    expect(dtap?.earliestDate).toBe('2025-04-07'); // 4 weeks after the too-soon dose
    expect(dtap?.bestSeries.map((b) => b.antigen).sort()).toEqual(['Diphtheria', 'Pertussis', 'Tetanus']);
  });

  it('is pure: the same input gives the same output', () => {
    const again = evaluateAndForecast(
      {
        patient: { dob: '2025-01-01', sex: 'F' },
        doses: [
          { id: 'a', date: '2025-02-15', cvx: '20' },
          { id: 'b', date: '2025-03-10', cvx: '20' },
        ],
        assessmentDate: '2025-03-20',
      },
      data,
    );
    expect(JSON.stringify(again.vaccineGroups)).toBe(JSON.stringify(result.vaccineGroups));
  });

  it('reports doses whose CVX is unknown', () => {
    const r = evaluateAndForecast(
      {
        patient: { dob: '2020-01-01', sex: 'M' },
        doses: [{ id: 'x', date: '2021-01-01', cvx: '9999' }],
        assessmentDate: '2025-01-01',
        vaccineGroups: ['HepB'],
      },
      data,
    );
    expect(r.unmappedDoses).toEqual(['x']);
    expect(r.vaccineGroups.map((v) => v.vaccineGroup)).toEqual(['HepB']);
  });
});

describe('dose evaluations serialise with their explanation', () => {
  it('JSON.stringify includes the explanation text', () => {
    const r = evaluateAndForecast(
      {
        patient: { dob: '2025-01-01', sex: 'F' },
        doses: [{ id: 'a', date: '2025-02-15', cvx: '20' }],
        assessmentDate: '2025-03-20',
        vaccineGroups: ['DTaP/Tdap/Td'],
      },
      data,
    );
    const json = JSON.parse(JSON.stringify(r.evaluations[0])) as { explanation: string; status: string };
    expect(json.status).toBe('Valid');
    expect(json.explanation).toContain('satisfies target dose 1');
  });
});

describe('the whole result serialises to plain JSON', () => {
  it('contains forecasts, series and evaluations but no engine internals', () => {
    const r = evaluateAndForecast(
      { patient: { dob: '2020-01-01', sex: 'M' }, doses: [{ id: 'a', date: '2020-03-01', cvx: '20' }], assessmentDate: '2025-11-10' },
      data,
    );
    const text = JSON.stringify(r);
    expect(text.length).toBeLessThan(500_000);
    const back = JSON.parse(text) as { antigens: { relevantSeries: { forecast: { status: string }; series: string }[] }[] };
    const dip = back.antigens.find((a) => (a as unknown as { antigen: string }).antigen === 'Diphtheria');
    expect(dip?.relevantSeries[0]?.series).toBe('Diphtheria standard series');
    expect(text).not.toContain('conflictsByCurrentCvx');
  });
});
