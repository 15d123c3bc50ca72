import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1 203')).toBe("'+1 203");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell(-2)).toBe('-2');
  });

  it('quotes commas, quotes and line breaks, and ends rows with CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['Elm City, LLC', 'say "hi"'],
          [null, 3],
        ],
      ),
    ).toBe('a,b\r\n"Elm City, LLC","say ""hi"""\r\n,3\r\n');
  });
});
