// SQL for provider_agreements: each revision of a clinic's agreement for a program year. The only file that
// touches the table.

import type { Kysely } from 'kysely';
import type { AgreementProgram, Database } from '@nutmeg/db';

type Db = Kysely<Database>;

/** True when an approved revision of the program's agreement covers the day. */
export async function approvedCovering(db: Db, organizationId: string, program: AgreementProgram, onDate: string): Promise<boolean> {
  const row = await db
    .selectFrom('provider_agreements')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('program', '=', program)
    .where('status', '=', 'approved')
    .where('valid_from', '<=', onDate)
    .where('valid_until', '>=', onDate)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
