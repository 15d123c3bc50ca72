import { describe, expect, it } from 'vitest';
import { determineContraindications } from './determine-contraindications.ts';
import { determineEvidenceOfImmunity } from './determine-evidence-of-immunity.ts';
import { context, d, dur, seriesDose } from './test-fixtures.ts';
import type { Antigen, Immunity } from './supporting-data/model.ts';

// Varicella-like immunity: clinical history 024, born before 1980 in the U.S. unless 007 (pregnant)
const immunity: Immunity = {
  clinicalHistory: [{ code: '024', title: 'Evidence of varicella immunity' }],
  dateOfBirth: [{ immunityBirthDate: d('1980-01-01'), birthCountry: 'U.S.', exclusions: [{ code: '007', title: 'Pregnant' }] }],
};
const ctx = (dob: string, obs: string[] = [], country?: string, unknown?: string[]) => ({
  ...context({ dob, assessment: '2025-01-01', observations: new Map(obs.map((o) => [o, undefined])) }),
  countryOfBirth: country,
  unknownObservations: unknown ? new Set(unknown) : undefined,
});

describe('7.2 determine evidence of immunity (Table 7-3)', () => {
  it.each([
    ['immunity guideline in the history', ctx('2000-01-01', ['024']), true],
    ['born before the immunity birth date with an exclusion condition', ctx('1975-01-01', ['007'], 'US'), false],
    ['born before the immunity birth date in the same country', ctx('1975-01-01', [], 'United States'), true],
    ['born before the immunity birth date in another country', ctx('1975-01-01', [], 'Canada'), false],
    ['born after the immunity birth date', ctx('1985-01-01', [], 'US'), false],
  ])('%s', (_n, c, immune) => {
    expect(determineEvidenceOfImmunity(c, immunity).immune).toBe(immune);
  });

  it('an unknown country of birth is taken as the immunity country, and the reason says so for the clinician', () => {
    expect(determineEvidenceOfImmunity(ctx('1975-01-01'), immunity)).toEqual({
      immune: true,
      because: 'born before 1980-01-01 (country of birth not recorded: taken as U.S.)',
    });
    expect(determineEvidenceOfImmunity(ctx('1975-01-01', [], 'USA'), immunity).because).toBe('born before 1980-01-01 in U.S.');
  });
});

describe('7.2 with an observation recorded as unknown (clinical judgement needed)', () => {
  it('an immunity guideline recorded as unknown is no evidence of immunity; the clinician is told what could not be decided', () => {
    const r = determineEvidenceOfImmunity(ctx('2000-01-01', [], 'US', ['024']), immunity, 'Varicella');
    expect(r.immune).toBe(false);
    expect(r.undetermined).toEqual([
      { code: '024', kind: 'evidence of immunity', antigens: ['Varicella'], text: 'Evidence of varicella immunity' },
    ]);
  });
  it('born before the immunity birth date with the exclusion condition unknown: the birth date alone is not taken as evidence', () => {
    const r = determineEvidenceOfImmunity(ctx('1975-01-01', [], 'US', ['007']), immunity, 'Varicella');
    expect(r.immune).toBe(false);
    expect(r.undetermined?.[0]).toMatchObject({ code: '007', kind: 'evidence of immunity' });
    expect(r.undetermined?.[0]?.text).toContain('"Pregnant" is unknown');
  });
  it('an unknown observation the immunity does not name changes nothing', () => {
    expect(determineEvidenceOfImmunity(ctx('1975-01-01', [], 'US', ['160']), immunity)).toEqual({
      immune: true,
      because: 'born before 1980-01-01 in U.S.',
    });
  });
});

