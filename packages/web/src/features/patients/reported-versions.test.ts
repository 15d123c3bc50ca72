import { describe, expect, it } from 'vitest';
import { cellDiffers, compareDoseReports, comparePatientReports, latestPerSource } from './reported-versions';
import type { DoseReport, Patient, PatientReport } from '@nutmeg/api-types';

const master: Patient = {
  name: { first: 'Maja', last: 'Kowalczyk' },
  aliases: [],
  dob: '2022-02-02',
  sex: 'F',
  multipleBirth: false,
  race: '2106-3',
  addresses: [{ street: '5 Whitney Avenue', city: 'Hamden', state: 'CT', zip: '06517', type: 'H', current: true }],
  phones: [
    { number: '2035550142', use: 'PRN' },
    { number: '2035550199', use: 'CP' },
  ],
  emails: [],
  guardians: [{ name: { first: 'Ewa', last: 'Kowalczyk' }, relationship: 'MTH' }],
  identifiers: [
    { type: 'IIS', value: 'CT0000001', assigner: 'CT' },
    { type: 'MR', value: 'ELM-1', assigner: 'x' },
  ],
};

function report(over: Partial<PatientReport> & { data: Record<string, unknown> }): PatientReport {
  return {
    id: 'r',
    sourceKind: 'ui',
    source: 'Elm City Pediatrics',
    receivedAt: '2026-11-20T15:00:00.000Z',
    fromMergedRecord: false,
    ...over,
  };
}

const row = (rows: ReturnType<typeof comparePatientReports>, field: string) => rows.find((r) => r.field === field)!;

describe('comparePatientReports', () => {
  it('marks a field a source reported differently, and not one it reported the same way in another form', () => {
    const rows = comparePatientReports(master, [
      report({
        data: {
          ...master,
          name: { first: 'MAJA ', last: 'Kowalczyk' },
          phones: [{ number: '(203) 555-0199' }, { number: '203-555-0142' }],
          identifiers: [{ type: 'MR', value: 'ELM-1' }],
          addresses: [{ street: '77 Dixwell Avenue', city: 'Hamden', state: 'CT', zip: '06514' }],
        },
      }),
    ]);
    expect(cellDiffers(row(rows, 'name').master, row(rows, 'name').others[0]!)).toBe(false);
    expect(cellDiffers(row(rows, 'phones').master, row(rows, 'phones').others[0]!)).toBe(false);
    expect(row(rows, 'phones').master.text).toBe('(203) 555-0142, (203) 555-0199');
    expect(cellDiffers(row(rows, 'identifiers').master, row(rows, 'identifiers').others[0]!)).toBe(false);
    expect(row(rows, 'identifiers').master.text).toBe('MRN ELM-1');
    const address = row(rows, 'addresses');
    expect(address.others[0]!.text).toBe('77 Dixwell Avenue, Hamden, CT 06514');
    expect(cellDiffers(address.master, address.others[0]!)).toBe(true);
    expect(row(rows, 'race').master.text).toBe('White');
  });

  it('treats a field a source left out or blank as not reported, never as a difference', () => {
    const rows = comparePatientReports(master, [report({ data: { name: { first: 'Maja', last: 'Kowalczyk' }, phones: [] } })]);
    for (const field of ['dob', 'phones', 'race', 'multipleBirth', 'guardians']) {
      expect(row(rows, field).others[0], field).toBeNull();
      expect(cellDiffers(row(rows, field).master, null)).toBe(false);
    }
  });

  it('marks a value the master lacks as a difference', () => {
    const rows = comparePatientReports(master, [
      report({ data: { ...master, mothersMaidenName: 'Nowak', multipleBirth: true, birthOrder: 2 } }),
    ]);
    expect(row(rows, 'mothersMaidenName').master.text).toBe('—');
    expect(cellDiffers(row(rows, 'mothersMaidenName').master, row(rows, 'mothersMaidenName').others[0]!)).toBe(true);
    expect(row(rows, 'multipleBirth').others[0]!.text).toBe('Yes, birth order 2');
  });
});

describe('latestPerSource', () => {
  it('keeps the newest version of each source, a merged record’s apart', () => {
    const reports = [
      report({ id: 'a2', data: {} }),
      report({ id: 'b1', source: 'Hartford Community Health Center', data: {} }),
      report({ id: 'a1', data: {} }),
      report({ id: 'm1', fromMergedRecord: true, data: {} }),
    ];
    const { shown, hidden } = latestPerSource(reports);
    expect(shown.map((r) => r.id)).toEqual(['a2', 'b1', 'm1']);
    expect(hidden).toBe(1);
  });
});

describe('compareDoseReports', () => {
  const base: DoseReport = {
    id: 'm',
    master: true,
    source: 'Elm City Pediatrics',
    sourceKind: 'ui',
    receivedAt: '2026-11-20T15:00:00.000Z',
    fromMergedRecord: false,
    kind: 'administered',
    cvx: '03',
    vaccine: 'MMR',
    date: '2023-02-10',
    lot: 'MMR0142',
    lotExpiration: null,
    mvx: null,
    ndc: null,
    volumeMl: null,
    fundingSource: 'private',
    vfcEligibility: 'V01',
    doseCondition: null,
    route: 'SC',
    site: 'LT',
    administeredBy: null,
    orderingProvider: null,
    historicalSource: null,
    vis: [],
  };
  it('puts the master first and compares every other report with it', () => {
    const other: DoseReport = {
      ...base,
      id: 'h',
      master: false,
      kind: 'historical',
      date: '2023-02-12',
      lot: null,
      route: null,
      site: null,
      fundingSource: null,
      vfcEligibility: null,
      historicalSource: '03',
    };
    const { master, others, rows } = compareDoseReports([other, base]);
    expect(master.id).toBe('m');
    expect(others.map((o) => o.id)).toEqual(['h']);
    const differing = rows.filter((r) => cellDiffers(r.master, r.others[0]!)).map((r) => r.field);
    expect(differing).toEqual(['kind', 'date', 'historicalSource']);
    expect(rows.find((r) => r.field === 'lot')!.others[0]).toBeNull();
    expect(rows.find((r) => r.field === 'site')!.master.text).toBe('Left Thigh');
    expect(rows.find((r) => r.field === 'historicalSource')!.others[0]!.text).toBe('Historical information - from parents written record');
  });
});
