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
const ctx = (dob: string, obs: string[] = [], country?: string) => ({
  ...context({ dob, assessment: '2025-01-01', observations: new Map(obs.map((o) => [o, undefined])) }),
  countryOfBirth: country,
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
});
