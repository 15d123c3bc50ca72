import { describe, expect, it } from 'vitest';
import { csvText, parseCsv, toCsv } from './csv.ts';

describe('CSV exports', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const s of ['=HYPERLINK("x")', '+1 203', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(csvText(s)).toBe(`'${s}`);
    expect(toCsv(['a'], [['=HYPERLINK("http://x")']])).toBe(`a\r\n"'=HYPERLINK(""http://x"")"\r\n`);
  });

  it('leaves names and numbers alone, a negative count included', () => {
    expect(csvText('Smith')).toBe('Smith');
    expect(csvText(-3)).toBe('-3');
    expect(toCsv(['n'], [[-3]])).toBe('n\r\n-3\r\n');
  });

  it('quotes commas, quotes, line breaks and edge spaces, writes nothing for null, and ends rows with CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['Elm City, LLC', 'say "hi"'],
          [null, 'two\nlines'],
          [' padded', 3],
        ],
      ),
    ).toBe('a,b\r\n"Elm City, LLC","say ""hi"""\r\n,"two\nlines"\r\n" padded",3\r\n');
  });
});

describe('CSV uploads', () => {
  it('reads quoted cells with commas, quotes and line breaks, and numbers records by the line they start on', () => {
    const rows = parseCsv('a,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n\n');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['two\nlines', 'z'] },
    ]);
  });
});
