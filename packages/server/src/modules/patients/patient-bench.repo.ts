// Set-based synthetic people for the reports benchmark (`nutmeg bench population`): a slice of person numbers
// becomes patients, a current address, a phone and (for children) a guardian in a few INSERT … SELECT
// statements over generate_series, so millions of rows load in minutes. Every value derives from the person
// number through md5, so a slice loaded twice is the same people (ids included) and a load can resume.
import { sql } from 'kysely';
import type { Db } from './patient.repo.ts';

export interface BenchSlice {
  /** Person numbers, inclusive. */
  from: number;
  to: number;
  jurisdictionId: string;
  /** Prefix of the synthetic IIS ids (never a state code followed by digits only: those are real ids' shape). */
  iisPrefix: string;
  asOf: string;
  towns: readonly string[];
  /** People 1..benchClinicPatients are children (0–18) of this clinic: the reminder/recall benchmark's clinic. */
  benchClinicId: string;
  benchClinicPatients: number;
  /** Medical homes of everyone else (about 70% have one). */
  otherClinicIds: readonly string[];
}

const FIRST = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Mateo',
  'Sofia',
  'Lucas',
  'Mia',
  'Elijah',
  'Isabella',
  'James',
  'Aaliyah',
  'Kai',
  'Camila',
  'Ethan',
];
const LAST = [
  'Smith',
  'Garcia',
  'Johnson',
  'Rodriguez',
  'Nguyen',
  'Williams',
  'Rivera',
  'Brown',
  'Kowalski',
  'Jones',
  'Martinez',
  'Davis',
  'Lopez',
  'Wilson',
  'Perez',
  'Anderson',
  'Thomas',
  'Moore',
  'Jackson',
  'Lee',
];

/** Inserts one slice of people with their child rows (one statement per table); the caller's transaction. */
export async function insertBenchPeople(db: Db, s: BenchSlice): Promise<Array<{ id: string; dob: string }>> {
  // Compiling these statements (JIT) costs more than running them.
  await sql`SET LOCAL jit = off`.execute(db);
  const people = await sql<{ id: string; dob: string }>`
    WITH s AS (
      SELECT n, ('x' || substr(md5('nutmeg-bench-' || n), 1, 8))::bit(32)::int & 2147483647 AS h1,
                ('x' || substr(md5('nutmeg-bench-' || n), 9, 8))::bit(32)::int & 2147483647 AS h2
      FROM generate_series(${s.from}::int, ${s.to}::int) AS n
    ), v AS (
      SELECT n, h1, h2,
        (${FIRST}::text[])[1 + h1 % ${FIRST.length}] AS first_name,
        (${LAST}::text[])[1 + h2 % ${LAST.length}] AS last_name,
        ${s.asOf}::date - (h1 % (CASE WHEN n <= ${s.benchClinicPatients} THEN 19 * 365 ELSE 90 * 365 END)) AS dob
      FROM s
    )
    INSERT INTO patients (id, iis_id, jurisdiction_id, first_name, last_name, dob, sex, language, first_norm, last_norm,
                          first_soundex, last_soundex, town, jurisdiction_status, owner_org_id, opted_out)
    SELECT md5('nutmeg-bench-' || n)::uuid, ${s.iisPrefix} || lpad(n::text, 10, '0'), ${s.jurisdictionId},
      first_name, last_name, dob, CASE WHEN h1 % 2 = 0 THEN 'F' ELSE 'M' END,
      CASE WHEN h2 % 7 = 0 THEN 'es' ELSE 'en' END,
      lower(first_name), lower(last_name), soundex(first_name), soundex(last_name),
      (${s.towns}::text[])[1 + (h2 / 7) % ${s.towns.length}],
      -- 1% moved away (they stay out of every count), 0.5% opted out.
      CASE WHEN h2 % 100 = 1 THEN 'moved' ELSE 'active' END,
      CASE WHEN n <= ${s.benchClinicPatients} THEN ${s.benchClinicId}::uuid
           WHEN h1 % 10 < 7 THEN (${s.otherClinicIds}::uuid[])[1 + (h1 / 10) % ${s.otherClinicIds.length}] END,
      h2 % 200 = 3
    FROM v
    RETURNING id, dob::text AS dob`.execute(db);
  // Addresses, phones and guardians only for the benchmark clinic's patients (reminder/recall reads them; coverage
  // does not), which keeps a 5-million load within minutes.
  const ids = sql`(SELECT n, md5('nutmeg-bench-' || n)::uuid AS id, ('x' || substr(md5('nutmeg-bench-' || n), 9, 8))::bit(32)::int & 2147483647 AS h
      FROM generate_series(${s.from}::int, ${Math.min(s.to, s.benchClinicPatients)}::int) AS n)`;
  // 2% without an address (reminder/recall flags them), the rest a current home address in their town.
  await sql`INSERT INTO patient_addresses (patient_id, street, city, state, zip, street_norm)
    SELECT x.id, (1 + x.h % 999) || ' Main St', p.town, 'CT', '06' || lpad((x.h % 1000)::text, 3, '0'), (1 + x.h % 999) || ' main st'
    FROM ${ids} AS x JOIN patients p ON p.id = x.id WHERE x.h % 50 <> 0`.execute(db);
  await sql`INSERT INTO patient_phones (patient_id, number)
    SELECT id, '860' || lpad((x.h % 10000000)::text, 7, '0') FROM ${ids} AS x`.execute(db);
  await sql`INSERT INTO patient_guardians (patient_id, first_name, last_name, relationship, first_norm, last_norm)
    SELECT p.id, 'Maria', p.last_name, 'MTH', 'maria', p.last_norm
    FROM ${ids} AS x JOIN patients p ON p.id = x.id WHERE p.dob > ${s.asOf}::date - 18 * 365`.execute(db);
  return people.rows;
}

/** Whether the slice ending with person number `to` is loaded (a slice is loaded in one transaction). */
export async function benchSliceLoaded(db: Db, iisPrefix: string, to: number): Promise<boolean> {
  const r = await db
    .selectFrom('patients')
    .select('id')
    .where('iis_id', '=', `${iisPrefix}${String(to).padStart(10, '0')}`)
    .executeTakeFirst();
  return r !== undefined;
}
