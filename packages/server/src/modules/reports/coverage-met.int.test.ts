// The measures met as the forecast store counts them in SQL (coverageMetOf) are the measures met as the rule in
// Node counts them (measuresMet): child and adolescent measures, doses after the assessment date, doses before
// the 10th birthday (a 29 February birthday too), stored statuses counting or not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { coverageCohort } from '../patients/index.ts';
import { coverageMetOf, replaceStoredForecasts, type StoredPatientForecast } from '../recommender/index.ts';

type StoredGroup = StoredPatientForecast['groups'][number];
import { MEASURES, measuresMet, type PersonFacts } from './coverage.ts';

const group = (vaccineGroup: string, status: string, validDoseDates: string[]): StoredGroup => ({
  vaccineGroup,
  seriesType: 'Standard',
  status,
  forecastDoseNumber: null,
  earliestDate: null,
  recommendedDate: null,
  pastDueDate: null,
  latestDate: null,
  validDoseDates,
  validAntigenDates: {},
});

// dob → stored groups; the assessment date is 2026-06-15.
const PEOPLE: Array<[string, StoredGroup[]]> = [
  [
    '2024-01-10',
    [
      group('DTaP/Tdap/Td', 'Not Complete', ['2024-03-10', '2024-05-10', '2024-07-10', '2025-04-10']),
      group('Polio', 'Not Complete', ['2024-03-10', '2024-05-10', '2026-07-01']),
      group('MMR', 'Immune', []),
      group('Hib', 'Complete', ['2024-03-10']),
      group('HepB', 'Not Complete', ['2024-01-10', '2024-02-10', '2024-07-10']),
      group('Varicella', 'Not Complete', ['2025-01-10']),
      group('Pneumococcal', 'Not Complete', ['2024-03-10', '2024-05-10', '2024-07-10']),
    ],
  ],
  [
    '2012-02-29',
    [
      group('DTaP/Tdap/Td', 'Not Complete', ['2022-02-28']),
      group('Meningococcal', 'Not Complete', ['2022-03-01']),
      group('HPV', 'Complete', ['2023-03-01', '2023-09-01']),
    ],
  ],
  [
    '2011-05-01',
    [
      group('DTaP/Tdap/Td', 'Not Complete', ['2021-05-01', '2026-06-16']),
      group('Meningococcal', 'Not Complete', ['2021-04-30']),
      group('HPV', 'Not Complete', ['2022-05-01']),
    ],
  ],
];

describe('coverage measures counted in SQL', () => {
  let s: TestServer;
  const people: Array<{ id: string; facts: PersonFacts }> = [];

  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2026-06-15T15:00:00Z'));
    const h = await s.signIn('clinicstaff');
    for (const [i, [dob, groups]] of PEOPLE.entries()) {
      const r = await s.app.inject({
        method: 'POST',
        url: '/api/patients',
        headers: h,
        payload: { name: { first: 'Cov', last: `Person${'abc'[i]}` }, dob, sex: 'F', confirmNew: true },
      });
      expect(r.statusCode, r.body).toBe(201);
      const id: string = r.json().id;
      await replaceStoredForecasts(
        s.ctx.db,
        [id],
        [{ patientId: id, release: 'test', computedFor: '2026-06-15', refreshOn: '2026-07-15', groups }],
      );
      people.push({ id, facts: { dob, groups: new Map(groups.map((g) => [g.vaccineGroup, g])) } });
    }
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const cohort = () =>
    coverageCohort(s.ctx.db, { dobFrom: '2000-01-01', dobTo: '2026-06-15', scope: { kind: 'all', includeOptedOut: true } });

  for (const preset of ['child', 'adolescent'] as const)
    for (const [on, statusesCount] of [
      ['2026-06-15', true],
      ['2026-06-15', false],
      ['2022-03-01', false],
    ] as const)
      it(`agrees with measuresMet for the ${preset} measures on ${on}${statusesCount ? ' (statuses counting)' : ''}`, async () => {
        const rules = MEASURES[preset];
        const sqlMet = await coverageMetOf(s.ctx.db, cohort(), rules, on, statusesCount);
        for (const p of people)
          expect([...new Set(sqlMet.get(p.id))].sort()).toEqual([...measuresMet(p.facts, rules, on, statusesCount)].sort());
      });

  it('counts by hand: the 29 February child’s Tdap of 28 February 2022 is before the 10th birthday, MenACWY of 1 March after; a Tdap on the birthday counts, a MenACWY the day before not', async () => {
    const met = await coverageMetOf(s.ctx.db, cohort(), MEASURES.adolescent, '2026-06-15', true);
    expect(met.get(people[1]!.id)).toEqual(['hpv', 'menacwy']);
    expect(met.get(people[2]!.id)).toEqual(['tdap']);
    const child = await coverageMetOf(s.ctx.db, cohort(), MEASURES.child, '2026-06-15', true);
    expect(child.get(people[0]!.id)).toEqual(['dtap', 'hepb', 'hib', 'mmr', 'varicella']);
  });
});
