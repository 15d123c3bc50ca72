// Every inbound message, whatever the transport (HTTP, SOAP, a file), goes through here: stored as it arrived
// first, then processed, then its answer stored beside it. The interface's state decides what it may send:
// onboarding and testing interfaces send test messages (MSH-11 T), production ones real ones; a test message is
// validated and answered, never stored as data.
import type { Hl7IssueRow, Hl7MessageStatus } from '@nutmeg/db';
import {
  buildAck,
  encodeMessage,
  MSH,
  readSegment,
  tryParseMessage,
  type AckCode,
  type ErrInput,
  type Message,
  type MshView,
  type ParseResult,
} from '@nutmeg/hl7v2';
import type { AppContext } from '../../context.ts';
import type { Submitter } from '../access/index.ts';
import { withAuditBatch } from '../audit/index.ts';
import { findOrganizations, withOrganizationCache } from '../organizations/index.ts';
import { batchForecastRefresh } from '../recommender/index.ts';
import { refreshSeverities } from './severity.service.ts';
import { hl7TimeStamp } from './hl7-dates.ts';
import type { AuthenticatedInterface } from './interface.service.ts';
import { acceptedControlIdExists, insertReceived, recordOutcome, type MessageRow, type ReceivedMessage } from './message.repo.ts';
import { processQuery } from './query.service.ts';
import { ItemSavepointsNeeded, processVxu } from './vxu.service.ts';

export interface Inbound {
  raw: string;
  transport: MessageRow['transport'];
  sender: AuthenticatedInterface;
  ip: string | null;
  reprocessOf?: string;
}

export interface Answer {
  messageId: string;
  response: string;
  ackCode: AckCode;
  status: Hl7MessageStatus;
  /** Why processing failed (the error's kind, no data), for the log. */
  failure?: string;
}

interface Processed {
  ackCode: AckCode;
  status: Hl7MessageStatus;
  issues: Hl7IssueRow[];
  patientId: string | null;
  organizationId: string | null;
  /** A whole response (RSP) instead of an ACK. */
  response?: string;
}

const SUPPORTED_VERSIONS = /^2\.(5(\.1)?|6|7(\.1)?|8(\.\d)?)$/;

function issue(rule: string, location: string | null, hl7Code: string, message: string, severity: 'E' | 'W' | 'I' = 'E'): Hl7IssueRow {
  return { rule, severity, location, hl7Code, applicationCode: null, message };
}

function rejected(i: Hl7IssueRow): Processed {
  return { ackCode: 'AR', status: 'rejected', issues: [i], patientId: null, organizationId: null };
}

/** The clinic a message is for: the interface's clinic named by MSH-4 or RXA-11.4 (PIN), else its default one. */
async function clinicOf(ctx: AppContext, sender: AuthenticatedInterface, msh: MshView, m: Message): Promise<string | null> {
  const orgs = await findOrganizations(
    ctx.db,
    sender.clinics.map((c) => c.organizationId),
  );
  const named = [msh.sendingFacility?.namespaceId, ...m.segments.filter((s) => s.name === 'RXA').map((s) => s.fields[11]?.split('^')[3])];
  const hit = orgs.find((o) => o.pin && named.includes(o.pin));
  return hit?.id ?? sender.clinics.find((c) => c.isDefault)?.organizationId ?? sender.clinics[0]?.organizationId ?? null;
}

function submitterFor(sender: AuthenticatedInterface, organizationId: string, ip: string | null): Submitter {
  return {
    kind: 'hl7',
    organizationId,
    organizationKind: 'clinic',
    userId: null,
    interfaceId: sender.row.id,
    username: sender.row.name,
    ip,
  };
}

/** Header checks every message passes before its content is read (AR: the message cannot be processed). */
function checkHeader(sender: AuthenticatedInterface, msh: MshView): Processed | undefined {
  const version = msh.versionId?.versionId ?? '';
  if (!SUPPORTED_VERSIONS.test(version))
    return rejected(issue('MessageVersionIsUnrecognized', 'MSH-12', '203', `Version ${version || '(none)'} is not supported: send 2.5.1`));
  const pid = msh.processingId?.processingId ?? '';
  if (pid !== 'P' && pid !== 'T')
    return rejected(
      issue(
        'MessageProcessingIdIsInvalid',
        'MSH-11',
        '202',
        `Processing id ${pid || '(none)'} is not supported: send P (production) or T (test)`,
      ),
    );
  const status = sender.row.status;
  if (status === 'inactive')
    return rejected(issue('GeneralAuthorizationException', 'MSH-4', '207', 'This interface is inactive: contact the registry'));
  if (pid === 'P' && status !== 'production')
    return rejected(
      issue(
        'MessageProcessingIdIsInvalid',
        'MSH-11',
        '202',
        `This interface is in ${status}: send test messages (MSH-11 T) until the registry moves it to production`,
      ),
    );
  return undefined;
}

