import { describe, expect, it } from 'vitest';
import { value } from './access.ts';
import { STANDARD_DELIMITERS as D } from './delimiters.ts';
import { encodeMessage } from './encode.ts';
import { escapeText, unescapeText } from './escape.ts';
import { parseMessage } from './parse.ts';

describe('escape sequences', () => {
  it.each([
    ['\\F\\', '|'],
    ['\\S\\', '^'],
    ['\\T\\', '&'],
    ['\\R\\', '~'],
    ['\\E\\', '\\'],
    ['A\\F\\B\\S\\C', 'A|B^C'],
    ['\\X0D\\', '\r'],
    ['\\X0D0A\\', '\r\n'],
    ['caf\\XC3A9\\', 'café'], // UTF-8 bytes
    ['caf\\XE9\\', 'café'], // not UTF-8: one ISO-8859-1 character per byte
  ])('%s reads as %j', (raw, text) => expect(unescapeText(raw, D)).toBe(text));

  it.each([['\\H\\bold\\N\\'], ['line\\.br\\break'], ['\\Zlocal\\'], ['\\C2842\\'], ['\\M2442\\'], ['a\\b'], ['ends with \\'], ['\\"P\\']])(
    'keeps %s as it is (not a delimiter escape)',
    (raw) => expect(unescapeText(raw, D)).toBe(raw),
  );

  it.each([['a|b^c~d&e\\f'], ['line\rbreak\nand\r\nmore'], ['plain'], ['\\F\\ literally'], ['é ü 漢字 🙂']])(
    'escapes %j so that it reads back the same',
    (text) => {
      const raw = escapeText(text, D);
      expect(raw).not.toMatch(/[|^~&\r\n]/);
      expect(unescapeText(raw, D)).toBe(text);
    },
  );

  it('uses the delimiters the message declares', () => {
    const d = { field: '#', component: '!', repetition: '*', escape: '$', subcomponent: '%' };
    expect(escapeText('a#b!c', d)).toBe('a$F$b$S$c');
    expect(unescapeText('a$F$b$S$c$E$', d)).toBe('a#b!c$');
  });

  it('round-trips escapes through parse and encode untouched, and unescapes on read', () => {
    const text = 'MSH|^~\\&|A|B\rNTE|1||Dose \\F\\ lot \\S\\ 12 \\T\\ 3 \\R\\ x \\E\\ \\X41\\ \\H\\hi\\N\\ \\.br\\';
    const m = parseMessage(text);
    expect(encodeMessage(m)).toBe(text);
    expect(value(m.segments[1]!, 3, m.delimiters)).toBe('Dose | lot ^ 12 & 3 ~ x \\ A \\H\\hi\\N\\ \\.br\\');
  });
});
