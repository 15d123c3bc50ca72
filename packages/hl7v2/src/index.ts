// @nutmeg/hl7v2: a pure HL7 v2 codec for immunization messaging (CDC IG R1.5). No I/O, no clock.
// Positions are 1-based as in the spec: fields[3] is PID-3; MSH-1 is the field separator, MSH-2 the encoding characters.
export { type Delimiters, STANDARD_DELIMITERS, delimiterIssues, encodingCharacters } from './delimiters.ts';
export { Hl7ParseError, ParseErrorCode, type ErrorPosition } from './errors.ts';
export { escapeText, unescapeText } from './escape.ts';
export type { Message, ParseWarning, Segment, SegmentTerminator } from './message.ts';
export { parseMessage, tryParseMessage, type ParseOptions, type ParseResult } from './parse.ts';
export { encodeMessage, encodeSegment, type EncodeOptions } from './encode.ts';
export { encodeBatch, parseBatch, splitMessages, type Batch, type BatchFile } from './batch.ts';
export { firstSegment, rawField, rawRepetitions, rawValue, segmentsNamed, value, valueAt, type Position } from './access.ts';
export * as types from './datatypes.ts';
export type { Composite, Decoded, WriteValue } from './datatypes.ts';
export {
  ERR,
  MSA,
  MSH,
  NK1,
  OBX,
  ORC,
  PD1,
  PID,
  QAK,
  QPD,
  RCP,
  RXA,
  RXR,
  obxCodedValues,
  readSegment,
  type ErrView,
  type MsaView,
  type MshView,
  type Nk1View,
  type ObxView,
  type OrcView,
  type Pd1View,
  type PidView,
  type QakView,
  type QpdView,
  type RcpView,
  type RxaView,
  type RxrView,
  type SegmentSpec,
  type View,
} from './segments.ts';
export {
  buildAck,
  buildResponseHeader,
  createMessage,
  errSegment,
  writeSegment,
  type ErrInput,
  type QueryResponseInput,
  type ResponseInput,
} from './build.ts';
export {
  AckCode,
  APPLICATION_ERROR_CODES,
  ErrorSeverity,
  HL7_ERROR_CODES,
  type ApplicationErrorCode,
  type Hl7ErrorCode,
} from './tables.ts';