async function process(
  ctx: AppContext,
  inbound: Inbound,
  m: Message,
  msh: MshView,
  messageId: string,
  itemSavepoints: boolean,
): Promise<Processed> {
  const header = checkHeader(inbound.sender, msh);
  if (header) return header;
  const type = `${msh.messageType?.messageCode ?? ''}^${msh.messageType?.triggerEvent ?? ''}`;
  if (msh.messageType?.messageCode === 'QBP' && msh.messageType.triggerEvent === 'Q11') {
    const organizationId = await clinicOf(ctx, inbound.sender, msh, m);
    if (!organizationId)
      return rejected(
        issue('GeneralConfigurationException', 'MSH-4', '207', 'This interface has no clinic to query for: contact the registry'),
      );
    const q = await processQuery(ctx, submitterFor(inbound.sender, organizationId, inbound.ip), m, messageId);
    const ackCode = q.status === 'AE' ? 'AE' : q.status === 'AR' ? 'AR' : 'AA';
    return {
      ackCode,
      status: q.issues.length ? 'rejected' : 'accepted',
      issues: q.issues,
      patientId: q.patientId,
      organizationId,
      response: q.response,
    };
  }
  if (msh.messageType?.messageCode !== 'VXU')
    return rejected(
      issue('MessageMessageTypeIsUnrecognized', 'MSH-9', '200', `Message type ${type} is not supported: send VXU^V04 or QBP^Q11`),
    );
  if (msh.messageType.triggerEvent !== 'V04')
    return rejected(issue('MessageMessageTypeIsUnrecognized', 'MSH-9.2', '201', `Event ${type} is not supported: send VXU^V04`));
  const organizationId = await clinicOf(ctx, inbound.sender, msh, m);
  if (!organizationId)
    return rejected(
      issue('GeneralConfigurationException', 'MSH-4', '207', 'This interface has no clinic to record for: contact the registry'),
    );
  const issues: Hl7IssueRow[] = [];
  const row = inbound.sender.row;
  if (msh.sendingApplication?.namespaceId !== row.sending_application || msh.sendingFacility?.namespaceId !== row.sending_facility)
    issues.push(
      issue(
        'MessageSenderDoesNotMatchInterface',
        'MSH-4',
        '0',
        `MSH-3/MSH-4 do not name this interface (${row.sending_application} / ${row.sending_facility})`,
        'W',
      ),
    );
  const controlId = msh.messageControlId ?? '';
  if (controlId && (await acceptedControlIdExists(ctx.db, row.id, controlId, messageId)))
    issues.push(
      issue(
        'MessageControlIdWasAlreadyAccepted',
        'MSH-10',
        '0',
        'A message with this control id was accepted before: doses already recorded are not recorded twice',
        'I',
      ),
    );
  const testOnly = msh.processingId?.processingId === 'T';
  const out = await processVxu(ctx, submitterFor(inbound.sender, organizationId, inbound.ip), m, { testOnly, controlId, itemSavepoints });
  issues.push(...out.issues);
  const hasProblems = issues.some((i) => i.severity === 'E' || i.severity === 'W');
  return {
    ackCode: out.accepted && !hasProblems ? 'AA' : 'AE',
    status: !out.accepted ? 'rejected' : hasProblems ? 'warnings' : 'accepted',
    issues,
    patientId: out.patientId,
    organizationId,
  };
}

/** ERR-2 from the issue's location ('RXA[2]-5', 'PID-7', 'RXA[1] OBX 64994-7'…). */
function errOf(i: Hl7IssueRow): ErrInput {
  const m = /^([A-Z][A-Z0-9]{2})(?:\[(\d+)\])?(?:-(\d+))?(?:\.(\d+))?/.exec(i.location ?? '');
  const location = m
    ? {
        segment: m[1]!,
        sequence: Number(m[2] ?? 1),
        ...(m[3] ? { field: Number(m[3]) } : {}),
        ...(m[4] ? { component: Number(m[4]) } : {}),
      }
    : undefined;
  return {
    ...(location ? { location } : {}),
    code: i.hl7Code as ErrInput['code'],
    severity: i.severity,
    ...(i.applicationCode ? { applicationError: i.applicationCode as NonNullable<ErrInput['applicationError']> } : {}),
    userMessage: i.message,
    diagnosticInformation: i.rule,
  };
}

export function ackText(ctx: AppContext, msh: MshView | undefined, controlId: string, p: Pick<Processed, 'ackCode' | 'issues'>): string {
  const ack = buildAck({
    ...(msh ? { request: msh } : {}),
    controlId,
    dateTime: hl7TimeStamp(ctx.clock.now()),
    ackCode: p.ackCode,
    errors: p.issues.map(errOf),
    sendingApplication: { namespaceId: 'NUTMEG' },
    sendingFacility: { namespaceId: 'CTDPH' },
  });
  return encodeMessage(ack);
}

/** A message as it arrived, read once: its parse and its header (when it has one). */
export interface Received {
  inbound: Inbound;
  parsed: ParseResult;
  msh: MshView | undefined;
}

export function readInbound(inbound: Inbound): Received {
  const parsed = tryParseMessage(inbound.raw, { tolerant: true });
  const msh = parsed.ok ? readSegment(MSH, parsed.message.segments[0]!, parsed.message.delimiters) : undefined;
  return { inbound, parsed, msh };
}

