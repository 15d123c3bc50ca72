import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';

export interface AuditQuery {
  /** Username (case-insensitive, exact) of whoever acted. */
  actor?: string | undefined;
  /** An action or a prefix of dotted actions: "login" finds login.success and login.failure. */
  action?: string | undefined;
  patientId?: string | undefined;
  organizationId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  outcome?: string | undefined;
  limit: number;
  offset: number;
}

export async function queryAudit(db: Kysely<Database>, f: AuditQuery) {
  let q = db.selectFrom('audit_log');
  if (f.actor) q = q.where((eb) => eb(eb.fn('lower', ['actor_username']), '=', f.actor!.toLowerCase()));
  if (f.action) {
    const prefix = f.action.replace(/[\\%_]/g, (c) => `\\${c}`);
    q = q.where((eb) => eb.or([eb('action', '=', f.action!), eb('action', 'like', `${prefix}.%`)]));
  }
  if (f.patientId) q = q.where('patient_id', '=', f.patientId);
  if (f.organizationId) q = q.where('organization_id', '=', f.organizationId);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  if (f.outcome) q = q.where('outcome', '=', f.outcome);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('seq', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
