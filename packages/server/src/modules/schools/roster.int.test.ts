import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchReviewView, RolloverPlan, RosterUploadResult, RosterView } from '@nutmeg/api-types';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

const REGISTRY = [
  { key: 'ava', name: { first: 'Ava', last: 'Thompson' }, dob: '2021-03-04', sex: 'F' },
  { key: 'liam', name: { first: 'Liam', last: 'Garcia' }, dob: '2021-06-10', sex: 'M' },
  { key: 'noah', name: { first: 'Noah', last: 'Patel' }, dob: '2021-01-22', sex: 'M' },
  { key: 'jonathan', name: { first: 'Jonathan', last: 'Kowalski' }, dob: '2020-11-05', sex: 'M' },
  { key: 'william', name: { first: 'William', last: 'Brennan' }, dob: '2021-02-14', sex: 'M' },
  { key: 'sophia', name: { first: 'Sophia', last: 'Nguyen' }, dob: '2021-05-03', sex: 'F' },
  { key: 'other', name: { first: 'Ella', last: 'Marsh' }, dob: '2021-04-01', sex: 'F' },
] as const;

// Three exact matches, three near ones (a typo, a nickname, day and month swapped), two children the registry
// does not know, and three bad rows (missing DOB, impossible date, wrong grade).
const FILE = [
  'last_name,first_name,middle_name,dob,sex,grade,student_id,guardian,address',
  'Thompson,Ava,,2021-03-04,F,K,S1,,',
  'Garcia,Liam,,06/10/2021,M,K,S2,,',
  'Patel,Noah,,2021-01-22,M,K,S3,,',
  'Kowalsky,Jonathan,,2020-11-05,M,K,S4,,',
  'Brennan,Bill,,2021-02-14,M,K,S5,,',
  'Nguyen,Sophia,,2021-03-05,F,K,S6,,',
  'Quintero,Xavier,,2021-07-07,M,K,S7,,',
  'Okafor,Mila,,2021-08-08,F,K,S8,,',
  'Lopez,Maria,,,F,K,S9,,',
  'Reyes,Dan,,2021-02-30,M,K,S10,,',
  'Stone,Amy,,2021-01-01,F,13,S11,,',
].join('\n');

