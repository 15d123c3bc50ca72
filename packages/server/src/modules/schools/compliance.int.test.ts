import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import type { ComplianceReport } from '@nutmeg/api-types';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { FORECAST_REFRESH_JOB } from '../recommender/index.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

// A complete kindergarten history for a child born 2021-01-10 (CVX: HepB 08, DTaP 20, IPV 10, MMR 03, varicella 21, HepA 83).
const COMPLETE: [string, string][] = [
  ['08', '2021-01-10'],
  ['08', '2021-03-10'],
  ['08', '2021-07-15'],
  ['20', '2021-03-10'],
  ['20', '2021-05-10'],
  ['20', '2021-07-15'],
  ['20', '2022-04-15'],
  ['20', '2025-01-15'],
  ['10', '2021-03-10'],
  ['10', '2021-05-10'],
  ['10', '2021-07-15'],
  ['10', '2025-01-15'],
  ['03', '2022-01-15'],
  ['03', '2025-01-15'],
  ['21', '2022-01-15'],
  ['21', '2025-01-15'],
  ['83', '2022-01-15'],
  ['83', '2022-07-20'],
];
const without = (cvx: string, date: string) => COMPLETE.filter(([c, d]) => !(c === cvx && d === date));

// Hand-computed on 2026-09-15: A compliant; B has HepA 1 of 2, dose 2 not before Dec (in process); C lacks the DTaP
// dose after the 4th birthday (not compliant); D medical exemption in force; E religious; F's medical exemption
// expired on Sep 1 and F has no doses (not compliant); G is not in the registry (not compliant); H has every dose
// but MMR and a medical exemption of MMR only (exempt, medical).
const KIDS = [
  { id: 'A', first: 'Amy', last: 'Adler', doses: COMPLETE },
  {
    id: 'B',
    first: 'Ben',
    last: 'Baker',
    doses: [...without('83', '2022-01-15').filter(([c]) => c !== '83'), ['83', '2026-06-01'] as [string, string]],
  },
  { id: 'C', first: 'Cal', last: 'Cho', doses: without('20', '2025-01-15') },
  { id: 'D', first: 'Dee', last: 'Diaz', doses: [] },
  { id: 'E', first: 'Eve', last: 'Eton', doses: [] },
  { id: 'F', first: 'Fay', last: 'Ford', doses: [] },
  { id: 'H', first: 'Hal', last: 'Hart', doses: COMPLETE.filter(([c]) => c !== '03') },
];

