import { describe, expect, it } from 'vitest';
import {
  LIKELY_DUPLICATE_THRESHOLD,
  POSSIBLE_MATCH_THRESHOLD,
  compareDob,
  rankCandidates,
  scoreMatch,
  summarizeMatch,
  type MatchSubject,
} from './patient-match.ts';

function buildSubject(over: Partial<MatchSubject> & { first?: string; last?: string; middle?: string } = {}): MatchSubject {
  const { first = 'John', last = 'Smith', middle, ...rest } = over;
  return {
    name: { first, last, ...(middle ? { middle } : {}) },
    dob: '2019-03-12',
    sex: 'M',
    ...rest,
  };
}

/** A realistic candidate pool around the true person: same-surname relatives, same-DOB strangers, etc. */
function poolAround(truth: MatchSubject): MatchSubject[] {
  return [
    { ...truth, name: { ...truth.name, first: 'Joseph' }, dob: '2016-07-30' }, // brother
    { ...truth, name: { ...truth.name, first: 'Emma' }, sex: 'F', dob: '2021-01-05' }, // sister
    { ...truth, name: { first: 'Juan', last: 'Santos' } }, // stranger with the same DOB
    { ...truth, name: { first: truth.name.first, last: 'Smithers' }, dob: '2018-11-02' },
    { ...truth, name: { first: 'Jon', last: 'Schmidt' }, dob: '2019-04-12' },
    truth,
  ];
}

function topOf(query: MatchSubject, truth: MatchSubject) {
  const ranked = rankCandidates(query, poolAround(truth));
  return ranked[0]!;
}

