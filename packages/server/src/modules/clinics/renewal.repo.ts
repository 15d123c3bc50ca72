// SQL for agreement_renewal_notices: which renewal mails were sent. The only file that touches it.

import type { Kysely } from 'kysely';
import type { AgreementProgram, Database } from '@nutmeg/db';

type Db = Kysely<Database>;

/**
 * Claims a notice: true when this call recorded it (the caller mails it in the same transaction), false when it
 * was sent already (by an earlier night or another worker).
 */
export async function claimNotice(
  db: Db,
  n: { organizationId: string; program: AgreementProgram; programYear: number; kind: 'reminder' | 'lapsed'; recipients: number; at: Date },
): Promise<boolean> {
  const row = await db
    .insertInto('agreement_renewal_notices')
    .values({
      organization_id: n.organizationId,
      program: n.program,
      program_year: n.programYear,
      kind: n.kind,
      sent_at: n.at,
      recipients: n.recipients,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('organization_id')
    .executeTakeFirst();
  return !!row;
}

/** The notices sent for a program year, by clinic (DPH's not-renewed view shows when each was reminded). */
export function noticesForYear(db: Db, organizationIds: readonly string[], programYear: number) {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agreement_renewal_notices')
    .select(['organization_id', 'program', 'kind', 'sent_at'])
    .where('organization_id', 'in', [...organizationIds])
    .where('program_year', '=', programYear)
    .orderBy('sent_at')
    .execute();
}
