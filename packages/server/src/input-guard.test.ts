import { describe, expect, it } from 'vitest';
import { parseQueryString, unsafeText } from './input-guard.ts';
import { IsoDate, IsoDateOrInstant } from './schemas.ts';

describe('text the registry cannot store', () => {
  it('names every field holding a NUL or a lone surrogate, at any depth, keys included', () => {
    const found = unsafeText({
      name: { first: 'Ana\u0000', last: 'Ruiz' },
      aliases: [{ first: 'ok' }, { first: 'x\uD800y' }],
      emoji: 'fine 😀',
      ['bad\u0000key']: 1,
    });
    expect(found.map((f) => f.path)).toEqual(['name.first', 'aliases.1.first', 'bad\u0000key']);
    expect(unsafeText({ low: '\uDC00 alone' })).toHaveLength(1);
  });

  it('decodes a query string strictly: bytes that are not UTF-8 become invalid text, a __proto__ key is only a key', () => {
    const q = parseQueryString('a=caf%C3%A9&b=x%ED%A0%80y&c=1&c=2&__proto__=p&d=a+b');
    expect(q.a).toBe('café');
    expect(unsafeText(q).map((f) => f.path)).toEqual(['b']);
    expect(q.c).toEqual(['1', '2']);
    expect(q.d).toBe('a b');
    expect(Object.getPrototypeOf(q)).toBeNull();
    expect(q['__proto__']).toBe('p');
  });
});

describe('dates', () => {
  it('refuses days that are not on the calendar instead of rolling them over', () => {
    expect(IsoDate.safeParse('2024-02-29').success).toBe(true);
    for (const bad of ['2023-02-30', '2023-02-29', '2023-13-01', '2023-00-10', '2023-2-3'])
      expect(IsoDate.safeParse(bad).success).toBe(false);
    expect(IsoDateOrInstant.safeParse('2026-01-15T10:00:00Z').success).toBe(true);
    expect(IsoDateOrInstant.safeParse('2026-01-15').success).toBe(true);
    for (const bad of ['2023-02-30', '2023-02-30T10:00:00Z', 'yesterday', '1 March 2026'])
      expect(IsoDateOrInstant.safeParse(bad).success).toBe(false);
  });
});
