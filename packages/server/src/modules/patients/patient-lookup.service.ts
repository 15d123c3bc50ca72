// Look-ups by identifier (an IIS id, an MRN, a phone number alone) show a record without knowing who the
// person is, which is how a registry is harvested. They are counted per user per hour: at ID_LOOKUP_ALERT_AT
// DPH is alerted (an audit entry, and the list below), past ID_LOOKUPS_PER_HOUR the user is refused.

import type { PatientLookupAlerts } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { AppError, invalid } from '../../errors.ts';
import { userNamesByIds, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { iisIdProblem } from './iis-id.ts';
import { alertedWindowsSince, incrementLookups, markAlerted } from './patient-lookup.repo.ts';
import type { SearchQuery } from './patient.schemas.ts';

const HOUR = 3_600_000;

export function isIdentifierLookup(q: Partial<SearchQuery>): boolean {
  return !!(q.iisId || q.mrn || (q.phone && !q.lastName && !q.firstName));
}

/** Checks a typed IIS id and counts an identifier look-up; throws 400 for a bad check digit, 429 past the limit. */
export async function admitIdentifierLookup(ctx: AppContext, actor: Actor, q: Partial<SearchQuery>): Promise<void> {
  const problem = q.iisId ? iisIdProblem(q.iisId) : undefined;
  if (problem) throw invalid(`IIS id ${q.iisId}: ${problem}.`, [{ path: 'iisId', message: problem }]);
  if (!isIdentifierLookup(q)) return;
  const now = ctx.clock.now();
  const windowStart = new Date(Math.floor(now.getTime() / HOUR) * HOUR);
  const lookups = await incrementLookups(ctx.db, actor.userId, windowStart);
  const { ID_LOOKUPS_PER_HOUR: limit, ID_LOOKUP_ALERT_AT: alertAt } = ctx.config;
  const detail = { lookups, limit, alertAt, windowStart: windowStart.toISOString() };
  if (lookups >= alertAt && (await markAlerted(ctx.db, actor.userId, windowStart, now))) {
    await appendActorAudit(
      ctx.db,
      actor,
      { action: 'patient.lookup.bulk', outcome: 'failure', entityType: 'user', entityId: actor.userId, detail },
      now,
    );
  }
  if (lookups > limit) {
    await appendActorAudit(
      ctx.db,
      actor,
      { action: 'patient.lookup.refused', outcome: 'denied', entityType: 'user', entityId: actor.userId, detail },
      now,
    );
    throw new AppError(
      'rate_limited',
      `You have looked up ${limit} records by identifier in this hour, the most allowed, and DPH has been told. Search by name and date of birth, or wait for the next hour.`,
    );
  }
}

/** DPH: users who crossed the alert threshold in the last week (viewing the list names them, so it is audited). */
export async function listLookupAlerts(ctx: AppContext, actor: Actor): Promise<PatientLookupAlerts> {
  const windows = await alertedWindowsSince(ctx.db, new Date(ctx.clock.now().getTime() - 7 * 24 * HOUR));
  const users = new Map((await userNamesByIds(ctx.db, [...new Set(windows.map((w) => w.user_id))])).map((u) => [u.id, u]));
  // The alerts of users that exist (a window's user_id references users).
  const rows = windows.flatMap((w) => {
    const u = users.get(w.user_id);
    return u ? [{ ...w, username: u.username, first_name: u.first_name, last_name: u.last_name }] : [];
  });
  await appendActorAudit(
    ctx.db,
    actor,
    { action: 'user.list', entityType: 'user', detail: { userIds: rows.map((r) => r.user_id), list: 'patient-lookup-alerts' } },
    ctx.clock.now(),
  );
  return {
    limit: ctx.config.ID_LOOKUPS_PER_HOUR,
    alertAt: ctx.config.ID_LOOKUP_ALERT_AT,
    alerts: rows.map((r) => ({
      userId: r.user_id,
      username: r.username,
      name: `${r.first_name} ${r.last_name}`,
      windowStart: r.window_start.toISOString(),
      lookups: r.lookups,
      refused: r.lookups > ctx.config.ID_LOOKUPS_PER_HOUR,
      alertedAt: r.alerted_at!.toISOString(),
    })),
  };
}
