import { describe, expect, it } from 'vitest';
import { dobVariants, givenNameVariants, isValidDate, nameKeys } from './patient-keys.ts';
import { NICKNAME_PAIR_COUNT, areNicknames } from './nicknames.ts';
import { compactName, nameParts, normalizeName, normalizePhone, normalizeStreet, soundex } from './name-normalize.ts';

describe('dobVariants', () => {
  it('lists the DOBs a typed date may stand for, all real dates', () => {
    const v = dobVariants('2019-03-12');
    expect(v).toEqual(expect.arrayContaining(['2019-03-12', '2019-12-03', '2019-03-21', '2091-03-12', '2109-03-12']));
    expect(v).not.toContain('2019-30-12');
    for (const d of v) expect(isValidDate(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8)))).toBe(true);
  });

  it('never produces 29 February outside a leap year', () => {
    expect(dobVariants('2020-02-29').filter((d) => d.endsWith('-02-29'))).toEqual(['2020-02-29']);
    expect(isValidDate(2019, 2, 29)).toBe(false);
    expect(isValidDate(2000, 2, 29)).toBe(true);
    expect(isValidDate(1900, 2, 29)).toBe(false);
  });
});

describe('names', () => {
  it('has at least 150 nickname pairs that work both ways', () => {
    expect(NICKNAME_PAIR_COUNT).toBeGreaterThanOrEqual(150);
    for (const [a, b] of [
      ['bill', 'william'],
      ['peggy', 'margaret'],
      ['kate', 'katherine'],
      ['liz', 'elizabeth'],
      ['jim', 'james'],
      ['mike', 'michael'],
      ['bob', 'robert'],
      ['pepe', 'jose'],
    ]) {
      expect(areNicknames(a!, b!), `${a}/${b}`).toBe(true);
      expect(areNicknames(b!, a!), `${b}/${a}`).toBe(true);
    }
    expect(areNicknames('bill', 'robert')).toBe(false);
    expect(givenNameVariants('Bill')).toEqual(expect.arrayContaining(['bill', 'william', 'will', 'liam']));
  });

  it('normalises diacritics, case, apostrophes, hyphens and particles', () => {
    expect(normalizeName('  Nguyễn ')).toBe('nguyen');
    expect(normalizeName("O'Brien")).toBe('obrien');
    expect(normalizeName('García-López')).toBe('garcia lopez');
    expect(normalizeName('Đặng')).toBe('dang');
    expect(nameParts('de la Cruz')).toEqual(['cruz']);
    expect(nameParts('García-López Jr.')).toEqual(['garcia', 'lopez']);
    expect(compactName('Mc Donald')).toBe('mcdonald');
    expect(normalizeStreet('123 North Main Street, Apt. 4')).toBe('123 n main st apt 4');
    expect(normalizePhone('+1 (860) 555-0134')).toBe('8605550134');
  });

  it('stores soundex keys of the compact folded name', () => {
    expect(nameKeys('Zoë', "O'Brien")).toEqual({
      first_norm: 'zoe',
      last_norm: 'obrien',
      first_soundex: soundex('zoe'),
      last_soundex: 'O165',
    });
    expect(soundex('Robert')).toBe('R163');
    expect(soundex('Rupert')).toBe('R163');
    expect(soundex('')).toBe('');
  });
});
