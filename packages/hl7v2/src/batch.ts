// Batch files: FHS [BHS {MSH…} BTS]… FTS, or simply messages one after another. A file is parsed losslessly
// (encodeBatch gives back the input) and each message inside is a Message of its own.
import { type Delimiters, delimiterIssues } from './delimiters.ts';
import { encodeSegments } from './encode.ts';
import { Hl7ParseError, ParseErrorCode } from './errors.ts';
import type { Message, ParseWarning, Segment, SegmentTerminator } from './message.ts';
import { type ParseOptions, headerDelimiters, parseLines, splitLines } from './parse.ts';

export interface Batch {
  header?: Segment; // BHS
  messages: Message[];
  trailer?: Segment; // BTS
}

export interface BatchFile {
  delimiters: Delimiters;
  header?: Segment; // FHS
  batches: Batch[];
  trailer?: Segment; // FTS
  terminator: SegmentTerminator;
  finalTerminator: boolean;
  warnings: ParseWarning[];
}

const ENVELOPE = new Set(['FHS', 'BHS', 'BTS', 'FTS']);

/**
 * Parses a file of messages with or without FHS/BHS envelopes. The delimiters of the first header segment
 * (FHS, BHS or MSH) apply to the file; a message whose MSH declares others is parsed with its own.
 */
export function parseBatch(text: string, options: ParseOptions = {}): BatchFile {
  const tolerant = options.tolerant ?? false;
  const warnings: ParseWarning[] = [];
  const { lines, terminator, finalTerminator } = splitLines(tolerant ? text.trim() : text);
  const firstIndex = lines.findIndex((l) => l.text.trim() !== '');
  if (firstIndex < 0) throw new Hl7ParseError(ParseErrorCode.empty, 'the file is empty');
  const first = lines[firstIndex]!.text.trim();
  if (!/^(FHS|BHS|MSH)/.test(first)) {
    throw new Hl7ParseError(ParseErrorCode.noMsh, `a batch file starts with FHS, BHS or MSH, this one with '${first.slice(0, 3)}'`, {
      line: firstIndex + 1,
    });
  }
  const d = headerDelimiters(first, 0, firstIndex + 1);
  const segments = parseLines(lines, d, tolerant, warnings);
  const file: BatchFile = { delimiters: d, batches: [], terminator, finalTerminator, warnings };
  let batch: Batch | undefined;
  let current: Segment[] | undefined;
  let currentIndex = 0; // the index of the current message's MSH in the file, for error positions
  const close = () => {
    if (current) (batch ??= newBatch(file)).messages.push(messageOf(current, d, terminator, currentIndex));
    current = undefined;
  };
  segments.forEach((s, i) => {
    if (!ENVELOPE.has(s.name) && s.name !== 'MSH' && !current) {
      throw new Hl7ParseError(ParseErrorCode.badBatch, `${s.name} outside a message (a message starts with MSH)`, {
        segmentIndex: i,
        segment: s.name,
      });
    }
    if (s.name === 'MSH') {
      close();
      current = [s];
      currentIndex = i;
    } else if (!ENVELOPE.has(s.name)) current!.push(s);
    else {
      close();
      if (s.name === 'FHS') file.header = s;
      else if (s.name === 'FTS') file.trailer = s;
      else if (s.name === 'BHS') batch = newBatch(file, s);
      else (batch ??= newBatch(file)).trailer = s;
      if (s.name === 'BTS') batch = undefined;
    }
  });
  close();
  return file;
}

function newBatch(file: BatchFile, header?: Segment): Batch {
  const b: Batch = header ? { header, messages: [] } : { messages: [] };
  file.batches.push(b);
  return b;
}

function messageOf(segments: Segment[], fileDelimiters: Delimiters, terminator: SegmentTerminator, segmentIndex: number): Message {
  const msh = segments[0]!;
  const own = headerDelimiters(`MSH${msh.fields[1]}${msh.fields[2]}`, segmentIndex);
  const same = own.field === fileDelimiters.field && own.component === fileDelimiters.component && own.escape === fileDelimiters.escape;
  const delimiters = same ? fileDelimiters : own;
  const issues = delimiterIssues(delimiters, msh.fields[2]);
  const warnings: ParseWarning[] = issues.length ? [{ code: 'nonstandard-delimiters', message: issues.join('; '), segmentIndex: 0 }] : [];
  return { delimiters, segments, terminator, finalTerminator: true, warnings };
}

/** Every message of a file, envelopes dropped: what `nutmeg hl7 process <file>` feeds the pipeline. */
export function splitMessages(text: string, options: ParseOptions = {}): Message[] {
  return parseBatch(text, options).batches.flatMap((b) => b.messages);
}

/** The file's text again, envelopes included. */
export function encodeBatch(file: BatchFile): string {
  const segments: Segment[] = [];
  if (file.header) segments.push(file.header);
  for (const b of file.batches) {
    if (b.header) segments.push(b.header);
    for (const m of b.messages) segments.push(...m.segments);
    if (b.trailer) segments.push(b.trailer);
  }
  if (file.trailer) segments.push(file.trailer);
  return encodeSegments(segments, file.delimiters.field, file.terminator, file.finalTerminator);
}
