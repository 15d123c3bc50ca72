// SQL for printed certificates (certificate_issues).
import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';

export async function insertCertificateIssue(
  db: Kysely<Database>,
  issue: {
    code: string;
    patientId: string;
    kind: 'full' | 'covid';
    printedOn: string;
    printedBy: string;
    issuedAt: Date;
    issuedBy: string;
  },
): Promise<void> {
  await db
    .insertInto('certificate_issues')
    .values({
      code: issue.code,
      patient_id: issue.patientId,
      kind: issue.kind,
      printed_on: issue.printedOn,
      printed_by: issue.printedBy,
      issued_at: issue.issuedAt,
      issued_by: issue.issuedBy,
    })
    .execute();
}

/** The latest printing of a code (the same record prints the same code each time). */
export function latestCertificateIssue(db: Kysely<Database>, code: string) {
  return db
    .selectFrom('certificate_issues')
    .select(['id', 'patient_id', 'kind', 'printed_on', 'printed_by'])
    .where('code', '=', code)
    .orderBy('issued_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