describe('school-entry compliance', () => {
  let s: TestServer;
  let nurse: Headers;
  let schoolId = '';
  const call = (h: Headers, method: 'GET' | 'POST', url: string, payload?: object) =>
    s.app.inject({ method, url, headers: h, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2026-09-15T15:00:00Z'));
    const clinic = await s.signIn('clinicstaff');
    for (const k of KIDS) {
      const res = await call(clinic, 'POST', '/api/patients', {
        name: { first: k.first, last: k.last },
        dob: '2021-01-10',
        sex: 'F',
        confirmNew: true,
      });
      expect(res.statusCode, res.body).toBe(201);
      for (const [cvx, date] of k.doses) {
        const d = await call(clinic, 'POST', `/api/patients/${res.json().id}/doses`, { kind: 'historical', cvx, date });
        expect(d.statusCode, d.body).toBe(201);
      }
    }
    // The refresh jobs queued with the records store the forecasts compliance reads.
    expect(await s.runJobs([FORECAST_REFRESH_JOB])).toBeGreaterThan(0);
    nurse = await s.signIn('schoolnurse');
    schoolId = (await call(nurse, 'GET', '/api/schools')).json().schools[0].id;
    const csv = [
      'last_name,first_name,dob,sex,grade,student_id',
      ...KIDS.map((k) => `${k.last},${k.first},2021-01-10,F,K,${k.id}`),
      'Gray,Gus,2021-01-10,M,K,G',
    ].join('\n');
    const up = await call(nurse, 'POST', `/api/schools/${schoolId}/roster/uploads`, {
      schoolYear: 2026,
      fileName: 'k.csv',
      csv,
      offset: 0,
      limit: 100,
    });
    expect(up.json().counts).toMatchObject({ linked: 7, unmatched: 1 });
    const ex = (body: object) => call(nurse, 'POST', `/api/schools/${schoolId}/exemptions`, body);
    expect((await ex({ studentId: 'D', kind: 'medical', documentDate: '2026-08-01', expiresOn: '2027-08-01' })).statusCode).toBe(201);
    expect((await ex({ studentId: 'E', kind: 'religious', documentDate: '2026-08-01' })).statusCode).toBe(201);
    expect((await ex({ studentId: 'F', kind: 'medical', documentDate: '2026-01-01', expiresOn: '2026-09-01' })).statusCode).toBe(201);
    expect((await ex({ studentId: 'H', kind: 'medical', documentDate: '2026-08-01', vaccineGroups: ['MMR'] })).statusCode).toBe(201);
    const unknown = await ex({ studentId: 'H', kind: 'medical', documentDate: '2026-08-01', vaccineGroups: ['Smallpox'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields[0].path).toBe('vaccineGroups');
  });
  afterAll(async () => {
    await s?.shutdown();
  });

  it('matches hand-computed statuses, counts each exemption kind apart, and says what is missing and when it is due', async () => {
    const engine = vi.spyOn(s.ctx.recommender, 'forecast');
    const res = await call(nurse, 'GET', `/api/schools/${schoolId}/compliance?year=2026&grade=K`);
    expect(res.statusCode, res.body).toBe(200);
    // Read from the stored forecasts: the engine never runs per student per request.
    expect(engine).not.toHaveBeenCalled();
    engine.mockRestore();
    const r = res.json() as ComplianceReport;
    expect(r.forecastsPending).toBe(0);
    expect(Object.fromEntries(r.students.map((x) => [x.studentId, x.status]))).toEqual({
      A: 'compliant',
      B: 'in_process',
      C: 'not_compliant',
      D: 'exempt_medical',
      E: 'exempt_religious',
      F: 'not_compliant',
      G: 'not_compliant',
      H: 'exempt_medical',
    });
    expect(r.counts).toEqual({ total: 8, compliant: 1, in_process: 1, not_compliant: 3, exempt_medical: 2, exempt_religious: 1 });
    expect(r.students.find((x) => x.studentId === 'H')).toMatchObject({
      exemptFrom: ['MMR'],
      missing: [],
      exemption: { kind: 'medical', vaccineGroups: ['MMR'], expiresOn: null },
    });
    const b = r.students.find((x) => x.studentId === 'B')!;
    expect(b.missing).toHaveLength(1);
    expect(b.missing[0]).toMatchObject({ requirement: 'Hepatitis A', have: 1, need: 2 });
    expect(b.missing[0]!.dueDate! > '2026-09-15').toBe(true);
    expect(r.students.find((x) => x.studentId === 'C')!.missing.map((m) => [m.requirement, m.problem])).toEqual([
      ['DTaP', 'no dose at or after 4 years of age'],
    ]);
    expect(r.students.find((x) => x.studentId === 'D')!.exemption).toEqual({
      kind: 'medical',
      documentDate: '2026-08-01',
      expiresOn: '2027-08-01',
      vaccineGroups: null,
    });
    expect(r.requirements.map((x) => x.label)).toContain('Hepatitis A');
  });

  it('exports the report as formula-safe CSV and refuses a grade without requirements', async () => {
    const csv = await call(nurse, 'GET', `/api/schools/${schoolId}/compliance.csv?year=2026&grade=K`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe(
      'student_id,name,dob,grade,status,exemption_document_date,exemption_expires,exempt_from,missing,next_due,past_due',
    );
    expect(csv.body).toContain('A,"Adler, Amy",2021-01-10,K,Compliant');
    const first = await call(nurse, 'GET', `/api/schools/${schoolId}/compliance.csv?year=2026&grade=1`);
    expect(first.statusCode).toBe(400);
    expect(first.json().fields[0].path).toBe('grade');
  });

  it('prints the report as a PDF and exports the annual survey counts per grade', async () => {
    const pdf = await call(nurse, 'GET', `/api/schools/${schoolId}/compliance.pdf?year=2026&grade=K`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf.rawPayload }).toString();
    expect(text).toContain('school-entry compliance, Kindergarten, 2026–27');
    expect(text).toContain('Enrolled 8 · compliant 1 · in process 1 · not compliant 3');
    expect(text).toContain('Exempt, medical 2 · exempt, religious 1');
    expect(text).toMatch(/Cho, Cal \(C\)\s+2021-01-10\s+Not compliant\s+DTaP: no dose at or after 4 years of age/);
    expect(text).toContain('exempt from MMR');
    expect(text).toContain('Page 1 of 1');

    const survey = await call(nurse, 'GET', `/api/schools/${schoolId}/survey.csv?year=2026`);
    expect(survey.statusCode, survey.body).toBe(200);
    const lines = survey.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'school_pin,school,town,school_year,as_of,grade,enrolled,compliant,in_process,not_compliant,exempt_medical,exempt_religious',
    );
    // Only kindergarten has students: one row, the report's counts.
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/,2026–27,2026-09-15,K,8,1,1,3,2,1$/);
    expect((await call(nurse, 'GET', `/api/schools/${schoolId}/survey.csv?year=2019`)).json().fields[0].path).toBe('year');
  });

  it('prints the official records of the class as one PDF, one certificate per linked student', async () => {
    const res = await call(nurse, 'GET', `/api/schools/${schoolId}/records.pdf?year=2026&grade=K`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const doc = await PDFDocument.load(res.rawPayload);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(7);
    const issued = await s.ctx.db.selectFrom('certificate_issues').select('patient_id').execute();
    expect(new Set(issued.map((i) => i.patient_id)).size).toBe(7);
  });

  it('shows the report to the health director of the town, not to a clinic, and audits it with the students', async () => {
    const director = await s.signIn('healthdirector');
    expect((await call(director, 'GET', `/api/schools/${schoolId}/compliance?year=2026&grade=K`)).statusCode).toBe(200);
    expect((await call(director, 'GET', `/api/schools/${schoolId}/records.pdf?year=2026&grade=K`)).statusCode).toBe(403);
    expect((await call(await s.signIn('clinicstaff'), 'GET', `/api/schools/${schoolId}/compliance?year=2026&grade=K`)).statusCode).toBe(
      403,
    );
    const dph = await s.signIn('dphanalyst');
    expect((await call(dph, 'GET', `/api/schools/${schoolId}/compliance?year=2026&grade=K`)).statusCode).toBe(200);
    const audit = await s.ctx.db
      .selectFrom('audit_log')
      .select(['actor_username', 'detail'])
      .where('action', '=', 'school.compliance.view')
      .execute();
    expect(audit.map((a) => a.actor_username)).toEqual(expect.arrayContaining(['schoolnurse', 'healthdirector', 'dphanalyst']));
    expect((audit[0]!.detail as { patientIds: string[] }).patientIds).toHaveLength(7);
  });

  it('says how many students have a stored forecast not yet refreshed after a change', async () => {
    const clinic = await s.signIn('clinicstaff');
    const c = (await call(nurse, 'GET', `/api/schools/${schoolId}/compliance?year=2026&grade=K`)).json() as ComplianceReport;
    const cal = c.students.find((x) => x.studentId === 'C')!;
    expect(
      (await call(clinic, 'POST', `/api/patients/${cal.patientId}/doses`, { kind: 'historical', cvx: '20', date: '2025-02-01' }))
        .statusCode,
    ).toBe(201);
    const before = (await call(nurse, 'GET', `/api/schools/${schoolId}/compliance?year=2026&grade=K`)).json() as ComplianceReport;
    expect(before.forecastsPending).toBe(1);
    expect(before.students.find((x) => x.studentId === 'C')!.status).toBe('not_compliant');
    await s.runJobs([FORECAST_REFRESH_JOB]);
    const after = (await call(nurse, 'GET', `/api/schools/${schoolId}/compliance?year=2026&grade=K`)).json() as ComplianceReport;
    expect(after.forecastsPending).toBe(0);
    expect(after.students.find((x) => x.studentId === 'C')!.status).toBe('compliant');
  });
});
