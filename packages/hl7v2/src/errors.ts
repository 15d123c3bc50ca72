// The one error the codec throws: it names what is wrong and where (segment index, 1-based field position).

export const ParseErrorCode = {
  empty: 'empty',
  noMsh: 'no-msh',
  badFieldSeparator: 'bad-field-separator',
  badEncodingCharacters: 'bad-encoding-characters',
  badSegmentName: 'bad-segment-name',
  severalMessages: 'several-messages',
  badBatch: 'bad-batch',
  badPath: 'bad-path',
} as const;
export type ParseErrorCode = (typeof ParseErrorCode)[keyof typeof ParseErrorCode];

export interface ErrorPosition {
  /** 0-based index of the segment in the message (or in the batch). */
  segmentIndex?: number;
  /** The segment's name when it has one ('MSH', 'PID'…). */
  segment?: string;
  /** 1-based field position as the spec counts (MSH-1 is the field separator). */
  field?: number;
  /** 1-based line number in the input (lines split at CR, LF or CRLF). */
  line?: number;
}

export class Hl7ParseError extends Error {
  override readonly name = 'Hl7ParseError';
  constructor(
    readonly code: ParseErrorCode,
    message: string,
    readonly position: ErrorPosition = {},
  ) {
    super(message + where(position));
  }
}

function where(p: ErrorPosition): string {
  const parts: string[] = [];
  if (p.segment !== undefined || p.segmentIndex !== undefined) {
    parts.push(`segment ${p.segmentIndex !== undefined ? `#${p.segmentIndex + 1} ` : ''}${p.segment ?? ''}`.trim());
  }
  if (p.field !== undefined) parts.push(`field ${p.segment ?? ''}-${p.field}`);
  if (p.line !== undefined) parts.push(`line ${p.line}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}
