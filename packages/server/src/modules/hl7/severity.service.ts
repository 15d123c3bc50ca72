// DPH's per-jurisdiction severity of each data-quality rule (the dq-rules/ detections with their defaults):
// error (rejects what it is about), warning, information, or ignore (not reported). A change names the version
// it was made on (a stale one is a 409), is kept in the rule's history and audited; processing uses it at once in
// this process and within REFRESH_MS in any other.
import type { Hl7SeverityList, Hl7SeverityRule } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { conflict, notFound } from '../../errors.ts';
import { inTransaction } from '../../transaction.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { dqRules, useSeveritySettings, type Severity } from './dq-rules.ts';
import * as repo from './severity.repo.ts';

const REFRESH_MS = 5_000;
let loadedAt = -Infinity;

const toSeverity = (s: repo.StoredSeverity): Severity => (s === 'ignore' ? null : s);
const stored = (s: Severity): repo.StoredSeverity => s ?? 'ignore';

/** Loads DPH's settings into the rules processing reads, at most every REFRESH_MS (one query per period). */
export async function refreshSeverities(ctx: AppContext, force = false): Promise<void> {
  const now = Date.now();
  if (!force && now - loadedAt < REFRESH_MS) return;
  const rows = await repo.allSeverities(ctx.db);
  useSeveritySettings(new Map(rows.map((r) => [r.rule, toSeverity(r.severity)])));
  loadedAt = now;
}

export async function listSeverities(ctx: AppContext): Promise<Hl7SeverityList> {
  const rows = new Map((await repo.allSeverities(ctx.db)).map((r) => [r.rule, r]));
  const rules: Hl7SeverityRule[] = [...dqRules()].map(([rule, d]) => {
    const set = rows.get(rule);
    return {
      rule,
      type: d.type,
      defaultSeverity: stored(d.severity),
      severity: set ? set.severity : stored(d.severity),
      version: set?.version ?? 0,
      changedAt: set ? set.changed_at.toISOString() : null,
    };
  });
  rules.sort((a, b) => a.rule.localeCompare(b.rule));
  return { rules };
}

export async function changeSeverity(
  ctx: AppContext,
  actor: Actor,
  rule: string,
  body: { severity: repo.StoredSeverity; version: number; reason: string },
): Promise<Hl7SeverityRule> {
  const d = dqRules().get(rule);
  if (!d) throw notFound('Data-quality rule');
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (trx) => {
    const before = (await repo.allSeverities(trx)).find((r) => r.rule === rule);
    const from = before?.severity ?? stored(d.severity);
    const version = await repo.setSeverity(trx, { rule, severity: body.severity, version: body.version, by: actor.userId, at: now });
    if (version === undefined) throw conflict('Someone changed this rule’s severity meanwhile: reload and try again');
    await repo.insertSeverityChange(trx, { rule, from, to: body.severity, version, reason: body.reason, by: actor.userId, at: now });
    await appendActorAudit(
      trx,
      actor,
      {
        action: 'hl7.dq_severity.change',
        entityType: 'hl7_dq_rule',
        entityId: rule,
        detail: { from, to: body.severity, version, reason: body.reason },
      },
      now,
    );
  });
  await refreshSeverities(ctx, true);
  const out = (await listSeverities(ctx)).rules.find((r) => r.rule === rule)!;
  return out;
}
