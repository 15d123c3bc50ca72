// Parsing: text → Message, losslessly (encode(parse(x)) === x when the terminators are kept).
// Strict by default; `tolerant: true` repairs what real-world senders get wrong (see README "Tolerant mode").
import { type Delimiters, delimiterIssues, delimitersFrom } from './delimiters.ts';
import { Hl7ParseError, ParseErrorCode } from './errors.ts';
import { HEADER_SEGMENTS, type Message, type ParseWarning, type Segment, type SegmentTerminator } from './message.ts';

export interface ParseOptions {
  /**
   * Repair real-world input instead of refusing it: skip blank lines and leading garbage before MSH, trim blanks
   * around segments, and join a line that does not start with a segment name to the previous segment (a line
   * break inside a field). Repairs are listed in `warnings`; the repaired message then encodes to the repaired text.
   */
  tolerant?: boolean;
}

export type ParseResult = { ok: true; message: Message } | { ok: false; error: Hl7ParseError };

const SEGMENT_NAME = /^[A-Z][A-Z0-9]{2}$/;

interface Line {
  text: string;
  number: number;
}

/** Splits text at CR, LF or CRLF; returns the lines, the first terminator seen and whether the text ends with one. */
export function splitLines(text: string): { lines: Line[]; terminator: SegmentTerminator; finalTerminator: boolean } {
  const parts = text.split(/(\r\n|\r|\n)/);
  const lines: Line[] = [];
  let terminator: SegmentTerminator | undefined;
  for (let i = 0; i < parts.length; i += 2) {
    terminator ??= parts[i + 1] as SegmentTerminator | undefined;
    lines.push({ text: parts[i]!, number: i / 2 + 1 });
  }
  const finalTerminator = lines.length > 1 && lines[lines.length - 1]!.text === '';
  if (finalTerminator) lines.pop();
  return { lines, terminator: terminator ?? '\r', finalTerminator };
}

/** Reads MSH-1 and MSH-2 (or FHS/BHS-1 and -2) from the start of a header segment. */
export function headerDelimiters(line: string, segmentIndex = 0, lineNumber?: number): Delimiters {
  const name = line.slice(0, 3);
  const sep = line[3];
  const at = { segmentIndex, segment: name, line: lineNumber };
  if (sep === undefined || /[A-Za-z0-9\s]/.test(sep)) {
    throw new Hl7ParseError(ParseErrorCode.badFieldSeparator, `${name}-1 (the field separator) is missing or not a delimiter`, {
      ...at,
      field: 1,
    });
  }
  const end = line.indexOf(sep, 4);
  const encoding = line.slice(4, end < 0 ? undefined : end);
  if (encoding === '') {
    throw new Hl7ParseError(ParseErrorCode.badEncodingCharacters, `${name}-2 (the encoding characters) is empty`, { ...at, field: 2 });
  }
  return delimitersFrom(sep, encoding);
}

/** One segment line → Segment. Header segments keep their separator and encoding characters as fields 1 and 2. */
export function parseSegment(line: string, d: Delimiters): Segment {
  const name = line.slice(0, 3);
  if (HEADER_SEGMENTS.has(name) && line[3] === d.field) {
    return { name, fields: [name, d.field, ...line.slice(4).split(d.field)] };
  }
  return { name, fields: line.split(d.field) };
}

function isSegmentStart(text: string, d: Delimiters): boolean {
  return SEGMENT_NAME.test(text.slice(0, 3)) && (text.length === 3 || text[3] === d.field);
}

/** Lines → segments with the given delimiters; strict mode refuses a line that is not a segment. */
export function parseLines(lines: readonly Line[], d: Delimiters, tolerant: boolean, warnings: ParseWarning[]): Segment[] {
  const kept: string[] = [];
  for (const line of lines) {
    let text = line.text;
    if (tolerant && text.trim() === '') {
      warnings.push({ code: 'blank-line-skipped', message: `blank line ${line.number} skipped` });
      continue;
    }
    if (tolerant && text !== text.trim() && isSegmentStart(text.trim(), d)) {
      warnings.push({ code: 'whitespace-trimmed', message: `blanks around line ${line.number} removed`, segmentIndex: kept.length });
      text = text.trim();
    }
    if (!isSegmentStart(text, d)) {
      if (tolerant && kept.length > 0) {
        warnings.push({
          code: 'line-joined',
          message: `line ${line.number} does not start a segment: joined to the previous one`,
          segmentIndex: kept.length - 1,
        });
        kept[kept.length - 1] += `\n${text}`;
        continue;
      }
      const shown = text.length > 20 ? `${text.slice(0, 20)}…` : text;
      throw new Hl7ParseError(
        ParseErrorCode.badSegmentName,
        `'${shown}' does not start with a segment name (three capitals or digits, then '${d.field}')`,
        {
          segmentIndex: kept.length,
          line: line.number,
        },
      );
    }
    kept.push(text);
  }
  return kept.map((t) => parseSegment(t, d));
}

/** Parses one message. Throws Hl7ParseError (with segment index, field position and line) when it cannot. */
export function parseMessage(text: string, options: ParseOptions = {}): Message {
  const tolerant = options.tolerant ?? false;
  const warnings: ParseWarning[] = [];
  let input = text;
  if (tolerant) {
    const start = input.indexOf('MSH');
    if (start > 0) {
      warnings.push({ code: 'whitespace-trimmed', message: `${start} character(s) before MSH removed` });
      input = input.slice(start);
    }
  }
  if (input.trim() === '') throw new Hl7ParseError(ParseErrorCode.empty, 'the message is empty');
  const { lines, terminator, finalTerminator } = splitLines(input);
  const first = lines[0]!.text;
  if (!first.startsWith('MSH')) {
    throw new Hl7ParseError(ParseErrorCode.noMsh, `a message starts with MSH, this one with '${first.slice(0, 3)}'`, {
      segmentIndex: 0,
      line: 1,
    });
  }
  const d = headerDelimiters(first, 0, 1);
  const segments = parseLines(lines, d, tolerant, warnings);
  const second = segments.findIndex((s, i) => i > 0 && s.name === 'MSH');
  if (second > 0) {
    throw new Hl7ParseError(ParseErrorCode.severalMessages, 'the text holds more than one message (use splitMessages or parseBatch)', {
      segmentIndex: second,
      segment: 'MSH',
    });
  }
  const issues = delimiterIssues(d, segments[0]!.fields[2]);
  if (issues.length) warnings.push({ code: 'nonstandard-delimiters', message: issues.join('; '), segmentIndex: 0 });
  return { delimiters: d, segments, terminator, finalTerminator, warnings };
}

/** parseMessage without throwing. */
export function tryParseMessage(text: string, options: ParseOptions = {}): ParseResult {
  try {
    return { ok: true, message: parseMessage(text, options) };
  } catch (error) {
    if (error instanceof Hl7ParseError) return { ok: false, error };
    throw error; // a bug, not bad input
  }
}
