// SQL on hl7_messages (owned by modules/hl7): the raw message is inserted before processing, the outcome after.
import type { Selectable } from 'kysely';
import type { Hl7IssueRow, Hl7MessageStatus, Hl7MessageTable } from '@nutmeg/db';
import type { Db } from './interface.repo.ts';

export type MessageRow = Selectable<Hl7MessageTable>;

export interface ReceivedMessage {
  interfaceId: string | null;
  receivedAt: Date;
  transport: MessageRow['transport'];
  raw: string;
  messageType: string | null;
  controlId: string | null;
  processingId: string | null;
  sendingApplication: string | null;
  sendingFacility: string | null;
  reprocessOf?: string | null;
}

const receivedValues = (m: ReceivedMessage) => ({
  interface_id: m.interfaceId,
  received_at: m.receivedAt,
  transport: m.transport,
  raw: m.raw,
  message_type: m.messageType,
  control_id: m.controlId,
  processing_id: m.processingId,
  sending_application: m.sendingApplication,
  sending_facility: m.sendingFacility,
  reprocess_of: m.reprocessOf ?? null,
});

/** Stores the message as it arrived (its own statement, committed before processing starts). */
export async function insertReceived(db: Db, m: ReceivedMessage): Promise<string> {
  const row = await db.insertInto('hl7_messages').values(receivedValues(m)).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Stores several messages as they arrived in one statement (a batch of a file, committed before the batch is
 * processed); the ids in the order given (the seq column follows the VALUES order, which RETURNING keeps).
 */
export async function insertReceivedMany(db: Db, ms: readonly ReceivedMessage[]): Promise<string[]> {
  if (ms.length === 0) return [];
  const rows = await db.insertInto('hl7_messages').values(ms.map(receivedValues)).returning(['id', 'seq']).execute();
  return rows.sort((a, b) => Number(a.seq) - Number(b.seq)).map((r) => r.id);
}

export interface Outcome {
  status: Hl7MessageStatus;
  ackCode: string;
  ack: string;
  patientId: string | null;
  organizationId: string | null;
  issues: readonly Hl7IssueRow[];
  at: Date;
}

export async function recordOutcome(db: Db, id: string, o: Outcome): Promise<void> {
  await db
    .updateTable('hl7_messages')
    .set((eb) => ({
      status: o.status,
      ack_code: o.ackCode,
      ack: o.ack,
      patient_id: o.patientId,
      organization_id: o.organizationId,
      issues: JSON.stringify(o.issues),
      error_count: o.issues.filter((i) => i.severity === 'E').length,
      warning_count: o.issues.filter((i) => i.severity === 'W').length,
      processed_at: o.at,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export function messageById(db: Db, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('hl7_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether an interface already had a message with this control id accepted (a resend). */
export async function acceptedControlIdExists(db: Db, interfaceId: string, controlId: string, exceptId: string): Promise<boolean> {
  const row = await db
    .selectFrom('hl7_messages')
    .select('id')
    .where('interface_id', '=', interfaceId)
    .where('control_id', '=', controlId)
    .where('status', 'in', ['accepted', 'warnings'])
    .where('id', '!=', exceptId)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

export interface MessageFilter {
  interfaceIds?: readonly string[];
  status?: Hl7MessageStatus;
  /** Only rejected, failed or with errors: the error queue. */
  errorsOnly?: boolean;
  patientId?: string;
  from?: Date;
  to?: Date;
  limit: number;
}

export type MessageSummaryRow = Omit<MessageRow, 'raw' | 'ack'>;

export async function searchMessages(db: Db, f: MessageFilter): Promise<MessageSummaryRow[]> {
  let q = db
    .selectFrom('hl7_messages')
    .select([
      'id',
      'seq',
      'interface_id',
      'received_at',
      'transport',
      'message_type',
      'control_id',
      'processing_id',
      'sending_application',
      'sending_facility',
      'status',
      'ack_code',
      'patient_id',
      'organization_id',
      'error_count',
      'warning_count',
      'issues',
      'processed_at',
      'attempts',
      'reprocess_of',
    ])
    .orderBy('received_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(f.limit);
  if (f.interfaceIds) {
    if (f.interfaceIds.length === 0) return [];
    q = q.where('interface_id', 'in', f.interfaceIds);
  }
  if (f.status) q = q.where('status', '=', f.status);
  if (f.errorsOnly) q = q.where((eb) => eb.or([eb('status', 'in', ['rejected', 'failed']), eb('error_count', '>', 0)]));
  if (f.patientId) q = q.where('patient_id', '=', f.patientId);
  if (f.from) q = q.where('received_at', '>=', f.from);
  if (f.to) q = q.where('received_at', '<', f.to);
  return q.execute();
}

/** Warnings and errors per interface and day (the data-quality report's counts). */
export async function qualityCounts(db: Db, interfaceIds: readonly string[] | undefined, from: Date) {
  let q = db
    .selectFrom('hl7_messages')
    .select((eb) => [
      'interface_id',
      eb.fn<string>('to_char', [eb.ref('received_at'), eb.val('YYYY-MM-DD')]).as('day'),
      eb.fn.countAll<number>().as('messages'),
      eb.fn.sum<number>('warning_count').as('warnings'),
      eb.fn.sum<number>('error_count').as('errors'),
    ])
    .where('received_at', '>=', from)
    .groupBy(['interface_id', 'day'])
    .orderBy('day');
  if (interfaceIds) {
    if (interfaceIds.length === 0) return [];
    q = q.where('interface_id', 'in', interfaceIds);
  }
  return q.execute();
}