/** The row that stores the message as it arrived, before anything is done with it. */
export function receivedRow(ctx: AppContext, { inbound, msh }: Received): ReceivedMessage {
  return {
    interfaceId: inbound.sender.row.id,
    receivedAt: ctx.clock.now(),
    transport: inbound.transport,
    raw: inbound.raw,
    messageType: msh?.messageType
      ? [msh.messageType.messageCode, msh.messageType.triggerEvent].filter(Boolean).join('^').slice(0, 40)
      : null,
    controlId: msh?.messageControlId?.slice(0, 200) ?? null,
    processingId: msh?.processingId?.processingId?.slice(0, 10) ?? null,
    sendingApplication: msh?.sendingApplication?.namespaceId?.slice(0, 200) ?? null,
    sendingFacility: msh?.sendingFacility?.namespaceId?.slice(0, 200) ?? null,
    reprocessOf: inbound.reprocessOf ?? null,
  };
}

/** Stores the message, processes it, stores and returns the answer. Never throws for the message's content. */
export async function receiveMessage(ctx: AppContext, inbound: Inbound): Promise<Answer> {
  const r = readInbound(inbound);
  return processStored(ctx, r, await insertReceived(ctx.db, receivedRow(ctx, r)));
}

/**
 * Processes a stored message inside the caller's transaction (`ctx.db`), its outcome stored with it; throws
 * when processing fails, for the caller to undo and record as failed. The caller batches the audit entries and
 * forecast refreshes. Without `itemSavepoints` a refused vaccination throws ItemSavepointsNeeded: the caller
 * undoes the message and calls again with them (`redoWithItemSavepoints`).
 */
export async function processInTransaction(
  ctx: AppContext,
  { inbound, parsed, msh }: Received,
  messageId: string,
  itemSavepoints = false,
): Promise<Answer> {
  if (!parsed.ok) return finish(ctx, ctx.db, messageId, msh, unreadable(parsed.error.message));
  // DPH's severities apply to every message type (a query's issues too), not only to the VXU checks.
  await refreshSeverities(ctx);
  return finish(ctx, ctx.db, messageId, msh, await process(ctx, inbound, parsed.message, msh!, messageId, itemSavepoints));
}

/** Runs `attempt` without per-item savepoints and, when one of its items was refused (undone by then), with them. */
export async function redoWithItemSavepoints<T>(attempt: (itemSavepoints: boolean) => Promise<T>, undone: () => void): Promise<T> {
  try {
    return await attempt(false);
  } catch (e) {
    if (!(e instanceof ItemSavepointsNeeded)) throw e;
    undone();
    return attempt(true);
  }
}

const unreadable = (why: string) => rejected(issue('GeneralParseException', null, '100', `The message cannot be read: ${why}`));

/** Processes a stored message in a transaction of its own; a failure is recorded (not thrown). */
export async function processStored(ctx: AppContext, r: Received, messageId: string): Promise<Answer> {
  if (!r.parsed.ok) return finish(ctx, ctx.db, messageId, r.msh, unreadable(r.parsed.error.message));
  try {
    // Everything the message writes (patient, doses, refusals, observations, their audit) and its outcome
    // commit together or not at all: a failure half-way leaves only the raw message, kept for reprocessing.
    const inOwnTransaction = (itemSavepoints: boolean) =>
      ctx.db
        .transaction()
        .execute((trx) =>
          batchForecastRefresh(trx, ctx.clock.now(), () =>
            withAuditBatch(trx, () =>
              withOrganizationCache(trx, () => processInTransaction({ ...ctx, db: trx }, r, messageId, itemSavepoints)),
            ),
          ),
        );
    return await redoWithItemSavepoints(inOwnTransaction, () => undefined);
  } catch (e) {
    return recordFailure(ctx, r.msh, messageId, e);
  }
}

/** Kept in the error queue (raw stored before) to be reprocessed; the sender is told to try again later. */
export async function recordFailure(ctx: AppContext, msh: MshView | undefined, messageId: string, e: unknown): Promise<Answer> {
  const p: Processed = {
    ...rejected(
      issue(
        'GeneralProcessingException',
        null,
        '207',
        'The registry could not process this message now; it is kept and will be reprocessed',
      ),
    ),
    status: 'failed',
  };
  // Only the error's kind for the log: a database message can quote the values of a row (PHI).
  const failure = `${(e as Error).name} ${String((e as { code?: unknown }).code ?? '')}`.trim();
  return { ...(await finish(ctx, ctx.db, messageId, msh, p)), failure };
}

/** Stores the answer beside the message (in the message's transaction when it has one) and returns it. */
async function finish(ctx: AppContext, db: AppContext['db'], messageId: string, msh: MshView | undefined, p: Processed): Promise<Answer> {
  const response = p.response ?? ackText(ctx, msh, messageId, p);
  await recordOutcome(db, messageId, {
    status: p.status,
    ackCode: p.ackCode,
    ack: response,
    patientId: p.patientId,
    organizationId: p.organizationId,
    issues: p.issues,
    at: ctx.clock.now(),
  });
  return { messageId, response, ackCode: p.ackCode, status: p.status };
}
