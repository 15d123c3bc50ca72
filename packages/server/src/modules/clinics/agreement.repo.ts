// SQL for provider_agreements (each revision of a clinic's agreement for a program year), their signatures and
// the programs' conditions texts. The only file that touches these tables.

import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { AgreementProgram, AgreementSignatureTable, AgreementStatus, Database, ProviderAgreementTable } from '@nutmeg/db';

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

export type AgreementRow = Selectable<ProviderAgreementTable>;
export type SignatureRow = Selectable<AgreementSignatureTable>;

/** The conditions text in effect on a day: the latest one effective by then. */
export function conditionsInEffect(db: Db, program: AgreementProgram, onDate: string) {
  return db
    .selectFrom('agreement_conditions')
    .selectAll()
    .where('program', '=', program)
    .where('effective_from', '<=', onDate)
    .orderBy('effective_from', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function conditionsTitle(db: Db, program: AgreementProgram, version: string) {
  return db
    .selectFrom('agreement_conditions')
    .select('title')
    .where('program', '=', program)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function agreementsOf(db: Db, organizationId: string): Promise<AgreementRow[]> {
  return db
    .selectFrom('provider_agreements')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('program_year', 'desc')
    .orderBy('program')
    .orderBy('revision', 'desc')
    .execute();
}

export function agreementById(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<AgreementRow | undefined> {
  let q = db.selectFrom('provider_agreements').selectAll().where('id', '=', id);
  if (opts.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The latest revision of the clinic's agreement for a program year, locked so that revisions are numbered one at a time. */
export function latestRevision(db: Db, organizationId: string, program: AgreementProgram, year: number): Promise<AgreementRow | undefined> {
  return db
    .selectFrom('provider_agreements')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('program', '=', program)
    .where('program_year', '=', year)
    .orderBy('revision', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

export function insertAgreement(db: Db, row: Insertable<ProviderAgreementTable>): Promise<AgreementRow> {
  return db.insertInto('provider_agreements').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Changes a draft's data, only over the version the editor read and only while it is a draft. */
export function updateDraft(db: Db, id: string, version: number, data: string, now: Date): Promise<AgreementRow | undefined> {
  return db
    .updateTable('provider_agreements')
    .set((eb) => ({ data, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Moves a revision from one status to the next (the WHERE on the old status makes each move happen once). */
export function setStatus(
  db: Db,
  id: string,
  from: readonly AgreementStatus[],
  change: Updateable<ProviderAgreementTable> & { status: AgreementStatus },
  now: Date,
): Promise<AgreementRow | undefined> {
  return db
    .updateTable('provider_agreements')
    .set((eb) => ({ ...change, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .returningAll()
    .executeTakeFirst();
}

export function signaturesOf(db: Db, agreementIds: readonly string[]): Promise<SignatureRow[]> {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agreement_signatures')
    .selectAll()
    .where('agreement_id', 'in', [...agreementIds])
    .orderBy('signed_at')
    .execute();
}

export function insertSignature(db: Db, row: Insertable<AgreementSignatureTable>): Promise<SignatureRow> {
  return db.insertInto('agreement_signatures').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Every revision of the clinics' agreements for a program year (the clinic list shows the latest of each). */
export function agreementsForYear(db: Db, organizationIds: readonly string[], year: number) {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('provider_agreements')
    .select(['organization_id', 'program', 'revision', 'status'])
    .where('organization_id', 'in', [...organizationIds])
    .where('program_year', '=', year)
    .orderBy('revision')
    .execute();
}

/** Every revision's status of the clinics' agreements of these program years (the renewal job reads them). */
export function agreementsForYears(db: Db, organizationIds: readonly string[], years: readonly number[]) {
  if (organizationIds.length === 0 || years.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('provider_agreements')
    .select(['organization_id', 'program', 'program_year', 'status'])
    .where('organization_id', 'in', [...organizationIds])
    .where('program_year', 'in', [...years])
    .execute();
}
