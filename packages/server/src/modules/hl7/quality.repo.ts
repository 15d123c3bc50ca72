// SQL for the per-interface data-quality screen: the issues stored with each message (hl7_messages.issues),
// counted per rule, severity and week or month (in Connecticut's calendar), and the messages per period.
import { sql } from 'kysely';
import type { Db } from './interface.repo.ts';

export type Period = 'week' | 'month';

/** Issues per period start, rule and severity; messages per period start (rule null). */
export async function issueCountsByRule(db: Db, interfaceId: string, period: Period, from: Date) {
  const bucket = sql<string>`to_char(date_trunc(${period}, m.received_at AT TIME ZONE 'America/New_York'), 'YYYY-MM-DD')`;
  const issues = await sql<{ bucket: string; rule: string; severity: string; n: number }>`
    SELECT ${bucket} AS bucket, i->>'rule' AS rule, i->>'severity' AS severity, count(*)::int AS n
    FROM hl7_messages m CROSS JOIN LATERAL jsonb_array_elements(m.issues) i
    WHERE m.interface_id = ${interfaceId} AND m.received_at >= ${from}
    GROUP BY 1, 2, 3`.execute(db);
  const messages = await sql<{ bucket: string; n: number }>`
    SELECT ${bucket} AS bucket, count(*)::int AS n FROM hl7_messages m
    WHERE m.interface_id = ${interfaceId} AND m.received_at >= ${from}
    GROUP BY 1`.execute(db);
  return { issues: issues.rows, messages: messages.rows };
}
