// Named demo patients: the same people with the same histories on every demo install (fixed dates, unlike the
// synthetic population, which is generated relative to the day of the seed). The README names the first one so
// a new user has someone to search for; the browser tests' screenshots show them.

import type { Database } from '@nutmeg/db';
import type { Kysely } from 'kysely';
import { identifierExists, type AdministeredDose, type Dose, type PatientRecord } from '../modules/patients/index.ts';
import { clinicsForLoading, loadPeople } from './population-loader.ts';

/** The patient the README tells a new user to search for. */
export const README_PATIENT = { first: 'Olivia', last: 'Brennan', dob: '2024-03-15', mrn: 'ELM-240315' } as const;

/** Manufacturers (MVX) of the products the named patients were given. */
const MVX: Record<string, string> = {
  '08': 'MSD',
  '120': 'PMC',
  '216': 'PFR',
  '119': 'SKB',
  '03': 'MSD',
  '21': 'MSD',
  '83': 'SKB',
  '140': 'SEQ',
};

/** A dose given at the medical home, with the product's manufacturer, route and volume. */
function given(date: string, cvx: string, lot: string, route: 'IM' | 'SC' | 'PO', vfc: 'V01' | 'V02'): AdministeredDose {
  return {
    kind: 'administered',
    cvx,
    mvx: MVX[cvx],
    lot,
    date,
    route,
    volumeMl: cvx === '119' ? 1 : 0.5,
    fundingSource: vfc === 'V01' ? 'private' : 'public',
    vfcEligibility: vfc,
    administeredBy: 'Dr. Susan Park',
    vis: [],
  };
}

/**
 * Olivia Brennan (2024-03-15, Elm City Pediatrics, VFC Medicaid): on schedule, except a DTaP-Hib-IPV dose keyed
 * again two weeks after the 4-month one (the recommender does not count it: interval too soon), and influenza
 * only in past seasons.
 */
function olivia(): PatientRecord {
  const v = (date: string, cvx: string, lot: string, route: 'IM' | 'SC' | 'PO' = 'IM') => given(date, cvx, lot, route, 'V02');
  const doses: Dose[] = [
    { kind: 'historical', cvx: '08', date: '2024-03-16', source: '02' },
    v('2024-05-17', '120', 'PT2401A'),
    v('2024-05-17', '216', 'PF2033B'),
    v('2024-05-17', '119', 'RX4410C', 'PO'),
    v('2024-05-17', '08', 'HB7730D'),
    v('2024-07-19', '120', 'PT2401A'),
    v('2024-07-19', '216', 'PF2033B'),
    v('2024-07-19', '119', 'RX4410C', 'PO'),
    v('2024-08-02', '120', 'PT2455E'),
    v('2024-09-20', '120', 'PT2455E'),
    v('2024-09-20', '216', 'PF2090F'),
    v('2024-09-20', '08', 'HB7730D'),
    v('2024-10-25', '140', 'FL2425G'),
    v('2024-11-26', '140', 'FL2425G'),
    v('2025-03-18', '03', 'MM5521H', 'SC'),
    v('2025-03-18', '21', 'VZ8812J', 'SC'),
    v('2025-03-18', '83', 'HA3307K'),
    v('2025-03-18', '216', 'PF2190L'),
    v('2025-06-20', '120', 'PT2510M'),
    v('2025-09-22', '83', 'HA3307K'),
    v('2025-10-08', '140', 'FL2526N'),
  ];
  return {
    patient: {
      name: { first: README_PATIENT.first, middle: 'Grace', last: README_PATIENT.last },
      aliases: [],
      dob: README_PATIENT.dob,
      sex: 'F',
      multipleBirth: false,
      mothersMaidenName: 'Keane',
      race: '2106-3',
      ethnicity: '2186-5',
      language: 'en',
      addresses: [
        { street: '48 Orange Street', city: 'New Haven', state: 'CT', zip: '06510', county: 'New Haven', type: 'H', current: true },
      ],
      phones: [{ number: '2035550148', use: 'PRN' }],
      emails: [],
      guardians: [{ name: { first: 'Siobhan', last: 'Brennan' }, relationship: 'MTH', phone: '2035550148' }],
      identifiers: [{ type: 'MR', value: README_PATIENT.mrn, assigner: 'CT1001' }],
      birthState: 'CT',
      birthCountry: 'USA',
    },
    doses,
    refusals: [],
    observations: [],
  };
}

/** Mateo Ruiz Castillo (2026-01-20, Hartford Community Health Center, VFC Medicaid): an infant on schedule. */
function mateo(): PatientRecord {
  const v = (date: string, cvx: string, lot: string, route: 'IM' | 'SC' | 'PO' = 'IM') => given(date, cvx, lot, route, 'V02');
  return {
    patient: {
      name: { first: 'Mateo', last: 'Ruiz Castillo' },
      aliases: [],
      dob: '2026-01-20',
      sex: 'M',
      multipleBirth: false,
      mothersMaidenName: 'Castillo',
      ethnicity: '2135-2',
      language: 'es',
      addresses: [{ street: '210 Park Street', city: 'Hartford', state: 'CT', zip: '06106', county: 'Hartford', type: 'H', current: true }],
      phones: [{ number: '8605550120', use: 'PRN' }],
      emails: [],
      guardians: [{ name: { first: 'Lucía', last: 'Castillo' }, relationship: 'MTH', phone: '8605550120' }],
      identifiers: [{ type: 'MR', value: 'HCHC-260120', assigner: 'CT1002' }],
      birthState: 'CT',
      birthCountry: 'USA',
    },
    doses: [
      { kind: 'historical', cvx: '08', date: '2026-01-21', source: '02' },
      v('2026-03-20', '120', 'PT2601A'),
      v('2026-03-20', '216', 'PF2601B'),
      v('2026-03-20', '119', 'RX2601C', 'PO'),
      v('2026-03-20', '08', 'HB2601D'),
      v('2026-05-22', '120', 'PT2601A'),
      v('2026-05-22', '216', 'PF2601B'),
      v('2026-05-22', '119', 'RX2601C', 'PO'),
      v('2026-07-24', '120', 'PT2607E'),
      v('2026-07-24', '216', 'PF2607F'),
      v('2026-07-24', '08', 'HB2607G'),
    ],
    refusals: [],
    observations: [],
  };
}

/** The named demo patients with the PIN of the clinic that reported each (its medical home). */
export function namedDemoPatients(): Array<{ clinicPin: string; record: PatientRecord }> {
  return [
    { clinicPin: 'CT1001', record: olivia() },
    { clinicPin: 'CT1002', record: mateo() },
  ];
}

/** Loads the named demo patients, once: a second call finds Olivia Brennan's MRN and does nothing. */
export async function seedNamedDemoPatients(db: Kysely<Database>): Promise<void> {
  if (await identifierExists(db, 'MR', README_PATIENT.mrn)) return;
  const { clinics, load } = await clinicsForLoading(db);
  const byPin = new Map(clinics.map((c) => [c.pin, c.id]));
  const people = namedDemoPatients().flatMap(({ clinicPin, record }, i) => {
    const clinicId = byPin.get(clinicPin);
    if (!clinicId) return [];
    // The MRN's assigner is the reporting clinic's id, as the bulk loader stores it.
    const patient = { ...record.patient, identifiers: record.patient.identifiers.map((x) => ({ ...x, assigner: clinicId })) };
    return [{ key: `N${i + 1}`, householdKey: `N${i + 1}`, clinicId, record: { ...record, patient } }];
  });
  await loadPeople(db, people, load);
}
