import { describe, expect, it } from 'vitest';
import { evaluateAntigen } from './evaluate-and-forecast.ts';
import { loadSupportingDataFromDir } from './node.ts';
import {
  genderMatches,
  indicationApplies,
  indicationOutcome,
  isRelevantSeries,
  selectRelevantPatientSeries,
} from './select-relevant-patient-series.ts';
import { context, dur, series } from './test-fixtures.ts';
import type { Antigen, Indication } from './supporting-data/model.ts';
import type { Sex } from './types.ts';

const data = loadSupportingDataFromDir();

const patient = (p: { dob?: string; assessment?: string; sex?: Sex; observations?: string[]; unknown?: string[] } = {}) => ({
  ...context({
    dob: p.dob ?? '2020-01-01',
    assessment: p.assessment ?? '2025-01-01',
    observations: new Map((p.observations ?? []).map((o) => [o, undefined])),
  }),
  sex: p.sex ?? 'F',
  unknownObservations: p.unknown ? new Set(p.unknown) : undefined,
});

// indication 160 from 12 months up to (not including) 5 years of age
const asplenia: Indication = {
  code: '160',
  text: 'Asplenia',
  description: 'Patient has anatomical or functional asplenia',
  beginAge: dur('12 months'),
  endAge: dur('5 years'),
  guidance: '',
};

describe('5.1 does the indication apply to the patient? (Table 5-4, CALCDTIND-1, CALCDTIND-2)', () => {
  it.each([
    ['rule 1: an active observation the indication describes, inside the age range → applies', ['160'], '2022-06-01', true],
    ['rule 2: no observation the indication describes → does not apply', ['007'], '2022-06-01', false],
    ['rule 2: no observations at all → does not apply', [], '2022-06-01', false],
    ['rule 4: the observation, the day before the begin age date → does not apply', ['160'], '2020-12-31', false],
    ['rule 4 boundary: on the begin age date (begin ≤ assessment) → applies', ['160'], '2021-01-01', true],
    ['rule 4 boundary: the day before the end age date → applies', ['160'], '2024-12-31', true],
    ['rule 4: on the end age date (assessment < end) → does not apply', ['160'], '2025-01-01', false],
  ])('%s', (_name, observations, assessment, applies) => {
    expect(indicationApplies(patient({ observations, assessment }), asplenia)).toBe(applies);
  });

  // Table 5-4 with the "Unknown" column: an observation recorded as unknown (clinical judgement needed)
  it.each<[string, { observations?: string[]; unknown?: string[] }, string, 'yes' | 'no' | 'unknown']>([
    ['rule 1: observation active, inside the ages → Yes', { observations: ['160'] }, '2022-06-01', 'yes'],
    ['rule 2: no observation describes the indication → No', { observations: ['007'] }, '2022-06-01', 'no'],
    [
      'rule 3: observation recorded as unknown, inside the ages → Unknown (does not apply; text to the clinician)',
      { unknown: ['160'] },
      '2022-06-01',
      'unknown',
    ],
    ['rule 4: observation recorded as unknown, outside the ages → No', { unknown: ['160'] }, '2025-06-01', 'no'],
    ['rule 4: observation active, outside the ages → No', { observations: ['160'] }, '2025-06-01', 'no'],
    [
      'active and unknown for the same code: the active observation decides → Yes',
      { observations: ['160'], unknown: ['160'] },
      '2022-06-01',
      'yes',
    ],
  ])('%s', (_name, obs, assessment, outcome) => {
    const ctx = patient({ ...obs, assessment });
    expect(indicationOutcome(ctx, asplenia)).toBe(outcome);
    expect(indicationApplies(ctx, asplenia)).toBe(outcome === 'yes');
  });

  it('rule 3 with the 4.64 data: asplenia recorded as unknown makes no Hib risk series relevant; the indication text is returned for manual determination', () => {
    const hib = data.antigens.get('Hib');
    if (!hib) throw new Error('Hib missing from the 4.64 supporting data');
    const ctx = { ...patient({ dob: '2022-06-01', assessment: '2025-01-01', unknown: ['160'] }), data };
    const r = evaluateAntigen(ctx, hib, []);
    expect(r.relevantSeries.map((s) => s.series.type)).not.toContain('Risk');
    expect(r.undeterminedIndications).toEqual([
      expect.objectContaining({ code: '160', kind: 'indication', antigens: ['Hib'], detail: 'Hib risk child 2-dose series' }),
    ]);
    // once recorded as active, the same patient gets the risk series and nothing is left undetermined
    const active = evaluateAntigen({ ...ctx, observations: new Map([['160', undefined]]), unknownObservations: undefined }, hib, []);
    expect(active.relevantSeries.map((s) => s.series.name)).toContain('Hib risk child 2-dose series');
    expect(active.undeterminedIndications).toEqual([]);
  });

  it('5.1: a risk series made relevant by an active indication is not reported as undetermined for another, unknown one', () => {
    const hib = data.antigens.get('Hib');
    if (!hib) throw new Error('Hib missing from the 4.64 supporting data');
    const ctx = { ...patient({ dob: '2022-06-01', assessment: '2025-01-01', observations: ['160'], unknown: ['186'] }), data };
    expect(evaluateAntigen(ctx, hib, []).undeterminedIndications).toEqual([]);
  });

  it('an indication without begin or end age applies at any age (assumed 01/01/1900 and 12/31/2999)', () => {
    const anyAge: Indication = { ...asplenia, beginAge: undefined, endAge: undefined };
    expect(indicationApplies(patient({ observations: ['160'], assessment: '2020-01-01' }), anyAge)).toBe(true);
    expect(indicationApplies(patient({ observations: ['160'], assessment: '2099-01-01' }), anyAge)).toBe(true);
  });

  it('an indication that does not apply because of age is left for the clinician (Table 5-4 text made available)', () => {
    const hib = data.antigens.get('Hib');
    if (!hib) throw new Error('Hib missing from the 4.64 supporting data');
    const ctx = { ...patient({ dob: '2024-06-01', assessment: '2025-01-01', observations: ['160'] }), data };
    const r = evaluateAntigen(ctx, hib, []);
    expect(r.relevantSeries.map((s) => s.series.name)).not.toContain('Hib risk child 2-dose series');
    expect(r.unresolvedIndications.join('\n')).toContain("Hib risk child 2-dose series not applied (outside the indication's age range)");
  });
});

