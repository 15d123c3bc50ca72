// Encoding: Message → text. Raw fields are written as they are, so a parsed message encodes to its input.
import { HEADER_SEGMENTS, type Message, type Segment, type SegmentTerminator } from './message.ts';

export interface EncodeOptions {
  /** Default: the parsed message's terminator; '\r' (the standard) for a built message. */
  terminator?: SegmentTerminator;
  /** End the last segment with a terminator too. Default: as parsed; true for a built message. */
  finalTerminator?: boolean;
}

export function encodeSegment(segment: Segment, fieldSeparator: string): string {
  const f = segment.fields;
  if (HEADER_SEGMENTS.has(segment.name) && f[1] === fieldSeparator) {
    // MSH-1 is the separator itself: 'MSH' + '|' + MSH-2 + '|' + MSH-3 …
    return segment.name + fieldSeparator + f.slice(2).join(fieldSeparator);
  }
  return f.join(fieldSeparator);
}

export function encodeSegments(
  segments: readonly Segment[],
  fieldSeparator: string,
  terminator: SegmentTerminator,
  finalTerminator: boolean,
): string {
  const text = segments.map((s) => encodeSegment(s, fieldSeparator)).join(terminator);
  return finalTerminator ? text + terminator : text;
}

export function encodeMessage(message: Message, options: EncodeOptions = {}): string {
  return encodeSegments(
    message.segments,
    message.delimiters.field,
    options.terminator ?? message.terminator,
    options.finalTerminator ?? message.finalTerminator,
  );
}
