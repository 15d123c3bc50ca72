// SQL of the reports module: saved cohorts, notices sent to patients, letter templates.
import { sql, type Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';

type Db = Kysely<Database>;

export async function insertCohort(
  db: Db,
  c: { organizationId: string; name: string; criteria: Record<string, unknown>; by: string },
): Promise<{ id: string; created_at: Date } | undefined> {
  return db
    .insertInto('report_cohorts')
    .values({ organization_id: c.organizationId, name: c.name, criteria: JSON.stringify(c.criteria), created_by: c.by })
    .onConflict((oc) => oc.columns(['organization_id', 'name']).doNothing())
    .returning(['id', 'created_at'])
    .executeTakeFirst();
}

export async function cohortsOf(db: Db, organizationId: string) {
  return db
    .selectFrom('report_cohorts')
    .select(['id', 'name', 'criteria', 'created_at'])
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .execute();
}

export async function cohortById(db: Db, id: string) {
  return db
    .selectFrom('report_cohorts')
    .select(['id', 'organization_id', 'name', 'criteria', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function deleteCohort(db: Db, id: string, organizationId: string): Promise<boolean> {
  const r = await db.deleteFrom('report_cohorts').where('id', '=', id).where('organization_id', '=', organizationId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function insertNotifications(
  db: Db,
  rows: ReadonlyArray<{
    patientId: string;
    organizationId: string;
    method: 'letter' | 'phone' | 'email' | 'text';
    on: string;
    vaccineGroups: string[];
    cohortId: string | null;
    by: string;
  }>,
): Promise<number> {
  if (rows.length === 0) return 0;
  const values = rows.map((r) => ({
    patient_id: r.patientId,
    organization_id: r.organizationId,
    method: r.method,
    notified_on: r.on,
    vaccine_groups: r.vaccineGroups,
    cohort_id: r.cohortId,
    recorded_by: r.by,
  }));
  for (let i = 0; i < values.length; i += 5000)
    await db
      .insertInto('patient_notifications')
      .values(values.slice(i, i + 5000))
      .execute();
  return rows.length;
}

export async function notificationsOfPatient(db: Db, patientId: string) {
  return db
    .selectFrom('patient_notifications')
    .select(['id', 'organization_id', 'method', 'notified_on', 'vaccine_groups', 'recorded_at'])
    .where('patient_id', '=', patientId)
    .orderBy('notified_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
}

/** The last notice each of these patients got from a clinic. */
export async function lastNotifications(db: Db, organizationId: string, patientIds: readonly string[]) {
  if (patientIds.length === 0) return new Map<string, { on: string; method: string }>();
  const rows = await db
    .selectFrom('patient_notifications')
    .distinctOn('patient_id')
    .select(['patient_id', 'notified_on', 'method'])
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', sql<string>`ANY(${[...patientIds]}::uuid[])`)
    .orderBy('patient_id')
    .orderBy('notified_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.patient_id, { on: r.notified_on, method: r.method }]));
}

export async function letterTemplateOf(db: Db, organizationId: string, language: 'en' | 'es') {
  return db
    .selectFrom('letter_templates')
    .select(['body'])
    .where('organization_id', '=', organizationId)
    .where('language', '=', language)
    .executeTakeFirst();
}

export async function upsertLetterTemplate(
  db: Db,
  t: { organizationId: string; language: 'en' | 'es'; body: string; by: string; at: Date },
) {
  await db
    .insertInto('letter_templates')
    .values({ organization_id: t.organizationId, language: t.language, body: t.body, updated_by: t.by, updated_at: t.at })
    .onConflict((oc) => oc.columns(['organization_id', 'language']).doUpdateSet({ body: t.body, updated_by: t.by, updated_at: t.at }))
    .execute();
}
