// SQL for patient search: candidate blocking (trigram, phonetic, DOB variants, identifiers, phone, maiden
// name, guardian, address), each branch index-backed and capped, and the match subjects the ranking reads.

import { sql } from 'kysely';
import type { MatchSubject } from './patient-match.ts';
import { dobVariants, givenNameVariants, isValidDate, nameKeys, normalizeName, normalizePhone, normalizeStreet } from './patient-keys.ts';
import type { Db, Visibility } from './patient.repo.ts';

export interface CandidateQuery {
  first?: string | undefined;
  last?: string | undefined;
  dob?: string | undefined;
  mothersMaidenName?: string | undefined;
  guardianLast?: string | undefined;
  phone?: string | undefined;
  zip?: string | undefined;
  street?: string | undefined;
  iisId?: string | undefined;
  mrn?: string | undefined;
}

const BRANCH_LIMIT = 200;

function visible(v: Visibility) {
  const parts = [sql`p.merged_into IS NULL`];
  if (!v.includeOptedOut) parts.push(sql`p.opted_out = false`);
  if (v.towns) parts.push(v.towns.length ? sql`p.town = ANY(${[...v.towns]}::text[])` : sql`false`);
  if (v.patientIds) parts.push(v.patientIds.length ? sql`p.id = ANY(${[...v.patientIds]}::uuid[])` : sql`false`);
  return sql.join(parts, sql` AND `);
}

/**
 * The live record a registry id (IIS id, or the id of a record since merged into it) names, within the
 * visibility: what a sender's PID-3 SR identifier points at.
 */
export async function recordByIisId(db: Db, iisId: string, v: Visibility) {
  const iis = iisId.trim().toUpperCase();
  const r = await sql<{ id: string; dob: string; last_norm: string; first_norm: string }>`
    SELECT p.id, to_char(p.dob, 'YYYY-MM-DD') AS dob, p.last_norm, p.first_norm FROM patients p
    WHERE (p.iis_id = ${iis} OR p.id IN (SELECT patient_id FROM patient_identifiers WHERE value = ${iis} AND type = 'IIS'))
      AND ${visible(v)}
    LIMIT 1`.execute(db);
  return r.rows[0];
}

/**
 * Name filter for DOB-blocked rows: the surname AND the given name each resemble the query (trigram, word,
 * phonetic, nickname), either way round for swapped names. Loose enough for typos, tight enough that a
 * DOB shared by hundreds of people yields a handful of candidates.
 */
function nameResembles(q: CandidateQuery) {
  const last = normalizeName(q.last);
  const first = normalizeName(q.first);
  const k = nameKeys(q.first ?? '', q.last ?? '');
  const lastLike = last
    ? sql`(similarity(p.last_norm, ${last}) > 0.3 OR word_similarity(${last}, p.last_norm) > 0.6 OR word_similarity(p.last_norm, ${last}) > 0.6 OR p.last_soundex = ${k.last_soundex} OR levenshtein(p.last_norm, ${last}) <= 2)`
    : undefined;
  const firstLike = first
    ? sql`(similarity(p.first_norm, ${first}) > 0.3 OR p.first_soundex = ${k.first_soundex} OR p.first_norm = ANY(${givenNameVariants(q.first ?? '')}::text[]) OR levenshtein(p.first_norm, ${first}) <= 2 OR (length(${first}) = 1 AND left(p.first_norm, 1) = ${first}))`
    : undefined;
  const swapped = last && first ? sql`(similarity(p.first_norm, ${last}) > 0.4 AND similarity(p.last_norm, ${first}) > 0.4)` : undefined;
  if (lastLike && firstLike) return sql`((${lastLike} AND ${firstLike}) OR ${swapped!})`;
  return lastLike ?? firstLike ?? sql`true`;
}

function lastResembles(q: CandidateQuery) {
  const last = normalizeName(q.last);
  const first = normalizeName(q.first);
  const ors = [];
  if (last) ors.push(sql`p.last_norm % ${last}`, sql`${last} <% p.last_norm`);
  if (first) ors.push(sql`p.first_norm % ${first}`);
  return ors.length ? sql`(${sql.join(ors, sql` OR `)})` : sql`true`;
}

