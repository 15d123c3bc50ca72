// The roster file: a CSV with a header row (documented in ROSTER_COLUMNS, offered as a template). Pure: parses
// the text and checks each row; a bad row is reported with its line and field while the good rows load.
import type { RosterUploadError, SchoolGrade } from '@nutmeg/db';
import { parseCsv } from '../../csv.ts';
import { isCalendarDate, parseGrade } from './school-year.ts';

/** The columns of a roster file, in the template's order; the header may list them in any order. */
export const ROSTER_COLUMNS = [
  { name: 'last_name', required: true, description: 'Family name' },
  { name: 'first_name', required: true, description: 'Given name' },
  { name: 'middle_name', required: false, description: 'Middle name or initial' },
  { name: 'dob', required: true, description: 'Date of birth, YYYY-MM-DD or MM/DD/YYYY' },
  { name: 'sex', required: true, description: 'F, M or U' },
  { name: 'grade', required: true, description: 'PK, K or 1 to 12' },
  { name: 'student_id', required: true, description: "The school's student id (1 to 40 characters), unique in the file" },
  { name: 'guardian', required: false, description: 'Parent or guardian, "First Last"' },
  { name: 'address', required: false, description: 'Home address' },
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number]['name'];

/** Largest file accepted, in data rows. */
export const MAX_ROSTER_ROWS = 5000;

export interface RosterRow {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  lastName: string;
  firstName: string;
  middleName: string | null;
  dob: string;
  sex: 'F' | 'M' | 'U';
  grade: SchoolGrade;
  studentId: string;
  guardian: string | null;
  address: string | null;
}

/** The template the nurse downloads: the header and one example row. */
export function rosterTemplate(): string {
  return `${ROSTER_COLUMNS.map((c) => c.name).join(',')}\r\nDoe,Jane,A,2020-09-14,F,K,S-000123,John Doe,"12 Elm St, Hamden CT 06514"\r\n`;
}

function parseDob(raw: string): string | undefined {
  const s = raw.trim();
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const iso = us ? `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}` : s;
  return isCalendarDate(iso) ? iso : undefined;
}

function parseSex(raw: string): RosterRow['sex'] | undefined {
  const s = raw.trim().toUpperCase();
  if (s === 'F' || s === 'FEMALE') return 'F';
  if (s === 'M' || s === 'MALE') return 'M';
  if (s === 'U' || s === 'X' || s === '' || s === 'UNKNOWN') return 'U';
  return undefined;
}

/** Each good row and error carries its position among the file's data records (slices are cut by it). */
export interface ParsedRoster {
  /** Data records in the file. */
  total: number;
  rows: (RosterRow & { index: number })[];
  errors: (RosterUploadError & { index: number })[];
}

/** Header problems refuse the whole file (nothing can be read without them): thrown as the file's errors. */
export class RosterFileError extends Error {
  constructor(readonly errors: RosterUploadError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

function headerOf(cells: string[]): Map<RosterColumn, number> {
  const index = new Map<RosterColumn, number>();
  cells.forEach((h, i) => {
    const name = h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const col = ROSTER_COLUMNS.find((c) => c.name === name);
    if (col) index.set(col.name, i);
  });
  const missing = ROSTER_COLUMNS.filter((c) => c.required && !index.has(c.name));
  if (missing.length)
    throw new RosterFileError(missing.map((c) => ({ line: 1, field: c.name, message: `The header has no ${c.name} column` })));
  return index;
}

/** Reads a roster file: rows that pass every check, and one error per bad field of the others. */
export function parseRoster(text: string, today: string): ParsedRoster {
  const records = parseCsv(text);
  if (records.length === 0) throw new RosterFileError([{ line: 1, field: 'file', message: 'The file is empty' }]);
  const columns = headerOf(records[0]!.cells);
  const data = records.slice(1);
  if (data.length > MAX_ROSTER_ROWS)
    throw new RosterFileError([
      { line: 1, field: 'file', message: `At most ${MAX_ROSTER_ROWS} students per file (this one has ${data.length})` },
    ]);
  const rows: ParsedRoster['rows'] = [];
  const errors: ParsedRoster['errors'] = [];
  const seen = new Map<string, number>();
  for (const [index, r] of data.entries()) {
    const get = (c: RosterColumn) => {
      const i = columns.get(c);
      return i === undefined ? '' : (r.cells[i] ?? '').trim();
    };
    const bad = (field: RosterColumn, message: string) => errors.push({ index, line: r.line, field, message });
    const before = errors.length;
    const [lastName, firstName, studentId] = [get('last_name'), get('first_name'), get('student_id')];
    if (!lastName) bad('last_name', 'Missing last name');
    if (!firstName) bad('first_name', 'Missing first name');
    const dobText = get('dob');
    const dob = dobText ? parseDob(dobText) : undefined;
    if (!dobText) bad('dob', 'Missing date of birth');
    else if (!dob) bad('dob', `Not a date: ${dobText.slice(0, 20)}`);
    else if (dob > today) bad('dob', 'Date of birth is in the future');
    const sex = parseSex(get('sex'));
    if (!sex) bad('sex', 'Sex must be F, M or U');
    const grade = parseGrade(get('grade'));
    if (!grade) bad('grade', `Not a grade: ${get('grade').slice(0, 20) || '(empty)'} (PK, K or 1 to 12)`);
    if (!studentId) bad('student_id', 'Missing student id');
    else if (studentId.length > 40) bad('student_id', 'Student id is longer than 40 characters');
    else if (seen.has(studentId)) bad('student_id', `Student id already used on line ${seen.get(studentId)}`);
    if (errors.length > before) continue;
    seen.set(studentId, r.line);
    rows.push({
      index,
      line: r.line,
      lastName: lastName.slice(0, 100),
      firstName: firstName.slice(0, 100),
      middleName: get('middle_name').slice(0, 100) || null,
      dob: dob!,
      sex: sex!,
      grade: grade!,
      studentId,
      guardian: get('guardian').slice(0, 200) || null,
      address: get('address').slice(0, 300) || null,
    });
  }
  return { total: data.length, rows, errors };
}
