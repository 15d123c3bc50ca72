import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('report CSV', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const s of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(csvCell(s).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('Smith')).toBe('Smith');
    expect(csvCell(-3)).toBe('-3');
  });

  it('quotes commas, quotes and line breaks, and ends lines with CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, y', 'say "hi"'],
          [null, 'two\nlines'],
        ],
      ),
    ).toBe('a,b\r\n"x, y","say ""hi"""\r\n,"two\nlines"\r\n');
  });
});
