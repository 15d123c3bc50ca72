// Rosters: the schools a caller sees, a roster by school year, uploads (matched row by row with the patients
// module's matcher; never creating a patient), and adding or removing one student.
import { createHash } from 'node:crypto';
import type { RosterUploadResult, RosterView, SchoolList } from '@nutmeg/api-types';
import type { RosterUploadError } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { invalid, notFound } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import type { Organization } from '../organizations/index.ts';
import { matchPerson } from '../patients/index.ts';
import { exemptionsInForce } from './exemption.repo.ts';
import { requirementGroups } from './requirement.repo.ts';
import { parseRoster, RosterFileError, type RosterRow } from './roster-csv.ts';
import { decideMatch } from './roster-match.ts';
import { presentEntry } from './roster.present.ts';
import * as repo from './roster.repo.ts';
import { mayManage, schoolFor, visibleSchools } from './school.policy.ts';
import { schoolYearOf } from './school-year.ts';

/** The patients on a school's roster this school year (or a later one already rolled over): its nurse's scope. */
export async function studentsOf(db: repo.Db, schoolId: string, today: string): Promise<string[]> {
  return repo.linkedStudentIds(db, schoolId, schoolYearOf(today));
}

export async function listSchools(ctx: AppContext, actor: Actor): Promise<SchoolList> {
  const schools = await visibleSchools(ctx, actor);
  return {
    currentYear: schoolYearOf(jurisdictionToday(ctx.clock)),
    schools: await Promise.all(
      schools.map(async (s) => ({
        id: s.id,
        name: s.name,
        pin: s.pin,
        town: s.town,
        rosterYears: await repo.rosterYears(ctx.db, s.id),
        canManage: mayManage(actor, s),
      })),
    ),
  };
}

export async function getRoster(ctx: AppContext, actor: Actor, schoolId: string, year: number): Promise<RosterView> {
  const school = await schoolFor(ctx, actor, schoolId, 'read');
  const today = jurisdictionToday(ctx.clock);
  const entries = await repo.listEntries(ctx.db, school.id, year);
  const exemptions = await exemptionsInForce(ctx.db, school.id);
  const count = (s: string) => entries.filter((e) => e.match_status === s).length;
  // A list of students with their registry links is a disclosure: one entry lists the linked records.
  await appendActorAudit(
    ctx.db,
    actor,
    {
      action: 'school.roster.view',
      entityType: 'organization',
      entityId: school.id,
      detail: { schoolYear: year, patientIds: entries.flatMap((e) => (e.patient_id ? [e.patient_id] : [])) },
    },
    ctx.clock.now(),
  );
  return {
    school: { id: school.id, name: school.name },
    schoolYear: year,
    canManage: mayManage(actor, school),
    counts: { total: entries.length, linked: count('linked'), review: count('review'), unmatched: count('unmatched') },
    requirementGroups: await requirementGroups(ctx.db, school.jurisdictionId),
    entries: entries.map((e) => presentEntry(e, exemptions, today)),
  };
}

