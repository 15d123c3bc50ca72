import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequirementCopyResult, RequirementYearView } from '@nutmeg/api-types';
import { countQueries } from '../../testing/query-count.ts';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

const MENB = {
  label: 'Meningococcal B',
  vaccineGroup: 'Meningococcal B',
  antigen: 'Meningococcal B',
  doses: 1,
  countedFromAge: '10 years',
};

describe('school-entry requirements edited by DPH', () => {
  let s: TestServer;
  let dph: Headers;
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, h: Headers = dph) =>
    s.app.inject({ method, url, headers: h, ...(payload ? { payload } : {}) });
  const year = async (y: number) => (await call('GET', `/api/school-requirements/${y}`)).json() as RequirementYearView;

  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2026-05-15T15:00:00Z'));
    dph = await s.signIn('dphadmin');
  });
  afterAll(async () => {
    await s?.shutdown();
  });

  it("shows each grade's requirements in force with the year they were written for, flu for pre-K included; DPH administrators only", async () => {
    const y = await year(2025);
    const pk = y.grades.find((g) => g.grade === 'PK')!;
    expect(pk.fromSchoolYear).toBe(2024);
    expect(pk.requirements.find((r) => r.label === 'Influenza')).toMatchObject({
      vaccineGroup: 'Influenza',
      seasonFrom: '08-01',
      seasonDue: '12-31',
      requiredBelowAge: '5 years',
    });
    expect(y.grades.find((g) => g.grade === '1')).toMatchObject({ fromSchoolYear: null, requirements: [] });
    expect(y.canEdit).toBe(true);
    expect(y.vaccineGroups.find((g) => g.vaccineGroup === 'MMR')!.antigens).toEqual(['Measles', 'Mumps', 'Rubella']);
    expect((await call('GET', '/api/school-requirements/2025', undefined, await s.signIn('schoolnurse'))).statusCode).toBe(403);
    expect((await call('GET', '/api/school-requirements/2025', undefined, await s.signIn('dphanalyst'))).statusCode).toBe(403);
  });

  it('refuses to change a year that uses an earlier year’s set until the year before is copied to it', async () => {
    const add = await call('POST', '/api/school-requirements/2026/requirements', { version: 0, grades: ['7'], ...MENB });
    expect(add.statusCode).toBe(400);
    expect(add.json().fields[0].path).toBe('grades');
    const y = await year(2025);
    const copy = await call('POST', '/api/school-requirements/2025/copy', { version: y.nextYearVersion });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json() as RequirementCopyResult).toEqual({ toYear: 2026, copied: ['PK', 'K', '7'], skipped: [] });
    const again = await call('POST', '/api/school-requirements/2025/copy', { version: y.nextYearVersion });
    expect(again.statusCode).toBe(409);
    const after = await year(2026);
    expect(after.grades.find((g) => g.grade === 'K')!.fromSchoolYear).toBe(2026);
    expect(after.version).toBe(1);
    // 2025 itself is unchanged.
    expect((await year(2025)).grades.find((g) => g.grade === 'K')!.fromSchoolYear).toBe(2024);
  });

  it('adds, edits and removes a requirement, names the bad field, and keeps every change with who made it', async () => {
    let v = (await year(2026)).version;
    const wrongAntigen = await call('POST', '/api/school-requirements/2026/requirements', {
      version: v,
      grades: ['7'],
      ...MENB,
      antigen: 'Measles',
    });
    expect(wrongAntigen.statusCode).toBe(400);
    expect(wrongAntigen.json().fields[0].path).toBe('antigen');
    const badAge = await call('POST', '/api/school-requirements/2026/requirements', {
      version: v,
      grades: ['7'],
      ...MENB,
      countedFromAge: 'ten',
    });
    expect(badAge.statusCode).toBe(400);
    expect(badAge.json().fields[0].path).toBe('countedFromAge');

    const add = await call('POST', '/api/school-requirements/2026/requirements', { version: v, grades: ['7'], ...MENB });
    expect(add.statusCode, add.body).toBe(201);
    v = (await year(2026)).version;
    const edit = await call('PUT', `/api/school-requirements/2026/requirements/7/${encodeURIComponent('Meningococcal B')}`, {
      version: v,
      ...MENB,
      doses: 2,
      minSpan: '6 months',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().rule).toBe('2 doses of Meningococcal B, given at or after 10 years of age, first and last at least 6 months apart');
    v = (await year(2026)).version;
    expect((await call('DELETE', `/api/school-requirements/2026/requirements/7/Meningococcal%20B?version=${v}`)).statusCode).toBe(204);

    const y = await year(2026);
    expect(y.grades.find((g) => g.grade === '7')!.requirements.map((r) => r.label)).not.toContain('Meningococcal B');
    expect(y.history.map((h) => [h.action, h.grade, h.changedBy])).toEqual([
      ['remove', '7', 'dphadmin'],
      ['edit', '7', 'dphadmin'],
      ['add', '7', 'dphadmin'],
      ['copy', null, 'dphadmin'],
    ]);
    expect(y.history[1]!.before).toMatchObject({ doses: 1 });
    expect(y.history[1]!.after).toMatchObject({ doses: 2, min_span: '6 months' });
    const audit = await s.ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'school.requirements.change').execute();
    expect(audit).toHaveLength(4);
  });

  it('applies one of two edits made at once on the same version and refuses the other (409)', async () => {
    const v = (await year(2026)).version;
    const edit = (doses: number) =>
      call('PUT', '/api/school-requirements/2026/requirements/K/DTaP', {
        version: v,
        label: 'DTaP',
        vaccineGroup: 'DTaP/Tdap/Td',
        antigen: 'Diphtheria',
        doses,
        lastDoseMinAge: '4 years',
      });
    const codes = (await Promise.all([edit(5), edit(6)])).map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409]);
    const k = (await year(2026)).grades.find((g) => g.grade === 'K')!;
    expect([5, 6]).toContain(k.requirements.find((r) => r.label === 'DTaP')!.doses);
  });

  it('adds a requirement to many grades with as many statements as to one, and refuses a label a grade has', async () => {
    const add = async (label: string, grades: string[]) => {
      const version = (await year(2026)).version;
      return countQueries(s.ctx, () => call('POST', '/api/school-requirements/2026/requirements', { version, grades, ...MENB, label }));
    };
    const one = await add('Meningococcal B (one grade)', ['7']);
    expect(one.result.statusCode, one.result.body).toBe(201);
    const three = await add('Meningococcal B (three grades)', ['PK', 'K', '7']);
    expect(three.result.statusCode, three.result.body).toBe(201);
    expect(three.queries).toBe(one.queries);
    const taken = await add('Meningococcal B (one grade)', ['K', '7']);
    expect(taken.result.statusCode).toBe(400);
    expect(taken.result.json().title).toMatch(/Grade 7 already has a requirement named Meningococcal B \(one grade\)/);
  });
});
