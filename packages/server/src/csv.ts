// CSV for every export (reports, schools, clinic lists). csv-stringify (the csv-parse project's writer, already how
// the code sets are read) does the RFC 4180 quoting; what it cannot know is that a spreadsheet runs a cell starting
// with = + - @ (or tab / carriage return) as a formula, so such text gets a leading apostrophe here.
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text a cell holds: formulas neutralised; numbers are data, so a negative count stays a number. */
export function csvText(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return typeof value !== 'number' && FORMULA_START.test(s) ? `'${s}` : s;
}

/** A CSV document: a header row and the rows, CRLF line ends (what spreadsheets expect). */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return stringify([header.map(csvText), ...rows.map((r) => r.map(csvText))], {
    record_delimiter: 'windows',
    // A line break inside a cell (the writer quotes only its own CRLF) and edge spaces that readers trim: quoted.
    quoted_match: [/[\r\n]/, /^\s|\s$/],
  });
}

/**
 * Reading an uploaded CSV (shipment imports, data-logger files): RFC 4180 records (quoted cells may hold commas,
 * quotes and line breaks), each with the 1-based line it starts on; blank lines are skipped. The schools roster
 * upload reads its files with it too.
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const s = text.replace(/^\uFEFF/, '');
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((x) => x.trim() !== '')) out.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += c;
  }
  endRecord();
  return out;
}