describe('5.1 is an antigen series a relevant patient series? (Table 5-5)', () => {
  const standard = series({ name: 'standard', type: 'Standard' });
  const evaluationOnly = series({ name: 'evaluation only', type: 'Evaluation Only' });
  const risk = series({ name: 'risk', type: 'Risk', indications: [asplenia] });
  const femaleOnly = series({ name: 'female', type: 'Standard', requiredGenders: ['Female', 'Unknown'] });
  const maleRisk = series({ name: 'male risk', type: 'Risk', requiredGenders: ['Male'], indications: [asplenia] });
  const withAsplenia = patient({ dob: '2022-01-01', observations: ['160'] });

  it.each([
    ['rule 1: a standard series, any gender → relevant', patient(), standard, true],
    ['rule 1: an evaluation-only series, any gender → relevant', patient(), evaluationOnly, true],
    ['rule 1: a standard series whose required genders include the patient’s → relevant', patient({ sex: 'F' }), femaleOnly, true],
    ['rule 2: a standard series whose required genders exclude the patient’s → not relevant', patient({ sex: 'M' }), femaleOnly, false],
    ['rule 2: a risk series with an applying indication but another required gender → not relevant', withAsplenia, maleRisk, false],
    ['rule 3: a risk series with an indication that applies → relevant', withAsplenia, risk, true],
    ['rule 4: a risk series with no indication that applies → not relevant', patient({ dob: '2022-01-01' }), risk, false],
    [
      'rule 4: a risk series with the observation outside its age range → not relevant',
      patient({ dob: '2015-01-01', observations: ['160'] }),
      risk,
      false,
    ],
  ])('%s', (_name, ctx, s, relevant) => {
    expect(isRelevantSeries(ctx, s)).toBe(relevant);
  });

  it.each<[string[], Sex, boolean]>([
    [[], 'F', true],
    [[], 'M', true],
    [[], 'U', true],
    [['Female', 'Unknown'], 'U', true],
    [['Female', 'Unknown'], 'M', false],
    [['Male'], 'M', true],
    [['Male'], 'U', false],
    [['male'], 'M', true],
  ])('Table 5-2: required genders %j (empty = the gender of the patient), patient %s → %s', (genders, sex, matches) => {
    expect(genderMatches(series({ requiredGenders: genders }), sex)).toBe(matches);
  });
});

