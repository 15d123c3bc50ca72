// The message log: DPH sees every interface's messages, a coordinator those of the interfaces that send for their
// clinic. A message holds PHI (the raw text): opening one is audited with its patient; a list is audited once
// with the patients it shows. Reprocessing runs a stored message through the pipeline again (after a fix to the
// registry's data or configuration) as a new log entry that points at the old one.
import type { Hl7MessageDetail, Hl7MessageList, Hl7QualityReport } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { presentMessageDetail, presentMessageSummary } from './hl7.present.ts';
import { listInterfaces } from './interface.repo.ts';
import { interfaceNames, interfaceScope, interfaceWithClinics } from './interface.service.ts';
import type { MessageQuery } from './hl7.schemas.ts';
import { messageById, qualityCounts, searchMessages } from './message.repo.ts';
import { receiveMessage, type Answer } from './receive.service.ts';
import { addDays, jurisdictionDayStart } from '../../dates.ts';

/** The interface ids an actor may see messages of (undefined: all). */
export async function visibleInterfaceIds(ctx: AppContext, actor: Actor): Promise<string[] | undefined> {
  const scope = interfaceScope(actor);
  if (!scope) return undefined;
  return (await listInterfaces(ctx.db, scope)).map((r) => r.id);
}

export async function listMessages(ctx: AppContext, actor: Actor, q: MessageQuery): Promise<Hl7MessageList> {
  const visible = await visibleInterfaceIds(ctx, actor);
  const wanted = q.interfaceId ? (visible && !visible.includes(q.interfaceId) ? [] : [q.interfaceId]) : visible;
  const rows = await searchMessages(ctx.db, {
    ...(wanted ? { interfaceIds: wanted } : {}),
    ...(q.status ? { status: q.status } : {}),
    errorsOnly: q.errorsOnly === 'true',
    ...(q.patientId ? { patientId: q.patientId } : {}),
    ...(q.from ? { from: jurisdictionDayStart(q.from) } : {}),
    // The search's "to" includes its day: up to the start of the next.
    ...(q.to ? { to: jurisdictionDayStart(addDays(q.to, 1)) } : {}),
    limit: q.limit,
  });
  const names = await interfaceNames(
    ctx.db,
    rows.map((r) => r.interface_id),
  );
  const patientIds = [...new Set(rows.map((r) => r.patient_id).filter((x): x is string => !!x))];
  await appendActorAudit(ctx.db, actor, { action: 'hl7.message.list', detail: { results: rows.length, patientIds } }, ctx.clock.now());
  return { messages: rows.map((r) => presentMessageSummary(r, r.interface_id ? (names.get(r.interface_id) ?? null) : null)) };
}

async function visibleMessage(ctx: AppContext, actor: Actor, id: string) {
  const row = await messageById(ctx.db, id);
  const visible = await visibleInterfaceIds(ctx, actor);
  if (!row || (visible && !(row.interface_id && visible.includes(row.interface_id)))) throw notFound('Message');
  return row;
}

export async function getMessage(ctx: AppContext, actor: Actor, id: string): Promise<Hl7MessageDetail> {
  const row = await visibleMessage(ctx, actor, id);
  const names = await interfaceNames(ctx.db, [row.interface_id]);
  await appendActorAudit(
    ctx.db,
    actor,
    { action: 'hl7.message.view', entityType: 'hl7_message', entityId: id, ...(row.patient_id ? { patientId: row.patient_id } : {}) },
    ctx.clock.now(),
  );
  return presentMessageDetail(row, row.interface_id ? (names.get(row.interface_id) ?? null) : null);
}

export async function reprocessMessage(ctx: AppContext, actor: Actor, id: string): Promise<Answer> {
  const row = await visibleMessage(ctx, actor, id);
  const sender = row.interface_id ? await interfaceWithClinics(ctx.db, row.interface_id) : undefined;
  if (!sender) throw notFound('Interface');
  await appendActorAudit(ctx.db, actor, { action: 'hl7.message.reprocess', entityType: 'hl7_message', entityId: id }, ctx.clock.now());
  return receiveMessage(ctx, { raw: row.raw, transport: 'reprocess', sender, ip: actor.ip, reprocessOf: id });
}

export async function qualityReport(ctx: AppContext, actor: Actor, days: number): Promise<Hl7QualityReport> {
  const from = new Date(ctx.clock.now().getTime() - days * 86_400_000);
  const rows = await qualityCounts(ctx.db, await visibleInterfaceIds(ctx, actor), from);
  return {
    counts: rows.map((r) => ({
      interfaceId: r.interface_id,
      day: r.day,
      messages: Number(r.messages),
      warnings: Number(r.warnings ?? 0),
      errors: Number(r.errors ?? 0),
    })),
  };
}
