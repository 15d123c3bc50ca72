// The DPH audit viewer: reading the log and checking its chain are themselves on record, so who looked
// at whose activity can be answered too.
import type { AuditChainCheck, AuditCheckpointWritten, AuditLogPage } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { queryAudit } from './audit-log.repo.ts';
import { conflict } from '../../errors.ts';
import { writeAuditCheckpoint } from './audit-checkpoint.ts';
import { appendActorAudit, type AuditActor } from './audit.service.ts';
import { verifyAuditChain } from './audit-verify.ts';
import { checkpointFileOf } from './checkpoint-file.ts';

export interface AuditFilters {
  actor?: string | undefined;
  action?: string | undefined;
  patientId?: string | undefined;
  organizationId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  outcome?: 'success' | 'failure' | 'denied' | undefined;
  page: number;
  pageSize: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function searchAuditLog(ctx: AppContext, actor: AuditActor, f: AuditFilters): Promise<AuditLogPage> {
  const from = f.from ? new Date(f.from) : undefined;
  // "to" as a date includes that whole day.
  const to = f.to ? new Date(DAY.test(f.to) ? Date.parse(f.to) + 86_400_000 : Date.parse(f.to)) : undefined;
  const { rows, total } = await queryAudit(ctx.db, { ...f, from, to, limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
  const filters = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
  await appendActorAudit(ctx.db, actor, { action: 'audit.view', detail: { filters, total } }, ctx.clock.now());
  return {
    entries: rows.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actorUserId: r.actor_user_id,
      actorUsername: r.actor_username,
      organizationId: r.organization_id,
      action: r.action,
      outcome: r.outcome,
      entityType: r.entity_type,
      entityId: r.entity_id,
      patientId: r.patient_id,
      ip: r.ip,
      detail: r.detail,
    })),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}

export async function verifyAuditLog(ctx: AppContext, actor: AuditActor): Promise<AuditChainCheck> {
  const result = await verifyAuditChain(ctx.db, ctx.keys, { checkpointFile: checkpointFileOf(ctx.config.DATA_DIR) });
  await appendActorAudit(
    ctx.db,
    actor,
    { action: 'audit.verify', outcome: result.ok ? 'success' : 'failure', detail: { ...result } },
    ctx.clock.now(),
  );
  return { ok: result.ok, checked: result.checked, brokenAt: result.brokenAt ?? null, problem: result.problem ?? null };
}

/** On demand: check the rows since the last checkpoint and sign the head. */
export async function checkpointAuditLog(ctx: AppContext, actor: AuditActor): Promise<AuditCheckpointWritten> {
  const r = await writeAuditCheckpoint(ctx);
  const detail = r.ok ? { seq: r.checkpoint.seq, count: r.checkpoint.count } : { brokenAt: r.brokenAt ?? null, problem: r.problem ?? null };
  await appendActorAudit(ctx.db, actor, { action: 'audit.checkpoint', outcome: r.ok ? 'success' : 'failure', detail }, ctx.clock.now());
  if (!r.ok)
    throw conflict(`The audit chain does not verify, so no checkpoint was written: ${r.problem}`, { brokenAt: r.brokenAt ?? null });
  return { at: r.checkpoint.at, seq: r.checkpoint.seq, count: r.checkpoint.count };
}
