// SQL for account requests and the agreement texts they accept (account_requests, agreement_versions).
import { sql, type Insertable, type Kysely } from 'kysely';
import type { AgreementAcceptance, AgreementVersionTable, Database } from '@nutmeg/db';

/**
 * The agreement texts in force at `at`: per kind, the latest version already effective (or, when
 * none is yet — a freshly seeded install whose clock lags the database's — the earliest one).
 */
export async function currentAgreements(db: Kysely<Database>, at: Date) {
  const rows = await db.selectFrom('agreement_versions').selectAll().orderBy('effective_at', 'asc').execute();
  const byKind = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!byKind.has(r.kind) || r.effective_at <= at) byKind.set(r.kind, r);
  // The user agreement first, then the confidentiality agreement.
  return [...byKind.values()].sort((a, b) => b.kind.localeCompare(a.kind));
}

/** Adds agreement texts; a kind and version already there is left as it is. */
export async function insertAgreementVersionsUnlessExist(db: Kysely<Database>, versions: ReadonlyArray<Insertable<AgreementVersionTable>>) {
  if (versions.length === 0) return;
  await db
    .insertInto('agreement_versions')
    .values([...versions])
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function findPendingRequest(db: Kysely<Database>, email: string, accessType: string) {
  return db
    .selectFrom('account_requests')
    .select('id')
    .where('email', '=', email)
    .where('access_type', '=', accessType)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

/** Pending requests that name the organization (clinic tools shows which staff have one). */
export function pendingRequestsAt(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('account_requests')
    .select(['email', 'first_name', 'last_name', 'access_type', 'created_at'])
    .where('status', '=', 'pending')
    .where(sql<boolean>`${organizationId}::uuid = ANY(organization_ids)`)
    .orderBy('created_at')
    .execute();
}

export interface NewAccountRequest {
  accessType: string;
  organizationIds: string[];
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  jobTitle: string;
  agreements: AgreementAcceptance[];
  ip: string | null;
  now: Date;
}

export async function insertRequest(db: Kysely<Database>, r: NewAccountRequest) {
  return db
    .insertInto('account_requests')
    .values({
      access_type: r.accessType,
      organization_ids: r.organizationIds,
      first_name: r.firstName,
      last_name: r.lastName,
      email: r.email,
      phone: r.phone,
      job_title: r.jobTitle,
      agreements: JSON.stringify(r.agreements),
      request_ip: r.ip,
      created_at: r.now,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

export async function listRequests(db: Kysely<Database>, f: { status?: string | undefined; limit: number; offset: number }) {
  let q = db.selectFrom('account_requests');
  if (f.status) q = q.where('status', '=', f.status as 'pending');
  const [rows, total] = await Promise.all([
    q
      .selectAll()
      .orderBy('created_at', f.status === 'pending' ? 'asc' : 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findRequest(db: Kysely<Database>, id: string, forUpdate = false) {
  let q = db.selectFrom('account_requests').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}
export type AccountRequestRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

export async function decideRequest(
  db: Kysely<Database>,
  id: string,
  d: { status: 'approved' | 'denied'; by: string; at: Date; reason: string | null; userId: string | null },
) {
  await db
    .updateTable('account_requests')
    .set({ status: d.status, decided_by: d.by, decided_at: d.at, decision_reason: d.reason, user_id: d.userId })
    .where('id', '=', id)
    .execute();
}