/**
 * Candidate master ids for a search: the union of blocking branches (identifier, DOB variants + any name
 * resemblance, exact name with any DOB, name + phone / maiden name / guardian / ZIP). Each branch is
 * index-backed and capped, so a search never scans the state.
 */
export async function findCandidateIds(db: Db, q: CandidateQuery, v: Visibility): Promise<{ ids: string[]; identifierHits: Set<string> }> {
  const vis = visible(v);
  // Each branch is index-backed and capped; all of them go to the database in one UNION ALL round trip.
  const branches = [];
  if (q.iisId) {
    const iis = q.iisId.trim().toUpperCase();
    branches.push(
      sql`(SELECT p.id, true AS hit FROM patients p WHERE (p.iis_id = ${iis} OR p.id IN (SELECT patient_id FROM patient_identifiers WHERE value = ${iis} AND type = 'IIS')) AND ${vis} LIMIT 5)`,
    );
  }
  if (q.mrn) {
    branches.push(
      sql`(SELECT p.id, true AS hit FROM patients p JOIN patient_identifiers i ON i.patient_id = p.id WHERE i.value = ${q.mrn.trim()} AND i.type = 'MR' AND ${vis} LIMIT 20)`,
    );
  }
  const last = normalizeName(q.last);
  const first = normalizeName(q.first);
  if (q.dob) {
    const dobs = dobVariants(q.dob);
    branches.push(
      sql`(SELECT p.id, false AS hit FROM patients p WHERE p.dob = ANY(${dobs}::date[]) AND ${nameResembles(q)} AND ${vis} LIMIT ${BRANCH_LIMIT})`,
    );
    if (last) {
      branches.push(
        sql`(SELECT p.id, false AS hit FROM patients p JOIN patient_names n ON n.patient_id = p.id WHERE p.dob = ANY(${dobs}::date[]) AND (n.last_norm % ${last} OR n.last_norm = ${last}) AND ${vis} LIMIT 50)`,
      );
    }
  }
  if (last && first) {
    // The DOB may be wrong beyond a transposition (a mistyped day, month or year): exact surname, the given
    // name or its nicknames, and two of the three DOB parts right.
    const dobParts = q.dob ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(q.dob) : null;
    // Index conditions on (last_norm, first_norm, dob): the same year with the month or the day right, or the
    // same month and day a year either side.
    const y = Number(dobParts?.[1]);
    const md = dobParts ? `${dobParts[2]}-${dobParts[3]}` : '';
    const dobNear = dobParts
      ? sql`((p.dob BETWEEN ${`${y}-01-01`}::date AND ${`${y}-12-31`}::date AND (extract(month FROM p.dob) = ${Number(dobParts[2])} OR extract(day FROM p.dob) = ${Number(dobParts[3])})) OR p.dob = ANY(${[y - 1, y + 1].filter((yy) => isValidDate(yy, Number(dobParts[2]), Number(dobParts[3]))).map((yy) => `${yy}-${md}`)}::date[]))`
      : sql`true`;
    branches.push(
      sql`(SELECT p.id, false AS hit FROM patients p WHERE p.last_norm = ${last} AND p.first_norm = ANY(${givenNameVariants(q.first ?? '')}::text[]) AND ${dobNear} AND ${vis} LIMIT 50)`,
    );
  }
  const phone = normalizePhone(q.phone);
  if (phone.length >= 7) {
    branches.push(
      sql`(SELECT p.id, false AS hit FROM patients p JOIN patient_phones ph ON ph.patient_id = p.id WHERE ph.number = ${phone} AND ${vis} LIMIT 50)`,
    );
  }
  if ((last || first) && q.mothersMaidenName) {
    const mmn = normalizeName(q.mothersMaidenName);
    branches.push(sql`(SELECT p.id, false AS hit FROM patients p WHERE p.mmn_norm % ${mmn} AND ${lastResembles(q)} AND ${vis} LIMIT 50)`);
  }
  if ((last || first) && q.guardianLast) {
    const g = normalizeName(q.guardianLast);
    branches.push(
      sql`(SELECT p.id, false AS hit FROM patients p JOIN patient_guardians gd ON gd.patient_id = p.id WHERE gd.last_norm % ${g} AND ${lastResembles(q)} AND ${vis} LIMIT 50)`,
    );
  }
  if ((last || first) && (q.zip || q.street)) {
    const zip = q.zip?.slice(0, 5);
    const street = q.street ? normalizeStreet(q.street) : undefined;
    const where = [zip ? sql`a.zip = ${zip}` : sql`true`, street ? sql`a.street_norm = ${street}` : sql`true`];
    branches.push(
      sql`(SELECT p.id, false AS hit FROM patients p JOIN patient_addresses a ON a.patient_id = p.id WHERE ${sql.join(where, sql` AND `)} AND ${lastResembles(q)} AND ${vis} LIMIT 50)`,
    );
  }
  if (branches.length === 0) return { ids: [], identifierHits: new Set() };
  const rows = (
    await sql<{
      id: string;
      hit: boolean;
    }>`SELECT id, bool_or(hit) AS hit FROM (${sql.join(branches, sql` UNION ALL `)}) b GROUP BY id`.execute(db)
  ).rows;
  return { ids: rows.map((r) => r.id), identifierHits: new Set(rows.filter((r) => r.hit).map((r) => r.id)) };
}