/** What the school sent for a student, hashed (an identical row later changes nothing). */
export function rowHashOf(
  e: Pick<repo.EntryRow, 'student_id' | 'grade' | 'last_name' | 'first_name' | 'middle_name' | 'dob' | 'sex' | 'guardian' | 'address'>,
): string {
  const fields = [e.student_id, e.grade, e.last_name, e.first_name, e.middle_name, e.dob, e.sex, e.guardian, e.address];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

function rowHash(r: RosterRow): string {
  return rowHashOf({
    student_id: r.studentId,
    grade: r.grade,
    last_name: r.lastName,
    first_name: r.firstName,
    middle_name: r.middleName,
    dob: r.dob,
    sex: r.sex,
    guardian: r.guardian,
    address: r.address,
  });
}

/** The same child as before: a change of grade, guardian or address keeps the entry's match (and a nurse's choice). */
function sameChild(e: repo.EntryRow, r: RosterRow): boolean {
  return e.last_name === r.lastName && e.first_name === r.firstName && e.middle_name === r.middleName && e.dob === r.dob && e.sex === r.sex;
}

type Outcome = 'linked' | 'review' | 'unmatched' | 'unchanged';

/** Places one good row on the roster: unchanged, updated keeping its match, or matched afresh. */
async function placeRow(trx: repo.Db, school: Organization, year: number, r: RosterRow, existing: repo.EntryRow | undefined, at: Date) {
  const hash = rowHash(r);
  if (existing && existing.row_hash === hash && !existing.removed_at) return { outcome: 'unchanged' as Outcome, entry: existing };
  const fields = {
    school_id: school.id,
    school_year: year,
    student_id: r.studentId,
    grade: r.grade,
    last_name: r.lastName,
    first_name: r.firstName,
    middle_name: r.middleName,
    dob: r.dob,
    sex: r.sex,
    guardian: r.guardian,
    address: r.address,
    row_hash: hash,
  };
  if (existing && sameChild(existing, r)) {
    const { patient_id, match_status, match_reason, match_score, matched_by } = existing;
    const entry = await repo.upsertEntry(trx, { ...fields, patient_id, match_status, match_reason, match_score, matched_by }, at);
    return { outcome: match_status as Outcome, entry };
  }
  const guardianLast = r.guardian?.trim().split(/\s+/).pop();
  const results = await matchPerson(trx, {
    first: r.firstName,
    middle: r.middleName ?? undefined,
    last: r.lastName,
    dob: r.dob,
    sex: r.sex,
    guardianLast,
  });
  const taken = await repo.linkedElsewhere(
    trx,
    school.id,
    year,
    results.map((x) => x.id),
    existing?.id,
  );
  const d = decideMatch(results, taken);
  const entry = await repo.upsertEntry(
    trx,
    {
      ...fields,
      patient_id: d.patientId,
      match_status: d.status,
      match_reason: d.reason,
      match_score: d.score,
      matched_by: d.status === 'linked' ? 'auto' : null,
    },
    at,
  );
  await repo.replaceCandidates(trx, entry.id, d.candidates);
  return { outcome: d.status as Outcome, entry };
}

export interface UploadSlice {
  schoolYear: number;
  fileName: string;
  csv: string;
  /** Data rows already processed (0 for the first slice) and how many to process now. */
  offset: number;
  limit: number;
  uploadId?: string | undefined;
}

/**
 * Processes rows [offset, offset + limit) of a roster file in one transaction; the file is sent whole each time so
 * that lines and duplicate student ids are judged on the whole file. Bad rows are reported and skipped; good rows
 * load. The first slice creates the upload record, later ones add to it.
 */
export async function uploadRosterSlice(ctx: AppContext, actor: Actor, schoolId: string, s: UploadSlice): Promise<RosterUploadResult> {
  const school = await schoolFor(ctx, actor, schoolId, 'manage');
  const today = jurisdictionToday(ctx.clock);
  let parsed;
  try {
    parsed = parseRoster(s.csv, today);
  } catch (err) {
    if (err instanceof RosterFileError)
      throw invalid(err.message, [{ path: 'csv', message: err.errors.map((e) => `line ${e.line}, ${e.field}: ${e.message}`).join('; ') }]);
    throw err;
  }
  const rowsInFile = parsed.total;
  if (s.offset > rowsInFile)
    throw invalid('The slice starts after the end of the file', [{ path: 'offset', message: `At most ${rowsInFile}` }]);
  // Slices are cut by position among the file's data records, good and bad rows alike.
  const inSlice = (index: number) => index >= s.offset && index < s.offset + s.limit;
  const rows = parsed.rows.filter((r) => inSlice(r.index));
  const errors: RosterUploadError[] = parsed.errors.filter((e) => inSlice(e.index)).map(({ index: _i, ...e }) => e);
  const now = ctx.clock.now();
  const upload = await ctx.db.transaction().execute(async (trx) => {
    const up = s.uploadId
      ? await repo.lockUpload(trx, s.uploadId)
      : await repo.createUpload(trx, { schoolId: school.id, year: s.schoolYear, fileName: s.fileName, by: actor.userId, at: now });
    if (!up || up.school_id !== school.id || up.school_year !== s.schoolYear) throw notFound('Upload');
    const existing = new Map(
      (
        await repo.entriesByStudentIds(
          trx,
          school.id,
          s.schoolYear,
          rows.map((r) => r.studentId),
        )
      ).map((e) => [e.student_id, e]),
    );
    const counts = { linked: 0, review: 0, unmatched: 0, unchanged: 0 };
    const linked: string[] = [];
    for (const r of rows) {
      const { outcome, entry } = await placeRow(trx, school, s.schoolYear, r, existing.get(r.studentId), now);
      counts[outcome]++;
      if (outcome === 'linked' && entry.patient_id) linked.push(entry.patient_id);
    }
    await appendActorAudit(
      trx,
      actor,
      {
        action: 'school.roster.upload',
        entityType: 'organization',
        entityId: school.id,
        detail: { uploadId: up.id, schoolYear: s.schoolYear, offset: s.offset, ...counts, errors: errors.length, patientIds: linked },
      },
      now,
    );
    const badRows = new Set(errors.map((e) => e.line)).size;
    return repo.addToUpload(trx, up.id, { rows: rows.length + badRows, ...counts, errors });
  });
  const processed = Math.min(rowsInFile, s.offset + s.limit);
  return {
    uploadId: upload.id,
    fileName: upload.file_name,
    rowsInFile,
    processed,
    done: processed >= rowsInFile,
    counts: {
      rows: upload.rows_total,
      linked: upload.linked,
      review: upload.review,
      unmatched: upload.unmatched,
      unchanged: upload.unchanged,
      errors: upload.errors.length,
    },
    errors: upload.errors,
  };
}

export type NewStudent = Omit<RosterRow, 'line'> & { schoolYear: number };

/** Adds one student (the same matching as an upload); a student id already on that roster is refused. */
export async function addStudent(ctx: AppContext, actor: Actor, schoolId: string, st: NewStudent) {
  const school = await schoolFor(ctx, actor, schoolId, 'manage');
  if (st.dob > jurisdictionToday(ctx.clock)) throw invalid('Date of birth is in the future', [{ path: 'dob', message: 'Not after today' }]);
  const now = ctx.clock.now();
  const entry = await ctx.db.transaction().execute(async (trx) => {
    const [existing] = await repo.entriesByStudentIds(trx, school.id, st.schoolYear, [st.studentId]);
    if (existing && !existing.removed_at)
      throw invalid('This student id is already on the roster', [
        { path: 'studentId', message: `Already used by ${existing.first_name} ${existing.last_name}` },
      ]);
    const { schoolYear, ...row } = st;
    const placed = await placeRow(trx, school, schoolYear, { ...row, line: 0 }, existing, now);
    await appendActorAudit(
      trx,
      actor,
      {
        action: 'school.roster.add',
        entityType: 'roster_entry',
        entityId: placed.entry.id,
        patientId: placed.entry.patient_id,
        detail: { schoolYear, studentId: st.studentId, outcome: placed.outcome },
      },
      now,
    );
    return placed.entry;
  });
  return presentEntry(entry, await exemptionsInForce(ctx.db, school.id, [entry.student_id]), jurisdictionToday(ctx.clock));
}

/** Takes a student off a roster (kept, marked removed: the school's history stays readable). */
export async function removeStudent(ctx: AppContext, actor: Actor, schoolId: string, entryId: string): Promise<void> {
  const school = await schoolFor(ctx, actor, schoolId, 'manage');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const entry = await repo.lockEntry(trx, entryId);
    if (!entry || entry.school_id !== school.id || entry.removed_at) throw notFound('Student');
    await repo.markRemoved(trx, entry.id, actor.userId, now);
    await appendActorAudit(
      trx,
      actor,
      {
        action: 'school.roster.remove',
        entityType: 'roster_entry',
        entityId: entry.id,
        patientId: entry.patient_id,
        detail: { schoolYear: entry.school_year, studentId: entry.student_id },
      },
      now,
    );
  });
}