describe('5.1 select relevant patient series for an antigen (Figure 5-2)', () => {
  const antigen: Antigen = {
    name: 'Test',
    fileName: 'test',
    immunity: { clinicalHistory: [], dateOfBirth: [] },
    antigenContraindications: [],
    vaccineContraindications: [],
    series: [
      series({ name: 'standard', type: 'Standard' }),
      series({ name: 'risk', type: 'Risk', indications: [asplenia] }),
      series({ name: 'female', type: 'Standard', requiredGenders: ['Female'] }),
      series({ name: 'evaluation only', type: 'Evaluation Only' }),
      series({ name: 'other risk', type: 'Risk', indications: [{ ...asplenia, code: '999' }] }),
    ],
  };
  const names = (p: Parameters<typeof patient>[0]) => selectRelevantPatientSeries(patient(p), antigen).map((s) => s.name);

  it('standard and evaluation-only series of the patient’s gender, no risk series without an applying indication', () => {
    expect(names({ sex: 'F' })).toEqual(['standard', 'female', 'evaluation only']);
    expect(names({ sex: 'M' })).toEqual(['standard', 'evaluation only']);
  });

  it('adds exactly the risk series whose indication applies, in supporting-data order', () => {
    expect(names({ sex: 'M', dob: '2022-01-01', observations: ['160'] })).toEqual(['standard', 'risk', 'evaluation only']);
  });

  it('an observation that indicates a risk series outside its age range adds nothing', () => {
    expect(names({ sex: 'M', dob: '2010-01-01', observations: ['160'] })).toEqual(['standard', 'evaluation only']);
  });

  it('an observation no series of the antigen is indicated by adds nothing', () => {
    expect(names({ sex: 'F', observations: ['007'] })).toEqual(['standard', 'female', 'evaluation only']);
  });
});

describe('5.1 with the 4.64 supporting data', () => {
  const hpv = data.antigens.get('HPV');
  const hib = data.antigens.get('Hib');
  const hepA = data.antigens.get('HepA');
  if (!hpv || !hib || !hepA) throw new Error('HPV, Hib or HepA missing from the 4.64 supporting data');
  const relevant = (antigen: Antigen, p: Parameters<typeof patient>[0]) =>
    selectRelevantPatientSeries({ ...patient(p), data }, antigen).map((s) => s.name);

  it('Table 5-5 rules 1 and 2: the HPV female and male standard series follow the patient’s gender', () => {
    const f = relevant(hpv, { dob: '2012-01-01', sex: 'F' });
    const m = relevant(hpv, { dob: '2012-01-01', sex: 'M' });
    const u = relevant(hpv, { dob: '2012-01-01', sex: 'U' });
    expect(f).toContain('HPV 2-dose series');
    expect(f).not.toContain('HPV male 2-dose series');
    expect(m).toContain('HPV male 2-dose series');
    expect(m).not.toContain('HPV 2-dose series');
    expect(u).toContain('HPV 2-dose series'); // the female series list 'Unknown' among their required genders
  });

  it('Table 5-4: the Hib risk child series (asplenia, from 12 months) is relevant only once the indication begins', () => {
    expect(relevant(hib, { dob: '2024-06-01', observations: ['160'] })).not.toContain('Hib risk child 2-dose series');
    expect(relevant(hib, { dob: '2023-06-01', observations: ['160'] })).toContain('Hib risk child 2-dose series');
  });

  it('Table 5-5 rule 1: an evaluation-only series (HepA Twinrix tertiary) is relevant for every patient', () => {
    expect(relevant(hepA, { sex: 'M' })).toContain('HepA risk Twinrix tertiary 3-dose series');
  });
});