describe('school rosters', () => {
  let s: TestServer;
  let nurse: Headers;
  let schoolId = '';
  const ids: Record<string, string> = {};
  const call = (h: Headers, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    s.app.inject({ method, url, headers: h, ...(payload ? { payload } : {}) });
  const upload = (h: Headers, csv: string, extra: object = {}) =>
    call(h, 'POST', `/api/schools/${schoolId}/roster/uploads`, {
      schoolYear: 2026,
      fileName: 'k.csv',
      csv,
      offset: 0,
      limit: 1000,
      ...extra,
    });
  const patientCount = async () =>
    Number(
      (
        await s.ctx.db
          .selectFrom('patients')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2026-09-15T15:00:00Z'));
    const clinic = await s.signIn('clinicstaff');
    for (const p of REGISTRY) {
      const res = await call(clinic, 'POST', '/api/patients', { name: p.name, dob: p.dob, sex: p.sex, confirmNew: true });
      expect(res.statusCode, res.body).toBe(201);
      ids[p.key] = res.json().id;
    }
    nurse = await s.signIn('schoolnurse');
    const list = (await call(nurse, 'GET', '/api/schools')).json();
    schoolId = list.schools[0].id;
  });
  afterAll(async () => {
    await s?.shutdown();
  });

  it('links exact matches, sends near ones to review, leaves unknown children unmatched, lists bad rows, and creates no patient', async () => {
    const before = await patientCount();
    const res = await upload(nurse, FILE);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as RosterUploadResult;
    const roster = (await call(nurse, 'GET', `/api/schools/${schoolId}/roster?year=2026`)).json() as RosterView;
    const by = Object.fromEntries(roster.entries.map((e) => [e.studentId, e]));
    expect(['S1', 'S2', 'S3'].map((k) => by[k]!.patientId)).toEqual([ids.ava, ids.liam, ids.noah]);
    expect(['S4', 'S5', 'S6'].map((k) => by[k]!.matchStatus)).toEqual(['review', 'review', 'review']);
    expect(by.S7!.matchReason).toMatch(/No registry record/);
    expect(r.counts).toEqual({ rows: 11, linked: 3, review: 3, unmatched: 2, unchanged: 0, errors: 3 });
    expect(r.errors).toEqual([
      { line: 10, field: 'dob', message: 'Missing date of birth' },
      { line: 11, field: 'dob', message: 'Not a date: 2021-02-30' },
      { line: 12, field: 'grade', message: 'Not a grade: 13 (PK, K or 1 to 12)' },
    ]);
    expect(await patientCount()).toBe(before);
  });

  it('changes nothing when the same file is uploaded again', async () => {
    const before = (await call(nurse, 'GET', `/api/schools/${schoolId}/roster?year=2026`)).json() as RosterView;
    const r = (await upload(nurse, FILE)).json() as RosterUploadResult;
    expect(r.counts).toMatchObject({ rows: 11, linked: 0, review: 0, unmatched: 0, unchanged: 8, errors: 3 });
    const after = (await call(nurse, 'GET', `/api/schools/${schoolId}/roster?year=2026`)).json() as RosterView;
    expect(after).toEqual(before);
  });

  it('processes a file in slices, reporting progress, with the same result as at once', async () => {
    const csv = FILE.replace(/,S(\d+),/g, ',T$1,');
    const first = (await upload(nurse, csv, { schoolYear: 2027, limit: 4 })).json() as RosterUploadResult;
    expect(first).toMatchObject({ rowsInFile: 11, processed: 4, done: false });
    let last = first;
    while (!last.done) {
      const res = await upload(nurse, csv, { schoolYear: 2027, limit: 4, offset: last.processed, uploadId: first.uploadId });
      expect(res.statusCode, res.body).toBe(200);
      last = res.json();
    }
    expect(last.counts).toEqual({ rows: 11, linked: 3, review: 3, unmatched: 2, unchanged: 0, errors: 3 });
  });

  it('refuses a file without the required columns, naming them, and writes nothing', async () => {
    const res = await upload(nurse, 'last_name,first_name\nDoe,Jane', { schoolYear: 2028 });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ path: 'csv' });
    expect(res.json().fields[0].message).toContain('dob');
    expect((await call(nurse, 'GET', '/api/schools')).json().schools[0].rosterYears).not.toContain(2028);
  });

  it('shows the candidates of a near match side by side and links the one the nurse picks', async () => {
    const roster = (await call(nurse, 'GET', `/api/schools/${schoolId}/roster?year=2026`)).json() as RosterView;
    const entry = roster.entries.find((e) => e.studentId === 'S6')!;
    const review = (await call(nurse, 'GET', `/api/schools/${schoolId}/roster/entries/${entry.id}/review`)).json() as MatchReviewView;
    expect(review.candidates.map((c) => c.patientId)).toEqual([ids.sophia]);
    expect(review.candidates[0]).toMatchObject({ dob: '2021-05-03', name: { first: 'Sophia', last: 'Nguyen' } });
    expect(review.candidates[0]!.reasons.length).toBeGreaterThan(0);
    // Not a candidate: refused, naming the field.
    const wrong = await call(nurse, 'PUT', `/api/schools/${schoolId}/roster/entries/${entry.id}/review`, { patientId: ids.ava });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0].path).toBe('patientId');
    // Two decisions at once: one wins, the other is told it was already decided.
    const [a, b] = await Promise.all([
      call(nurse, 'PUT', `/api/schools/${schoolId}/roster/entries/${entry.id}/review`, { patientId: ids.sophia }),
      call(nurse, 'PUT', `/api/schools/${schoolId}/roster/entries/${entry.id}/review`, { patientId: null }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const other = roster.entries.find((e) => e.studentId === 'S5')!;
    const left = await call(nurse, 'PUT', `/api/schools/${schoolId}/roster/entries/${other.id}/review`, { patientId: null });
    expect(left.json()).toMatchObject({ matchStatus: 'unmatched', matchedBy: 'nurse', patientId: null });
  });

  it('adds and removes a single student', async () => {
    const added = await call(nurse, 'POST', `/api/schools/${schoolId}/roster/students`, {
      schoolYear: 2026,
      studentId: 'S20',
      grade: 'K',
      lastName: 'Marsh',
      firstName: 'Ella',
      dob: '2021-04-01',
      sex: 'F',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ matchStatus: 'linked', patientId: ids.other });
    const again = await call(nurse, 'POST', `/api/schools/${schoolId}/roster/students`, {
      ...added.json(),
      schoolYear: 2026,
      dob: '2021-04-01',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().fields[0].path).toBe('studentId');
    expect((await call(nurse, 'GET', `/api/patients/${ids.other}`)).statusCode).toBe(200);
    expect((await call(nurse, 'DELETE', `/api/schools/${schoolId}/roster/entries/${added.json().id}`)).statusCode).toBe(204);
    expect((await call(nurse, 'GET', `/api/patients/${ids.other}`)).statusCode).toBe(404);
  });

  it('shows a nurse only the students on her roster: not other registry children, not another school', async () => {
    // On her roster (linked): visible. In review or not on it: not visible, by id or by search.
    expect((await call(nurse, 'GET', `/api/patients/${ids.ava}`)).statusCode).toBe(200);
    expect((await call(nurse, 'GET', `/api/patients/${ids.jonathan}`)).statusCode).toBe(404);
    const search = await call(nurse, 'POST', '/api/patients/search', { firstName: 'Jonathan', lastName: 'Kowalski', dob: '2020-11-05' });
    expect(search.json().results).toEqual([]);
    // Another school (DPH administrator keeps its roster): the nurse cannot see it nor its students.
    const dph = await s.signIn('dphadmin');
    const j = await s.ctx.db.selectFrom('jurisdictions').select('id').executeTakeFirstOrThrow();
    const other = await s.ctx.db
      .insertInto('organizations')
      .values({ jurisdiction_id: j.id, kind: 'school', pin: 'SCH9009', name: 'Far Away School', town: 'Stamford' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await call(dph, 'POST', `/api/schools/${other.id}/roster/uploads`, {
      schoolYear: 2026,
      fileName: 'far.csv',
      csv: 'last_name,first_name,dob,sex,grade,student_id\nMarsh,Ella,2021-04-01,F,K,F1',
      offset: 0,
      limit: 10,
    });
    expect(res.json().counts.linked).toBe(1);
    expect((await call(nurse, 'GET', `/api/schools/${other.id}/roster?year=2026`)).statusCode).toBe(404);
    expect((await call(nurse, 'GET', `/api/patients/${ids.other}`)).statusCode).toBe(404);
    expect((await call(nurse, 'GET', '/api/schools')).json().schools.map((x: { id: string }) => x.id)).toEqual([schoolId]);
    // The health director sees the schools of the towns the department serves (Hamden), not Stamford's.
    const director = await s.signIn('healthdirector');
    expect((await call(director, 'GET', '/api/schools')).json().schools.map((x: { id: string }) => x.id)).toEqual([schoolId]);
    expect((await call(director, 'GET', `/api/schools/${other.id}/roster?year=2026`)).statusCode).toBe(404);
    expect((await upload(director, FILE)).statusCode).toBe(403);
    // A clinic has no school pages at all.
    expect((await call(await s.signIn('clinicstaff'), 'GET', '/api/schools')).statusCode).toBe(403);
  });

  it('audits every roster read with the linked records', async () => {
    const rows = await s.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'school.roster.view')
      .where('actor_username', '=', 'schoolnurse')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows[0]!.detail)).toContain(ids.ava);
  });

  it('records exemptions per student: medical with an expiry, religious without; one of each kind in force', async () => {
    const url = `/api/schools/${schoolId}/exemptions`;
    const medical = await call(nurse, 'POST', url, {
      studentId: 'S1',
      kind: 'medical',
      documentDate: '2026-08-01',
      expiresOn: '2027-06-30',
    });
    expect(medical.statusCode, medical.body).toBe(201);
    expect(medical.json()).toMatchObject({ kind: 'medical', expiresOn: '2027-06-30', expired: false });
    const refused = [
      [{ studentId: 'S1', kind: 'religious', documentDate: '2026-08-01', expiresOn: '2027-01-01' }, 'expiresOn'],
      [{ studentId: 'S1', kind: 'medical', documentDate: '2026-08-01', expiresOn: '2026-01-01' }, 'expiresOn'],
      [{ studentId: 'S1', kind: 'medical', documentDate: '2026-12-01' }, 'documentDate'],
      [{ studentId: 'NOPE', kind: 'religious', documentDate: '2026-08-01' }, 'studentId'],
      [{ studentId: 'S1', kind: 'other', documentDate: '2026-08-01' }, 'kind'],
    ] as const;
    for (const [body, field] of refused) {
      const res = await call(nurse, 'POST', url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    const newer = await call(nurse, 'POST', url, { studentId: 'S1', kind: 'medical', documentDate: '2026-09-01', expiresOn: '2026-12-31' });
    await call(nurse, 'POST', url, { studentId: 'S1', kind: 'religious', documentDate: '2026-09-01' });
    const roster = (await call(nurse, 'GET', `/api/schools/${schoolId}/roster?year=2026`)).json() as RosterView;
    const ava = roster.entries.find((e) => e.studentId === 'S1')!;
    expect(ava.exemptions.map((x) => [x.kind, x.expiresOn]).sort()).toEqual([
      ['medical', '2026-12-31'],
      ['religious', null],
    ]);
    expect((await call(nurse, 'DELETE', `${url}/${newer.json().id}`)).statusCode).toBe(204);
    expect((await call(nurse, 'DELETE', `${url}/${newer.json().id}`)).statusCode).toBe(404);
    const director = await s.signIn('healthdirector');
    expect((await call(director, 'POST', url, { studentId: 'S2', kind: 'religious', documentDate: '2026-08-01' })).statusCode).toBe(403);
  });

  it('rolls a roster over: grades advance, the top grade leaves, expired medical exemptions are cleared and listed, last year stays', async () => {
    const base = `/api/schools/${schoolId}`;
    const fifth = { schoolYear: 2026, studentId: 'S30', grade: '5', lastName: 'Hale', firstName: 'Tom', dob: '2015-05-05', sex: 'M' };
    expect((await call(nurse, 'POST', `${base}/roster/students`, fifth)).statusCode).toBe(201);
    const expiring = await call(nurse, 'POST', `${base}/exemptions`, {
      studentId: 'S2',
      kind: 'medical',
      documentDate: '2026-08-01',
      expiresOn: '2027-03-01',
    });
    const lasting = await call(nurse, 'POST', `${base}/exemptions`, {
      studentId: 'S3',
      kind: 'medical',
      documentDate: '2026-08-01',
      expiresOn: '2028-03-01',
    });
    const before = (await call(nurse, 'GET', `${base}/roster?year=2026`)).json() as RosterView;
    const preview = (await call(nurse, 'GET', `${base}/rollover?from=2026`)).json() as RolloverPlan;
    expect(preview).toMatchObject({ fromYear: 2026, toYear: 2027, topGrade: '5', done: false });
    expect(preview.leaving.map((x) => x.studentId)).toEqual(['S30']);
    expect(preview.advancing.map((x) => x.nextGrade)).toEqual(preview.advancing.map(() => '1'));
    expect(preview.advancing).toHaveLength(8);
    expect(preview.expiredExemptions.map((x) => x.id)).toEqual([expiring.json().id]);
    expect((await call(nurse, 'GET', `${base}/roster?year=2026`)).json()).toEqual(before);

    const run = (await call(nurse, 'POST', `${base}/rollover`, { from: 2026 })).json() as RolloverPlan;
    expect(run).toMatchObject({ done: true, topGrade: '5' });
    const next = (await call(nurse, 'GET', `${base}/roster?year=2027`)).json() as RosterView;
    const s1 = next.entries.find((e) => e.studentId === 'S1')!;
    expect(s1).toMatchObject({ grade: '1', patientId: ids.ava, matchStatus: 'linked' });
    expect(next.entries.find((e) => e.studentId === 'S30')).toBeUndefined();
    const s3 = next.entries.find((e) => e.studentId === 'S3')!;
    expect(s3.exemptions.map((x) => x.id)).toEqual([lasting.json().id]);
    expect(next.entries.find((e) => e.studentId === 'S2')!.exemptions).toEqual([]);
    // Last year's roster is still there as it was (exemptions are the student's, so S2's is gone there too).
    const old = (await call(nurse, 'GET', `${base}/roster?year=2026`)).json() as RosterView;
    expect(old.entries.map((e) => [e.studentId, e.grade])).toEqual(before.entries.map((e) => [e.studentId, e.grade]));
    // Running it again moves nobody twice.
    const again = (await call(nurse, 'POST', `${base}/rollover`, { from: 2026 })).json() as RolloverPlan;
    expect(again.advancing).toEqual([]);
    expect(again.alreadyThere).toHaveLength(8);
  });
});