export interface CandidateSummary {
  id: string;
  iisId: string;
  dob: string;
  sex: string;
  name: { first: string; middle: string | null; last: string; suffix: string | null };
  town: string | null;
  ownerOrgId: string | null;
  optedOut: boolean;
  jurisdictionStatus: string;
  subject: MatchSubject;
}

/** Everything the matcher looks at, for a set of masters, in one query (child rows as JSON arrays). */
export async function loadMatchSubjects(db: Db, ids: readonly string[]): Promise<CandidateSummary[]> {
  if (ids.length === 0) return [];
  const rows = (
    await sql<{
      id: string;
      iis_id: string;
      first_name: string;
      middle_name: string | null;
      last_name: string;
      suffix: string | null;
      dob: string;
      sex: string;
      mothers_maiden_name: string | null;
      birth_order: number | null;
      town: string | null;
      owner_org_id: string | null;
      opted_out: boolean;
      jurisdiction_status: string;
      names: Array<{ type: 'A' | 'M' | 'B' | 'L'; first: string; last: string }>;
      addresses: Array<{ street: string; zip: string }>;
      phones: Array<{ number: string }>;
      guardians: Array<{ first: string; last: string }>;
    }>`SELECT p.id, p.iis_id, p.first_name, p.middle_name, p.last_name, p.suffix, p.dob::text AS dob, p.sex, p.mothers_maiden_name, p.birth_order, p.town, p.owner_org_id, p.opted_out, p.jurisdiction_status,
      (SELECT coalesce(json_agg(json_build_object('type', n.type, 'first', n.first_name, 'last', n.last_name)), '[]') FROM patient_names n WHERE n.patient_id = p.id) AS names,
      (SELECT coalesce(json_agg(json_build_object('street', a.street, 'zip', a.zip)), '[]') FROM patient_addresses a WHERE a.patient_id = p.id) AS addresses,
      (SELECT coalesce(json_agg(json_build_object('number', ph.number)), '[]') FROM patient_phones ph WHERE ph.patient_id = p.id) AS phones,
      (SELECT coalesce(json_agg(json_build_object('first', g.first_name, 'last', g.last_name)), '[]') FROM patient_guardians g WHERE g.patient_id = p.id) AS guardians
    FROM patients p WHERE p.id = ANY(${[...ids]}::uuid[])`.execute(db)
  ).rows;
  return rows.map((r) => ({
    id: r.id,
    iisId: r.iis_id,
    dob: r.dob,
    sex: r.sex,
    name: { first: r.first_name, middle: r.middle_name, last: r.last_name, suffix: r.suffix },
    town: r.town,
    ownerOrgId: r.owner_org_id,
    optedOut: r.opted_out,
    jurisdictionStatus: r.jurisdiction_status,
    subject: {
      name: { first: r.first_name, ...(r.middle_name ? { middle: r.middle_name } : {}), last: r.last_name },
      dob: r.dob,
      sex: r.sex as MatchSubject['sex'],
      aliases: r.names,
      mothersMaidenName: r.mothers_maiden_name ?? undefined,
      addresses: r.addresses,
      phones: r.phones,
      guardians: r.guardians.map((g) => ({ name: { first: g.first, last: g.last } })),
      birthOrder: r.birth_order ?? undefined,
    },
  }));
}
