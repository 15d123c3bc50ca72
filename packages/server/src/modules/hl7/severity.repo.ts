// SQL on hl7_dq_severities / hl7_dq_severity_changes (owned by modules/hl7): DPH's severity per data-quality rule.
// A change is one conditional statement on the version the editor saw, so two editors cannot both win.
import type { Db } from './interface.repo.ts';

export type StoredSeverity = 'E' | 'W' | 'I' | 'ignore';

export function allSeverities(db: Db) {
  return db.selectFrom('hl7_dq_severities').select(['rule', 'severity', 'version', 'changed_at']).execute();
}

/**
 * Sets a rule's severity if its version is still `version` (0: never changed). Returns the new version, or
 * undefined when someone changed it first.
 */
export async function setSeverity(
  db: Db,
  c: { rule: string; severity: StoredSeverity; version: number; by: string | null; at: Date },
): Promise<number | undefined> {
  if (c.version === 0) {
    const row = await db
      .insertInto('hl7_dq_severities')
      .values({ rule: c.rule, severity: c.severity, version: 1, changed_by: c.by, changed_at: c.at })
      .onConflict((oc) => oc.column('rule').doNothing())
      .returning('version')
      .executeTakeFirst();
    return row?.version;
  }
  const row = await db
    .updateTable('hl7_dq_severities')
    .set((eb) => ({ severity: c.severity, version: eb('version', '+', 1), changed_by: c.by, changed_at: c.at }))
    .where('rule', '=', c.rule)
    .where('version', '=', c.version)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

export async function insertSeverityChange(
  db: Db,
  c: { rule: string; from: string; to: string; version: number; reason: string; by: string | null; at: Date },
): Promise<void> {
  await db
    .insertInto('hl7_dq_severity_changes')
    .values({
      rule: c.rule,
      from_severity: c.from,
      to_severity: c.to,
      version: c.version,
      reason: c.reason,
      changed_by: c.by,
      changed_at: c.at,
    })
    .execute();
}

export function severityChangesOf(db: Db, rule: string) {
  return db
    .selectFrom('hl7_dq_severity_changes')
    .select(['from_severity', 'to_severity', 'version', 'reason', 'changed_at'])
    .where('rule', '=', rule)
    .orderBy('id', 'desc')
    .limit(20)
    .execute();
}
