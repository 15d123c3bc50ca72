import type { OutboxList, OutboxMessage, OutboxMessageWithBody } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { MAX_ATTEMPTS } from '../jobs/index.ts';
import * as repo from './outbox.repo.ts';

/** The delivery state in words: failed for good (after how many attempts), or an attempt failed and another follows. */
function deliveryError(m: Pick<repo.OutboxRow, 'error' | 'attempts' | 'failed_at'>): string | null {
  if (m.failed_at) return `Not delivered after ${m.attempts} attempt${m.attempts === 1 ? '' : 's'}: ${m.error ?? 'unknown error'}`;
  if (m.error) return `Attempt ${m.attempts} of ${MAX_ATTEMPTS} failed (${m.error}); it will be tried again`;
  return null;
}

/** A body is readable only in the development outbox: with SMTP it waits for delivery and holds someone's link. */
const readable = (m: Pick<repo.OutboxRow, 'transport'>, hasBody: boolean) => m.transport === 'outbox' && hasBody;

function present(m: Omit<repo.OutboxRow, 'has_body'>, hasBody: boolean): OutboxMessage {
  return {
    id: m.id,
    to: m.to_address,
    subject: m.subject,
    createdAt: m.created_at.toISOString(),
    transport: m.transport,
    sentAt: m.sent_at?.toISOString() ?? null,
    error: deliveryError(m),
    hasBody: readable(m, hasBody),
  };
}

export async function listOutbox(ctx: AppContext, f: { limit: number; to?: string | undefined }): Promise<OutboxList> {
  const rows = await repo.listMessages(ctx.db, f);
  return { smtpConfigured: !!ctx.config.SMTP_URL, messages: rows.map((r) => present(r, !!r.has_body)) };
}

/** The body of a development-mode message (it may hold someone's activation link): every read is audited. */
export async function readMessage(ctx: AppContext, actor: Actor, id: string): Promise<OutboxMessageWithBody> {
  const m = await repo.findMessage(ctx.db, id);
  if (!m || m.body === null || !readable(m, true))
    throw notFound('A kept body of this message (with SMTP configured, bodies are not kept)');
  await appendActorAudit(
    ctx.db,
    actor,
    { action: 'outbox.read', entityType: 'mail', entityId: m.id, detail: { to: m.to_address, subject: m.subject } },
    ctx.clock.now(),
  );
  return { ...present(m, true), body: m.body };
}
