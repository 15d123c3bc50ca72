import { describe, expect, it } from 'vitest';
import { complianceWithoutRecord, describeRequirement, studentCompliance, type Requirement } from './compliance.ts';

const req = (over: Partial<Requirement>): Requirement => ({
  label: 'DTaP',
  vaccine_group: 'DTaP/Tdap/Td',
  antigen: 'Diphtheria',
  doses: 4,
  counted_from_age: null,
  last_dose_min_age: null,
  min_span: null,
  required_below_age: null,
  ...over,
});
const dtap = req({ last_dose_min_age: '4 years' });
const mmr = req({ label: 'MMR', vaccine_group: 'MMR', antigen: 'Measles', doses: 2, counted_from_age: '1 years' });
const hepA = req({
  label: 'Hepatitis A',
  vaccine_group: 'HepA',
  antigen: 'HepA',
  doses: 2,
  counted_from_age: '1 years',
  min_span: '6 months',
});
const hib = req({
  label: 'Hib',
  vaccine_group: 'Hib',
  antigen: 'Hib',
  doses: 1,
  counted_from_age: '1 years',
  required_below_age: '5 years',
});
const dob = '2021-03-01';
const today = '2026-09-15';
const d = (antigen: string, ...dates: string[]) => dates.map((date) => ({ antigen, date }));

describe('school-entry compliance', () => {
  it('is compliant when every requirement is met with its age rules', () => {
    const doses = [
      ...d('Diphtheria', '2021-05-01', '2021-07-01', '2021-09-01', '2025-03-05'),
      ...d('Measles', '2022-03-01', '2025-03-05'),
      ...d('HepA', '2022-03-01', '2022-09-01'),
    ];
    expect(studentCompliance([dtap, mmr, hepA, hib], dob, today, doses, [])).toEqual({ status: 'compliant', missing: [], exemptFrom: [] });
  });

  it('does not count a dose before the first birthday, nor a series without the dose after the 4th birthday', () => {
    const doses = [...d('Diphtheria', '2021-05-01', '2021-07-01', '2021-09-01', '2022-06-01'), ...d('Measles', '2022-02-20', '2025-03-05')];
    const r = studentCompliance([dtap, mmr], dob, today, doses, []);
    expect(r.status).toBe('not_compliant');
    expect(r.missing.map((m) => [m.requirement, m.problem])).toEqual([
      ['DTaP', 'no dose at or after 4 years of age'],
      ['MMR', '1 of 2 doses'],
    ]);
  });

  it('is in process when each missing dose is not recommended before a later date, with the dates from the forecast', () => {
    const doses = d('HepA', '2026-06-01');
    const forecast = [{ vaccineGroup: 'HepA', status: 'Not Complete', recommendedDate: '2026-12-01', pastDueDate: '2027-01-01' }];
    const r = studentCompliance([hepA], dob, today, doses, forecast);
    expect(r).toEqual({
      status: 'in_process',
      missing: [
        { requirement: 'Hepatitis A', have: 1, need: 2, problem: '1 of 2 doses', dueDate: '2026-12-01', pastDueDate: '2027-01-01' },
      ],
      exemptFrom: [],
    });
    // Could have been given already (recommended in the past, even if CDSi's past-due date is far off): not compliant.
    const late = [{ ...forecast[0]!, recommendedDate: '2026-09-01', pastDueDate: '2028-01-01' }];
    expect(studentCompliance([hepA], dob, today, doses, late).status).toBe('not_compliant');
  });

  it('needs Hib only under 5, and takes evidence of immunity as met', () => {
    expect(studentCompliance([hib], '2020-01-01', today, [], []).status).toBe('compliant');
    expect(studentCompliance([hib], '2022-01-01', today, [], []).status).toBe('not_compliant');
    const immune = [{ vaccineGroup: 'MMR', status: 'Immune', recommendedDate: null, pastDueDate: null }];
    expect(studentCompliance([mmr], dob, today, [], immune).status).toBe('compliant');
  });

  it('states a requirement in words', () => {
    expect(describeRequirement(hepA)).toBe(
      '2 doses of Hepatitis A, given at or after 1 year of age, first and last at least 6 months apart',
    );
  });

  it('exempts only the vaccine groups a partial exemption covers, and counts the student exempt only when the rest is met', () => {
    const doses = d('Diphtheria', '2021-05-01', '2021-07-01', '2021-09-01', '2025-03-05');
    const mmrOnly = [{ kind: 'medical' as const, vaccineGroups: ['MMR'] }];
    expect(studentCompliance([dtap, mmr], dob, today, doses, [], mmrOnly)).toEqual({
      status: 'exempt_medical',
      missing: [],
      exemptFrom: ['MMR'],
    });
    const r = studentCompliance([dtap, mmr, hepA], dob, today, doses, [], mmrOnly);
    expect(r.status).toBe('not_compliant');
    expect(r.missing.map((m) => m.requirement)).toEqual(['Hepatitis A']);
    expect(r.exemptFrom).toEqual(['MMR']);
    // An exemption of a requirement that is met changes nothing.
    expect(studentCompliance([dtap], dob, today, doses, [], mmrOnly).status).toBe('compliant');
  });

  it('counts medical before religious when both cover the student, and a full exemption covers a student without a record', () => {
    const both = [
      { kind: 'religious' as const, vaccineGroups: null },
      { kind: 'medical' as const, vaccineGroups: ['HepA'] },
    ];
    expect(studentCompliance([dtap, hepA], dob, today, [], [], both)).toEqual({
      status: 'exempt_medical',
      missing: [],
      exemptFrom: ['DTaP', 'Hepatitis A'],
    });
    expect(complianceWithoutRecord([dtap, mmr], 'no registry record linked', [{ kind: 'religious', vaccineGroups: null }]).status).toBe(
      'exempt_religious',
    );
    const partial = complianceWithoutRecord([dtap, mmr], 'no registry record linked', [{ kind: 'medical', vaccineGroups: ['MMR'] }]);
    expect(partial).toMatchObject({ status: 'not_compliant', exemptFrom: ['MMR'] });
    expect(partial.missing.map((m) => [m.requirement, m.problem])).toEqual([['DTaP', 'no registry record linked']]);
  });

  it("counts only this season's flu dose for pre-K, in process until the season's due day", () => {
    const flu = req({
      label: 'Influenza',
      vaccine_group: 'Influenza',
      antigen: 'Influenza',
      doses: 1,
      counted_from_age: '6 months',
      required_below_age: '5 years',
      seasonFrom: '2026-08-01',
      seasonDue: '2026-12-31',
    });
    const pk = '2022-10-01';
    const lastSeason = d('Influenza', '2025-10-01');
    expect(studentCompliance([flu], pk, today, lastSeason, []).status).toBe('in_process');
    expect(studentCompliance([flu], pk, '2027-01-05', lastSeason, []).status).toBe('not_compliant');
    expect(studentCompliance([flu], pk, today, d('Influenza', '2026-09-01'), []).status).toBe('compliant');
    expect(describeRequirement(flu)).toBe(
      '1 dose of Influenza, given at or after 6 months of age, required only under 5 years of age, given on or after 2026-08-01, by 2026-12-31',
    );
  });
});
