// Patient search (search before add) and the duplicate check on save: blocking SQL finds candidates, the
// Fellegi-Sunter matcher ranks them.

import type { DuplicateCandidates, PatientSearchResult as SearchResult, PatientSearchResults } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { invalid } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { admitIdentifierLookup } from './patient-lookup.service.ts';
import { rankCandidates, summarizeMatch, type MatchSubject } from './patient-match.ts';
import { visibilityFor } from './patient.policy.ts';
import type { Db, Visibility } from './patient.repo.ts';
import { findCandidateIds, loadMatchSubjects, type CandidateSummary } from './patient-search.repo.ts';
import type { PatientBody, SearchQuery } from './patient.schemas.ts';
import { auditPatient } from './patient-audit.ts';
import type { Patient } from './patient.types.ts';

/** Results below this score are not shown (an identifier hit always is). */
const SHOW_THRESHOLD = 35;

function splitName(full: string | undefined): { first: string; last: string } | undefined {
  if (!full) return undefined;
  const parts = full.trim().split(/\s+/);
  if (parts.length === 1) return { first: '', last: parts[0]! };
  return { first: parts.slice(0, -1).join(' '), last: parts[parts.length - 1]! };
}

function presentResult(
  c: CandidateSummary,
  score: number,
  classification: SearchResult['classification'],
  reasons: string[],
  summary: string,
): SearchResult {
  return {
    id: c.id,
    iisId: c.iisId,
    name: c.name,
    dob: c.dob,
    sex: c.sex,
    town: c.town,
    score,
    classification,
    summary,
    reasons,
    jurisdictionStatus: c.jurisdictionStatus,
  };
}

async function rank(
  db: Db,
  subject: MatchSubject,
  ids: string[],
  identifierHits: Set<string>,
  minScore = SHOW_THRESHOLD,
): Promise<SearchResult[]> {
  const candidates = await loadMatchSubjects(db, ids);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const ranked = rankCandidates(
    subject,
    candidates.map((c) => ({ ...c.subject, id: c.id })),
  );
  const out: SearchResult[] = [];
  for (const r of ranked) {
    const c = byId.get(r.candidate.id)!;
    if (identifierHits.has(c.id))
      out.push(presentResult(c, 100, 'likely', ['identifier matches', ...r.match.reasons], 'identifier matches'));
    else if (r.match.score >= minScore)
      out.push(presentResult(c, r.match.score, r.match.classification, r.match.reasons, summarizeMatch(r.match)));
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * Search by any mix of fields. A name needs a DOB or another blocking field (phone, maiden name, guardian,
 * address): the registry refuses to scan the state for a bare name.
 */
export async function searchPatients(ctx: AppContext, actor: Actor, q: Partial<SearchQuery>): Promise<PatientSearchResults> {
  const hasName = !!(q.lastName || q.firstName);
  const blocking = q.iisId || q.mrn || q.phone || (hasName && (q.dob || q.mothersMaidenName || q.guardianName || q.zip || q.street));
  if (!blocking) {
    throw invalid(
      'Add a date of birth (or a phone number, mother’s maiden name, guardian or address) to the name, or search by IIS id or MRN.',
      [{ path: 'dob', message: 'Enter the date of birth' }],
    );
  }
  await admitIdentifierLookup(ctx, actor, q);
  const v = await visibilityFor(ctx, actor);
  const guardian = splitName(q.guardianName);
  const { ids, identifierHits } = await findCandidateIds(
    ctx.db,
    {
      first: q.firstName,
      last: q.lastName,
      dob: q.dob,
      mothersMaidenName: q.mothersMaidenName,
      guardianLast: guardian?.last,
      phone: q.phone,
      zip: q.zip,
      street: q.street,
      iisId: q.iisId,
      mrn: q.mrn,
    },
    v,
  );
  const subject: MatchSubject = {
    name: { first: q.firstName ?? '', last: q.lastName ?? '', ...(q.middleName ? { middle: q.middleName } : {}) },
    dob: q.dob ?? '',
    sex: q.sex,
    mothersMaidenName: q.mothersMaidenName,
    phones: q.phone ? [{ number: q.phone }] : undefined,
    addresses: q.zip || q.street ? [{ street: q.street ?? '', zip: q.zip ?? '' }] : undefined,
    guardians: guardian ? [{ name: guardian }] : undefined,
  };
  // Without a name there is nothing to rank on but the blocking field itself (a phone): show every hit.
  const results = (await rank(ctx.db, subject, ids, identifierHits, hasName ? SHOW_THRESHOLD : 0)).slice(0, q.limit ?? 25);
  await auditPatient(ctx, actor, 'patient.search', null, {
    fields: Object.keys(q).filter((k) => k !== 'limit'),
    results: results.length,
    patientIds: results.map((r) => r.id),
  });
  return { results };
}

function subjectOf(p: PatientBody | Patient): MatchSubject {
  return {
    name: p.name,
    dob: p.dob,
    sex: p.sex,
    aliases: p.aliases,
    mothersMaidenName: p.mothersMaidenName,
    addresses: p.addresses,
    phones: p.phones,
    guardians: p.guardians,
    birthOrder: p.birthOrder,
  };
}

/** Likely and possible duplicates of a record about to be saved, best first. */
export async function findDuplicates(db: Db, v: Visibility, p: PatientBody | Patient, excludeId?: string): Promise<SearchResult[]> {
  const { ids } = await findCandidateIds(
    db,
    {
      first: p.name.first,
      last: p.name.last,
      dob: p.dob,
      mothersMaidenName: p.mothersMaidenName,
      phone: p.phones[0]?.number,
      zip: p.addresses[0]?.zip,
      guardianLast: p.guardians[0]?.name.last,
    },
    v,
  );
  const results = await rank(
    db,
    subjectOf(p),
    ids.filter((id) => id !== excludeId),
    new Set(),
  );
  return results.filter((r) => r.classification !== 'unlikely');
}

/** Who a person on someone else's list (a school roster) is in the registry. */
export interface PersonToMatch {
  first: string;
  middle?: string | undefined;
  last: string;
  dob: string;
  sex?: Patient['sex'] | undefined;
  guardianLast?: string | undefined;
}

/**
 * Registry records that may be this person, best first, with score and reasons: opted-out and merged records are
 * never offered. For a list kept outside the registry (a school roster); the caller decides what a score means.
 */
export async function matchPerson(db: Db, person: PersonToMatch): Promise<SearchResult[]> {
  const v: Visibility = { includeOptedOut: false };
  const { ids } = await findCandidateIds(
    db,
    { first: person.first, last: person.last, dob: person.dob, guardianLast: person.guardianLast },
    v,
  );
  const guardian = person.guardianLast ? [{ name: { first: '', last: person.guardianLast } }] : undefined;
  const subject: MatchSubject = {
    name: { first: person.first, last: person.last, ...(person.middle ? { middle: person.middle } : {}) },
    dob: person.dob,
    sex: person.sex,
    guardians: guardian,
  };
  return rank(db, subject, ids, new Set());
}

export async function checkDuplicates(ctx: AppContext, actor: Actor, body: PatientBody): Promise<DuplicateCandidates> {
  const v = await visibilityFor(ctx, actor);
  const candidates = await findDuplicates(ctx.db, v, body);
  await auditPatient(ctx, actor, 'patient.duplicates.check', null, { patientIds: candidates.map((c) => c.id) });
  return { candidates };
}
