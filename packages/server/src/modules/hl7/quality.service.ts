// The per-interface data-quality screen: the issues the registry raised on one interface's messages, per rule
// and per week or month, for DPH and for the coordinators of the interface's clinics (the message log's scope).
import type { Hl7RuleQuality } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { addDays, jurisdictionDayStart, jurisdictionToday } from '../../dates.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { visibleInterfaceIds } from './message-log.service.ts';
import { interfaceById } from './interface.repo.ts';
import { issueCountsByRule, type Period } from './quality.repo.ts';

/** The start of the week (Monday) or month of an ISO date. */
export function periodStart(date: string, period: Period): string {
  if (period === 'month') return `${date.slice(0, 7)}-01`;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** The last `count` period starts up to today's, oldest first. */
export function periodStarts(today: string, period: Period, count: number): string[] {
  const out = [periodStart(today, period)];
  while (out.length < count) {
    const previous = period === 'month' ? periodStart(addDays(out[0]!, -1), 'month') : addDays(out[0]!, -7);
    out.unshift(previous);
  }
  return out;
}

export async function ruleQuality(
  ctx: AppContext,
  actor: Actor,
  q: { interfaceId: string; period: Period; periods: number },
): Promise<Hl7RuleQuality> {
  const visible = await visibleInterfaceIds(ctx, actor);
  // Another clinic's interface is "not found", as in the message log (its existence is not the caller's business).
  if (visible && !visible.includes(q.interfaceId)) throw notFound('Interface');
  // DPH sees every interface: one that does not exist is not found either (zeros would read as a clean record).
  if (!visible && !(await interfaceById(ctx.db, q.interfaceId))) throw notFound('Interface');
  const periods = periodStarts(jurisdictionToday(ctx.clock), q.period, q.periods);
  const counts = await issueCountsByRule(ctx.db, q.interfaceId, q.period, jurisdictionDayStart(periods[0]!));
  const index = new Map(periods.map((p, i) => [p, i]));
  const messages = periods.map(() => 0);
  for (const m of counts.messages) if (index.has(m.bucket)) messages[index.get(m.bucket)!] = m.n;
  const rules = new Map<string, Hl7RuleQuality['rules'][number]>();
  for (const r of counts.issues) {
    const i = index.get(r.bucket);
    if (i === undefined) continue;
    const key = `${r.rule}|${r.severity}`;
    const entry = rules.get(key) ?? { rule: r.rule, severity: r.severity as 'E' | 'W' | 'I', counts: periods.map(() => 0), total: 0 };
    entry.counts[i] = (entry.counts[i] ?? 0) + r.n;
    entry.total += r.n;
    rules.set(key, entry);
  }
  return {
    interfaceId: q.interfaceId,
    period: q.period,
    periods,
    messages,
    rules: [...rules.values()].sort((a, b) => b.total - a.total || a.rule.localeCompare(b.rule)),
  };
}
