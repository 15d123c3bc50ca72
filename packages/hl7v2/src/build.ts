// Writing: segments from typed views, messages from segments, and the ACK and RSP headers of the CDC IG.
// No clock: the caller passes the message date/time and control id.
import { type Composite, encodeComposite, type WriteValue } from './datatypes.ts';
import { type Delimiters, encodingCharacters, STANDARD_DELIMITERS } from './delimiters.ts';
import { HEADER_SEGMENTS, type Message, type Segment } from './message.ts';
import { ERR, type ErrView, MSA, MSH, type MshView, QAK, QPD, readSegment, type SegmentSpec, type View } from './segments.ts';
import { firstSegment } from './access.ts';
import {
  AckCode,
  type ErrorSeverity,
  HL7_ERROR_CODES,
  type Hl7ErrorCode,
  APPLICATION_ERROR_CODES,
  type ApplicationErrorCode,
} from './tables.ts';

function encodeField(type: Composite | undefined, v: unknown, d: Delimiters): string {
  if (Array.isArray(v)) return v.map((r) => encodeComposite(type, r as WriteValue, d)).join(d.repetition);
  return encodeComposite(type, v as WriteValue | undefined, d);
}

/** A segment from a typed view (values are escaped; trailing empty fields dropped). */
export function writeSegment<S extends SegmentSpec>(s: S, view: View<S>, d: Delimiters = STANDARD_DELIMITERS): Segment {
  const values = view as Record<string, unknown>;
  const fields: string[] = [s.name];
  for (const [position, name, type] of s.fields) {
    while (fields.length <= position) fields.push('');
    fields[position] = encodeField(type, values[name], d);
  }
  if (HEADER_SEGMENTS.has(s.name)) {
    fields[1] = d.field;
    fields[2] = encodingCharacters(d);
  }
  while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
  return { name: s.name, fields };
}

/** A message from segments: standard terminators (CR after every segment). */
export function createMessage(segments: readonly Segment[], d: Delimiters = STANDARD_DELIMITERS): Message {
  return { delimiters: d, segments, terminator: '\r', finalTerminator: true, warnings: [] };
}

export interface ErrInput {
  /** Where the problem is (ERR-2): segment id, its 1-based occurrence, field, and optionally repetition/component/subcomponent. */
  location?: { segment: string; sequence?: number; field?: number; repetition?: number; component?: number; subcomponent?: number };
  /** HL7 table 0357 code (ERR-3). */
  code: Hl7ErrorCode;
  severity: ErrorSeverity;
  /** Table 0533 application error (ERR-5). */
  applicationError?: ApplicationErrorCode;
  /** A sentence a person understands (ERR-8). */
  userMessage?: string;
  /** For the sender's developers (ERR-7). */
  diagnosticInformation?: string;
}

/** An ERR segment as the IG profiles it (ERR-2 location, ERR-3 0357, ERR-4 severity, ERR-5 0533, ERR-7, ERR-8). */
export function errSegment(e: ErrInput, d: Delimiters = STANDARD_DELIMITERS): Segment {
  const l = e.location;
  const n = (x: number | undefined) => (x === undefined ? undefined : String(x));
  const view: ErrView = {
    errorCodeAndLocation: [],
    errorLocation: l
      ? [
          {
            segmentId: l.segment,
            segmentSequence: n(l.sequence ?? 1),
            fieldPosition: n(l.field),
            fieldRepetition: n(l.field && (l.repetition ?? 1)),
            componentNumber: n(l.component),
            subComponentNumber: n(l.subcomponent),
          },
        ]
      : [],
    hl7ErrorCode: { identifier: e.code, text: HL7_ERROR_CODES[e.code], nameOfCodingSystem: 'HL70357' },
    severity: e.severity,
    applicationErrorParameter: [],
    informPersonIndicator: [],
    overrideReasonCode: [],
    helpDeskContactPoint: [],
  };
  if (e.applicationError)
    view.applicationErrorCode = {
      identifier: e.applicationError,
      text: APPLICATION_ERROR_CODES[e.applicationError],
      nameOfCodingSystem: 'HL70533',
    };
  if (e.diagnosticInformation) view.diagnosticInformation = e.diagnosticInformation;
  if (e.userMessage) view.userMessage = e.userMessage;
  return writeSegment(ERR, view, d);
}