describe('7.3 determine contraindications (Tables 7-5, 7-6, 7-7)', () => {
  const antigen: Antigen = {
    name: 'Measles',
    fileName: 'test',
    immunity: { clinicalHistory: [], dateOfBirth: [] },
    antigenContraindications: [
      { code: '003', title: 'Immunocompromised', text: 'Do not vaccinate if immunocompromised.', guidance: '', beginAge: dur('0 days') },
    ],
    vaccineContraindications: [
      {
        code: '007',
        title: 'Pregnant',
        text: 'Do not vaccinate with MMR if pregnant.',
        guidance: '',
        vaccines: [{ vaccineType: 'MMR', cvx: '3' }],
      },
    ],
    series: [],
  };
  const sd = seriesDose({ doseNumber: 1, preferableVaccines: [{ vaccineType: 'MMR', cvx: '3', forecastVaccineType: true }] });
  const sd2 = seriesDose({
    doseNumber: 1,
    preferableVaccines: [
      { vaccineType: 'MMR', cvx: '3', forecastVaccineType: true },
      { vaccineType: 'MMRV', cvx: '94', forecastVaccineType: true },
    ],
  });
  it('an antigen contraindication contraindicates every series', () => {
    expect(determineContraindications(ctx('2000-01-01', ['003']), antigen, sd).contraindicated).toBe(true);
  });
  it('a vaccine contraindication contraindicates the series only when all preferable vaccines are contraindicated', () => {
    const c = ctx('2000-01-01', ['007']);
    expect(determineContraindications(c, antigen, sd).contraindicated).toBe(true);
    const r = determineContraindications(c, antigen, sd2);
    expect(r.contraindicated).toBe(false);
    expect([...r.contraindicatedCvx]).toEqual(['3']);
  });
  it('no observation → no contraindication', () => {
    expect(determineContraindications(ctx('2000-01-01'), antigen, sd).contraindicated).toBe(false);
  });

  // Table 7-5 (antigen contraindication) rows: observation active / none / unknown, inside or outside the ages
  const ranged: Antigen = {
    ...antigen,
    antigenContraindications: [
      {
        code: '278',
        title: 'Mother vaccinated',
        text: 'Do not vaccinate the infant.',
        guidance: '',
        beginAge: dur('0 days'),
        endAge: dur('8 months'),
      },
    ],
    vaccineContraindications: [],
  };
  it.each<[string, string, { obs?: string[]; unknown?: string[] }, boolean, boolean]>([
    ['rule 1: active observation, inside the ages → applies', '2024-10-01', { obs: ['278'] }, true, false],
    ['rule 3: no observation → does not apply', '2024-10-01', {}, false, false],
    ['rule 4: observation recorded as unknown → not applied, text for the clinician', '2024-10-01', { unknown: ['278'] }, false, true],
    ['rule 5: active observation on the end age date (assessment < end) → does not apply', '2024-05-01', { obs: ['278'] }, false, false],
    ['rule 5: unknown observation outside the ages → nothing to decide', '2024-05-01', { unknown: ['278'] }, false, false],
  ])('Table 7-5 %s', (_n, dob, o, contraindicated, undetermined) => {
    const r = determineContraindications(ctx(dob, o.obs ?? [], undefined, o.unknown), ranged, sd);
    expect(r.contraindicated).toBe(contraindicated);
    expect(r.undetermined.length > 0).toBe(undetermined);
    if (undetermined)
      expect(r.undetermined[0]).toMatchObject({ code: '278', kind: 'antigen contraindication', text: 'Do not vaccinate the infant.' });
  });

  // Table 7-6 (vaccine contraindication) rows: the contraindicated vaccine type must be a preferable vaccine
  it.each<[string, { obs?: string[]; unknown?: string[] }, typeof sd, string[], boolean]>([
    ['rule 1: active, vaccine type preferable → applies (vaccine removed)', { obs: ['007'] }, sd2, ['3'], false],
    [
      'rule 2: active, vaccine type not preferable for the target dose → removes nothing the dose needs',
      { obs: ['007'] },
      seriesDose({ doseNumber: 1, preferableVaccines: [{ vaccineType: 'MMRV', cvx: '94', forecastVaccineType: true }] }),
      ['3'],
      false,
    ],
    ['rule 7: unknown, vaccine type preferable → not applied, text for the clinician', { unknown: ['007'] }, sd2, [], true],
    [
      'unknown, vaccine type not preferable for the target dose → nothing to decide',
      { unknown: ['007'] },
      seriesDose({ doseNumber: 1, preferableVaccines: [{ vaccineType: 'MMRV', cvx: '94', forecastVaccineType: true }] }),
      [],
      false,
    ],
  ])('Table 7-6 %s', (_n, o, dose, cvx, undetermined) => {
    const r = determineContraindications(ctx('2000-01-01', o.obs ?? [], undefined, o.unknown), antigen, dose);
    expect(r.contraindicated).toBe(false);
    expect([...r.contraindicatedCvx]).toEqual(cvx);
    expect(r.undetermined.length > 0).toBe(undetermined);
    if (undetermined) expect(r.undetermined[0]).toMatchObject({ code: '007', kind: 'vaccine contraindication', detail: 'CVX 3' });
  });

  // Table 7-7 IS THE RELEVANT PATIENT SERIES A CONTRAINDICATED PATIENT SERIES?
  it.each<[string, string[], typeof sd, boolean]>([
    ['rule 1: an antigen contraindication applies → contraindicated', ['003'], sd2, true],
    ['rule 2: every preferable vaccine has a vaccine contraindication → contraindicated', ['007'], sd, true],
    ['rule 3: a preferable vaccine without a vaccine contraindication → not contraindicated', ['007'], sd2, false],
    ['rule 3: no preferable vaccine at all → not contraindicated', ['007'], seriesDose({ doseNumber: 1 }), false],
  ])('Table 7-7 %s', (_n, obs, dose, contraindicated) => {
    expect(determineContraindications(ctx('2000-01-01', obs), antigen, dose).contraindicated).toBe(contraindicated);
  });
});
