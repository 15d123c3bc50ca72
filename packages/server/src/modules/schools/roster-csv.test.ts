import { describe, expect, it } from 'vitest';
import type { PatientSearchResult } from '@nutmeg/api-types';
import { parseRoster, rosterTemplate, RosterFileError } from './roster-csv.ts';
import { decideMatch } from './roster-match.ts';
import { addAge, nextGrade, parseGrade, schoolYearOf } from './school-year.ts';

describe('roster files', () => {
  it('accepts its own template, columns in any order, US dates and grade spellings', () => {
    expect(parseRoster(rosterTemplate(), '2026-09-01').rows).toHaveLength(1);
    const r = parseRoster(
      'Student ID,Grade,DOB,Sex,First Name,Last Name\nA1,KG,9/4/2020,female,Jane,Doe\nA2,07,2013-01-02,M,Jo,Roe',
      '2026-09-01',
    );
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.studentId, x.grade, x.dob, x.sex])).toEqual([
      ['A1', 'K', '2020-09-04', 'F'],
      ['A2', '7', '2013-01-02', 'M'],
    ]);
  });

  it('lists each bad field with its line and keeps the good rows', () => {
    const r = parseRoster(
      'last_name,first_name,dob,sex,grade,student_id\nDoe,Jane,2020-01-01,F,K,1\n,Jo,2031-01-01,Q,K,1\nRoe,Al,2020-01-01,M,K,1',
      '2026-09-01',
    );
    expect(r.rows.map((x) => x.line)).toEqual([2]);
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'last_name'],
      [3, 'dob'],
      [3, 'sex'],
      [3, 'student_id'],
      [4, 'student_id'],
    ]);
  });

  it('refuses a file without a required column, or with more than 5,000 students', () => {
    expect(() => parseRoster('last_name,first_name\nDoe,Jane', '2026-09-01')).toThrow(RosterFileError);
    const big = ['last_name,first_name,dob,sex,grade,student_id', ...Array.from({ length: 5001 }, (_, i) => `D,J,2020-01-01,F,K,${i}`)];
    expect(() => parseRoster(big.join('\n'), '2026-09-01')).toThrow(/At most 5000/);
  });
});

describe('match decisions', () => {
  const result = (id: string, score: number): PatientSearchResult => ({
    id,
    iisId: id,
    name: { first: 'A', middle: null, last: 'B', suffix: null },
    dob: '2020-01-01',
    sex: 'F',
    town: null,
    score,
    classification: score >= 80 ? 'likely' : score >= 50 ? 'possible' : 'unlikely',
    summary: 'name exact, DOB exact',
    reasons: ['why'],
    jurisdictionStatus: 'active',
  });

  it('links one clear exact match, reviews near or competing ones, and says why nothing matched', () => {
    expect(decideMatch([result('p1', 93)], new Map())).toMatchObject({ status: 'linked', patientId: 'p1' });
    expect(decideMatch([result('p1', 86)], new Map())).toMatchObject({ status: 'review', patientId: null });
    expect(decideMatch([result('p1', 93), result('p2', 92)], new Map()).candidates).toHaveLength(2);
    expect(decideMatch([result('p1', 93)], new Map([['p1', 'S9']]))).toMatchObject({
      status: 'review',
      reason: expect.stringContaining('S9'),
    });
    expect(decideMatch([result('p1', 40)], new Map())).toMatchObject({ status: 'unmatched', score: 40 });
    expect(decideMatch([], new Map()).reason).toMatch(/born out of state/);
  });
});

describe('school years', () => {
  it('starts a school year on July 1 and advances grades', () => {
    expect([schoolYearOf('2026-06-30'), schoolYearOf('2026-07-01')]).toEqual([2025, 2026]);
    expect([nextGrade('PK'), nextGrade('K'), nextGrade('12')]).toEqual(['K', '1', undefined]);
    expect([parseGrade('Pre-K'), parseGrade('0'), parseGrade('13'), parseGrade('12th')]).toEqual(['PK', undefined, undefined, '12']);
  });

  it('adds ages in calendar units', () => {
    expect(addAge('2020-02-29', '1 years')).toBe('2021-02-28');
    expect(addAge('2020-01-31', '6 months')).toBe('2020-07-31');
    expect(addAge('2020-01-01', '24 weeks')).toBe('2020-06-17');
  });
});