export interface ResponseInput {
  /** The request's MSH (read with readSegment(MSH, …)); absent when the request could not be parsed at all. */
  request?: MshView;
  controlId: string;
  /** MSH-7, e.g. '20261207101500-0500' (the caller's clock). */
  dateTime: string;
  ackCode: AckCode;
  errors?: readonly ErrInput[];
  /** MSH-3/4 of the response; default: the request's MSH-5/6. */
  sendingApplication?: MshView['sendingApplication'];
  sendingFacility?: MshView['sendingFacility'];
}

function responseMsh(r: ResponseInput, messageType: MshView['messageType'], profile: string): MshView {
  const q = r.request;
  const msh: MshView = {
    characterSet: [],
    messageProfileIdentifier: [{ entityIdentifier: profile, namespaceId: 'CDCPHINVS' }],
    dateTimeOfMessage: { time: r.dateTime },
    messageType,
    messageControlId: r.controlId,
    processingId: { processingId: q?.processingId?.processingId ?? 'P' },
    versionId: { versionId: '2.5.1' },
    acceptAcknowledgmentType: 'NE',
    applicationAcknowledgmentType: 'NE',
  };
  // The response goes back where the request came from: sender and receiver swap.
  return {
    ...msh,
    sendingApplication: r.sendingApplication ?? q?.receivingApplication,
    sendingFacility: r.sendingFacility ?? q?.receivingFacility,
    receivingApplication: q?.sendingApplication,
    receivingFacility: q?.sendingFacility,
    sendingResponsibleOrganization: q?.receivingResponsibleOrganization,
    receivingResponsibleOrganization: q?.sendingResponsibleOrganization,
  };
}

function headSegments(r: ResponseInput, messageType: MshView['messageType'], profile: string): Segment[] {
  const msa = writeSegment(MSA, { acknowledgmentCode: r.ackCode, messageControlId: r.request?.messageControlId ?? '' });
  return [writeSegment(MSH, responseMsh(r, messageType, profile)), msa, ...(r.errors ?? []).map((e) => errSegment(e))];
}

/** ACK^<event>^ACK (profile Z23) answering a VXU or any message: MSH, MSA, one ERR per error or warning. */
export function buildAck(r: ResponseInput): Message {
  const event = r.request?.messageType?.triggerEvent ?? 'V04';
  return createMessage(headSegments(r, { messageCode: 'ACK', triggerEvent: event, messageStructure: 'ACK' }, 'Z23'));
}

export interface QueryResponseInput extends ResponseInput {
  /** The QBP being answered: its QPD is echoed and QPD-1/QPD-2 fill QAK-3/QAK-1. */
  query: Message;
  /** Z32 complete history, Z31 candidate list, Z33 no/too many/error, Z42 evaluated history and forecast. */
  profile: 'Z31' | 'Z32' | 'Z33' | 'Z42';
  /** QAK-2: OK (data found), NF (no match), TM (too many), AE / AR (error / rejected), PD (protected data). */
  queryResponseStatus: 'OK' | 'NF' | 'TM' | 'AE' | 'AR' | 'PD';
  hitCount?: number;
}

/** The first segments of an RSP^K11: MSH, MSA, ERR…, QAK, QPD (echoed). The caller appends PID, ORC, RXA… */
export function buildResponseHeader(r: QueryResponseInput): Segment[] {
  const qpd = firstSegment(r.query, 'QPD');
  const query = qpd ? readSegment(QPD, qpd, r.query.delimiters) : undefined;
  const qak = writeSegment(QAK, {
    queryTag: query?.queryTag,
    queryResponseStatus: r.queryResponseStatus,
    messageQueryName: query?.messageQueryName,
    hitCount: r.hitCount === undefined ? undefined : String(r.hitCount),
  });
  const sameDelimiters =
    encodingCharacters(r.query.delimiters) === encodingCharacters(STANDARD_DELIMITERS) && r.query.delimiters.field === '|';
  // As sent when it can be: rewritten (escaped) when the delimiters differ or when the tolerant parser joined a stray
  // line into it — that line break, echoed raw, would split the answer into a segment that is not one.
  const asSent = sameDelimiters && !qpd?.fields.some((f) => /[\r\n]/.test(f));
  const echo = qpd && (asSent ? qpd : writeSegment(QPD, query!));
  return [
    ...headSegments(r, { messageCode: 'RSP', triggerEvent: 'K11', messageStructure: 'RSP_K11' }, r.profile),
    qak,
    ...(echo ? [echo] : []),
  ];
}
