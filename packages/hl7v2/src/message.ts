// The parsed form of a message: segments as raw (still escaped) field strings, so that encoding gives back
// exactly what was parsed. Values are unescaped when read (access.ts) and escaped when written (build.ts).
import type { Delimiters } from './delimiters.ts';

export type SegmentTerminator = '\r' | '\n' | '\r\n';

export interface Segment {
  /** 'MSH', 'PID', 'ZXX'… */
  readonly name: string;
  /**
   * Raw fields indexed by their 1-based position: `fields[3]` is PID-3. `fields[0]` is the segment name.
   * For MSH, FHS and BHS, `fields[1]` is the field separator and `fields[2]` the encoding characters, as the spec
   * counts them (MSH-1, MSH-2).
   */
  readonly fields: readonly string[];
}

export interface ParseWarning {
  code: 'nonstandard-delimiters' | 'blank-line-skipped' | 'whitespace-trimmed' | 'line-joined';
  message: string;
  segmentIndex?: number;
}

export interface Message {
  readonly delimiters: Delimiters;
  readonly segments: readonly Segment[];
  /** How the input ended its segments (encoding uses it unless told otherwise). */
  readonly terminator: SegmentTerminator;
  /** Whether the input ended with a segment terminator. */
  readonly finalTerminator: boolean;
  /** What tolerant parsing repaired, and what departs from the IG without stopping parsing. */
  readonly warnings: readonly ParseWarning[];
}

/** Segments whose first two fields are the field separator and the encoding characters. */
export const HEADER_SEGMENTS: ReadonlySet<string> = new Set(['MSH', 'FHS', 'BHS']);
