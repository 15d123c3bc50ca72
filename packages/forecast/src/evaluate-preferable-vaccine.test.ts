import { describe, expect, it } from 'vitest';
import { evaluateAllowableVaccine, evaluatePreferableVaccine } from './evaluate-preferable-vaccine.ts';
import { d, dur, seriesDose } from './test-fixtures.ts';
import type { AntigenDose } from './types.ts';

const dob = d('2020-01-01');
const sd = seriesDose({
  doseNumber: 1,
  preferableVaccines: [
    {
      vaccineType: 'Hep B, Adol/peds',
      cvx: '8',
      beginAge: dur('0 days'),
      endAge: dur('20 years'),
      volume: 0.5,
      forecastVaccineType: false,
    },
    {
      vaccineType: 'DTaP-HepB-IPV',
      cvx: '110',
      beginAge: dur('6 weeks'),
      endAge: dur('7 years'),
      tradeName: 'Pediarix',
      forecastVaccineType: false,
    },
  ],
  allowableVaccines: [{ vaccineType: 'Hep B, Unspecified', cvx: '45', beginAge: dur('0 days'), forecastVaccineType: false }],
});
const dose = (cvx: string, date: string, p: Partial<AntigenDose> = {}): AntigenDose => ({
  doseId: '1',
  doseIndex: 0,
  date: d(date),
  cvx,
  subStandard: false,
  antigen: 'HepB',
  ...p,
});

describe('6.8 evaluate for preferable vaccine (Table 6-26)', () => {
  it('preferable vaccine type in the age range → preferable', () => {
    expect(evaluatePreferableVaccine(dose('8', '2020-01-01'), sd, dob)).toMatchObject({ ok: true, lowVolume: false });
  });
  it('less than the recommended volume → preferable, with a volume reason', () => {
    expect(evaluatePreferableVaccine(dose('8', '2020-01-01', { volume: 0.25 }), sd, dob)).toMatchObject({ ok: true, lowVolume: true });
  });
  it('outside the preferable age range → not preferable', () => {
    expect(evaluatePreferableVaccine(dose('110', '2020-02-01'), sd, dob).ok).toBe(false);
  });
  it('different trade name → not preferable', () => {
    expect(evaluatePreferableVaccine(dose('110', '2020-03-01', { tradeName: 'Vaxelis' }), sd, dob).ok).toBe(false);
    expect(evaluatePreferableVaccine(dose('110', '2020-03-01', { tradeName: 'Pediarix' }), sd, dob).ok).toBe(true);
  });
  it('not a preferable vaccine type → not preferable', () => {
    expect(evaluatePreferableVaccine(dose('45', '2020-03-01'), sd, dob).ok).toBe(false);
  });
});

describe('6.9 evaluate for allowable vaccine (Table 6-29)', () => {
  it('allowable vaccine type in the age range → allowable', () => {
    expect(evaluateAllowableVaccine(dose('45', '2020-03-01'), sd, dob).ok).toBe(true);
  });
  it('not an allowable vaccine type → not allowable', () => {
    expect(evaluateAllowableVaccine(dose('8', '2020-03-01'), sd, dob).ok).toBe(false);
  });
});