describe('scoreMatch', () => {
  it('scores an exact name and DOB as a likely duplicate', () => {
    const m = scoreMatch(buildSubject(), buildSubject());
    expect(m.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE_THRESHOLD);
    expect(m.classification).toBe('likely');
    expect(summarizeMatch(m)).toBe('name exact, DOB exact');
  });

  const typoCases: Array<[string, Partial<MatchSubject> & { first?: string; last?: string }, RegExp]> = [
    ['first-name letters swapped (Jonh→John)', { first: 'Jonh' }, /first name similar: Jonh~John/],
    ['surname letters swapped (Smtih→Smith)', { last: 'Smtih' }, /last name similar: Smtih~Smith/],
    ['nickname (Johnny→John)', { first: 'Johnny' }, /nickname: Johnny→John/],
    ['DOB day digits transposed', { dob: '2019-03-21' }, /DOB digits transposed/],
    ['DOB month and day swapped', { dob: '2019-12-03' }, /DOB month and day swapped/],
    ['first and last swapped', { first: 'Smith', last: 'John' }, /first and last names swapped/],
  ];
  for (const [label, change, reason] of typoCases) {
    it(`ranks the right person first despite ${label}`, () => {
      const truth = buildSubject({ mothersMaidenName: 'Kowalski' });
      const top = topOf(buildSubject(change), truth);
      expect(top.candidate).toBe(truth);
      expect(top.match.score).toBeGreaterThanOrEqual(POSSIBLE_MATCH_THRESHOLD);
      expect(top.match.reasons.join('; ')).toMatch(reason);
    });
  }

  it('matches Bill to William as a nickname and says so', () => {
    const truth = buildSubject({ first: 'William', last: "O'Brien" });
    const top = topOf(buildSubject({ first: 'Bill', last: 'OBrien' }), truth);
    expect(top.candidate).toBe(truth);
    expect(top.match.firstName).toBe('nickname');
    expect(top.match.lastName).toBe('exact');
    expect(top.match.reasons).toContain('nickname: Bill→William');
    expect(top.match.classification).toBe('likely');
  });

  it('links two nicknames of one name (Peggy ~ Maggie) and formal in both directions', () => {
    const q = buildSubject({ first: 'Peggy', last: 'Doyle', sex: 'F' });
    expect(scoreMatch(q, buildSubject({ first: 'Maggie', last: 'Doyle', sex: 'F' })).firstName).toBe('nickname');
    expect(scoreMatch(q, buildSubject({ first: 'Margaret', last: 'Doyle', sex: 'F' })).firstName).toBe('nickname');
    expect(scoreMatch(buildSubject({ first: 'Elizabeth' }), buildSubject({ first: 'Liz' })).firstName).toBe('nickname');
  });

  it('matches a hyphenated surname to one of its parts (Garcia-Lopez → Lopez)', () => {
    const truth = buildSubject({ first: 'Sofía', last: 'Lopez', sex: 'F' });
    const top = topOf(buildSubject({ first: 'Sofia', last: 'Garcia-Lopez', sex: 'F' }), truth);
    expect(top.candidate).toBe(truth);
    expect(top.match.lastName).toBe('part');
    expect(top.match.firstName).toBe('exact');
    expect(top.match.reasons).toContain('last name part match: Garcia-Lopez~Lopez');
    expect(top.match.classification).toBe('likely');
  });

  it('folds diacritics so Nguyễn Thị Ánh equals Nguyen Thi Anh', () => {
    const truth = buildSubject({ first: 'Ánh', middle: 'Thị', last: 'Nguyễn', sex: 'F', dob: '2020-08-01' });
    const top = topOf(buildSubject({ first: 'Anh', last: 'Nguyen', sex: 'F', dob: '2020-08-01' }), truth);
    expect(top.candidate).toBe(truth);
    expect(top.match.firstName).toBe('exact');
    expect(top.match.lastName).toBe('exact');
  });

  it('treats McDonald / Mc Donald and De La Cruz / Delacruz as the same surname', () => {
    expect(scoreMatch(buildSubject({ last: 'Mc Donald' }), buildSubject({ last: 'McDonald' })).lastName).toBe('exact');
    expect(scoreMatch(buildSubject({ last: 'De La Cruz' }), buildSubject({ last: 'Delacruz' })).lastName).toBe('exact');
  });

  it('prefers the person over a sibling who shares surname, address, phone and guardian', () => {
    const household = {
      addresses: [{ street: '12 Elm Street', zip: '06106' }],
      phones: [{ number: '860-555-0134' }],
      guardians: [{ name: { first: 'Maria', last: 'Smith' } }],
      mothersMaidenName: 'Rossi',
    };
    const truth = buildSubject(household);
    const sibling = buildSubject({ ...household, first: 'Joseph', dob: '2016-07-30' });
    const query = buildSubject({ first: 'Jonh', ...household, addresses: [{ street: '12 Elm St.', zip: '06106' }] });
    const ranked = rankCandidates(query, [sibling, truth]);
    expect(ranked[0]!.candidate).toBe(truth);
    expect(ranked[1]!.match.classification).toBe('unlikely');
    expect(ranked[0]!.match.reasons).toContain('address matches');
  });

  it('does not call twins with different first names a likely duplicate', () => {
    const household = { addresses: [{ street: '5 Oak Ave', zip: '06511' }], mothersMaidenName: 'Chen' };
    const a = buildSubject({ first: 'Ethan', last: 'Wong', birthOrder: 1, ...household });
    const b = buildSubject({ first: 'Olivia', last: 'Wong', sex: 'F', birthOrder: 2, ...household });
    const m = scoreMatch(a, b);
    expect(m.classification).toBe('unlikely');
    expect(m.reasons).toContain('different birth order (multiple birth)');
  });

  it('does not match a stranger who only shares the DOB', () => {
    const m = scoreMatch(buildSubject(), buildSubject({ first: 'Aaliyah', last: 'Washington', sex: 'F' }));
    expect(m.score).toBeLessThan(POSSIBLE_MATCH_THRESHOLD);
    expect(m.classification).toBe('unlikely');
  });

  it('finds a woman under her maiden name alias', () => {
    const truth = buildSubject({
      first: 'Katherine',
      last: 'Miller',
      sex: 'F',
      dob: '1988-05-04',
      aliases: [{ first: 'Katherine', last: 'Novak', type: 'M' }],
    });
    const m = scoreMatch(buildSubject({ first: 'Kate', last: 'Novak', sex: 'F', dob: '1988-05-04' }), truth);
    expect(m.classification).toBe('likely');
    expect(m.reasons).toContain('matched alias Katherine Novak');
  });

  it('ranks the true person first in a larger pool for each messy query', () => {
    const people: MatchSubject[] = [
      buildSubject({ first: 'Zoë', last: 'Müller', sex: 'F', dob: '2018-02-14' }),
      buildSubject({ first: 'Zoe', last: 'Miller', sex: 'F', dob: '2018-02-15' }),
      buildSubject({ first: 'Chloe', last: 'Müller', sex: 'F', dob: '2015-06-01' }),
      buildSubject({ first: 'José', last: 'Hernández', dob: '2010-10-10' }),
      buildSubject({ first: 'Jose', last: 'Hernandez', dob: '2011-01-10' }),
      buildSubject({ first: 'Robert', last: 'Johnson', dob: '2005-09-23' }),
      buildSubject({ first: 'Roberta', last: 'Johnson', sex: 'F', dob: '2005-09-23' }),
    ];
    const queries: Array<[MatchSubject, number]> = [
      [buildSubject({ first: 'Zoe', last: 'Mueller', sex: 'F', dob: '2018-02-14' }), 0],
      [buildSubject({ first: 'Jose', last: 'Hernandez', dob: '2010-01-10' }), 3],
      [buildSubject({ first: 'Bob', last: 'Jonson', dob: '2005-09-23' }), 5],
      [buildSubject({ first: 'Johnson', last: 'Robert', dob: '2005-09-23' }), 5],
    ];
    for (const [q, expected] of queries) {
      expect(rankCandidates(q, people)[0]!.candidate).toBe(people[expected]);
    }
  });
});

describe('compareDob', () => {
  it('classifies the common DOB errors', () => {
    expect(compareDob('2019-03-12', '2019-03-21').level).toBe('transposed');
    expect(compareDob('2019-03-12', '2019-12-03').level).toBe('transposed');
    expect(compareDob('2019-03-12', '2091-03-12').level).toBe('transposed');
    expect(compareDob('2019-03-12', '2018-03-12').level).toBe('oneOff');
    expect(compareDob('2019-03-12', '2019-03-13').level).toBe('oneOff');
    expect(compareDob('2019-03-12', '2017-05-20').level).toBe('disagree');
  });
});
