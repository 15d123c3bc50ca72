import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { loadPopulation } from '../../synthetic/index.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

function buildPatient(over: Record<string, unknown> = {}) {
  return {
    name: { first: 'John', last: 'Smith' },
    dob: '2019-03-12',
    sex: 'M',
    mothersMaidenName: 'Kowalski',
    addresses: [{ street: '12 Elm Street', city: 'New Haven', state: 'CT', zip: '06511' }],
    phones: [{ number: '203-555-0199' }],
    guardians: [{ name: { first: 'Anna', last: 'Smith' }, relationship: 'MTH' }],
    confirmNew: true,
    ...over,
  };
}

describe('patients (database)', () => {
  let s: TestServer;
  let clinic: Headers;
  let dph: Headers;
  let fqhc: Headers;
  const ids: Record<string, string> = {};

  const call = (h: Headers, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    s.app.inject({ method, url, headers: h, ...(payload ? { payload } : {}) });
  const search = async (h: Headers, q: Record<string, string>) => {
    const res = await call(h, 'POST', '/api/patients/search', q);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().results as Array<{ id: string; score: number; reasons: string[]; summary: string; classification: string }>;
  };
  const create = async (h: Headers, body: object) => {
    const res = await call(h, 'POST', '/api/patients', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2026-11-20T15:00:00Z'));
    // A few hundred synthetic neighbours (with their own planted duplicates) so ranking has competition.
    await loadPopulation(s.ctx.db, { seed: 11, people: 600, duplicates: 6, asOf: '2026-11-20' });
    clinic = await s.signIn('clinicstaff');
    dph = await s.signIn('dphadmin');
    fqhc = await s.signIn('ceo');
    ids.john = await create(clinic, buildPatient());
    ids.joseph = await create(clinic, buildPatient({ name: { first: 'Joseph', last: 'Smith' }, dob: '2016-07-30' }));
    ids.sofia = await create(
      clinic,
      buildPatient({
        name: { first: 'Sofía', last: 'García-López' },
        sex: 'F',
        dob: '2020-08-01',
        mothersMaidenName: 'López',
        phones: [],
        guardians: [],
      }),
    );
    ids.anh = await create(
      clinic,
      buildPatient({
        name: { first: 'Ánh', middle: 'Thị', last: 'Nguyễn' },
        sex: 'F',
        dob: '2021-02-14',
        mothersMaidenName: 'Trần',
        phones: [],
        guardians: [],
      }),
    );
    ids.william = await create(
      clinic,
      buildPatient({
        name: { first: 'William', last: "O'Brien" },
        dob: '2015-10-05',
        mothersMaidenName: 'Kelly',
        phones: [],
        guardians: [],
      }),
    );
  }, 120_000);
  afterAll(async () => {
    await s.shutdown();
  });

  const typoCases: Array<[string, Record<string, string>, string, RegExp]> = [
    ['a swapped-letter first name', { firstName: 'Jonh', lastName: 'Smith', dob: '2019-03-12' }, 'john', /first name similar/],
    ['a swapped-letter surname', { firstName: 'John', lastName: 'Smtih', dob: '2019-03-12' }, 'john', /last name similar/],
    ['transposed DOB digits', { firstName: 'John', lastName: 'Smith', dob: '2019-03-21' }, 'john', /DOB digits transposed/],
    ['month and day swapped', { firstName: 'John', lastName: 'Smith', dob: '2019-12-03' }, 'john', /month and day swapped/],
    ['first and last swapped', { firstName: 'Smith', lastName: 'John', dob: '2019-03-12' }, 'john', /swapped/],
    ['one part of a hyphenated surname', { firstName: 'Sofia', lastName: 'Lopez', dob: '2020-08-01' }, 'sofia', /part match/],
    ['no diacritics', { firstName: 'Anh', lastName: 'Nguyen', dob: '2021-02-14' }, 'anh', /first name exact/],
    ['a nickname', { firstName: 'Bill', lastName: 'OBrien', dob: '2015-10-05' }, 'william', /nickname: Bill→William/],
    ['a DOB year off by one', { firstName: 'William', lastName: "O'Brien", dob: '2014-10-05' }, 'william', /first name exact/],
    ['a wrong day of birth', { firstName: 'William', lastName: "O'Brien", dob: '2015-10-25' }, 'william', /DOB day differs/],
  ];
  for (const [label, q, who, reason] of typoCases) {
    it(`puts the right person first despite ${label}`, async () => {
      const results = await search(clinic, q);
      expect(results[0]?.id, JSON.stringify(results.slice(0, 3))).toBe(ids[who]);
      expect(results[0]!.reasons.join('; ')).toMatch(reason);
    });
  }

  it('finds by phone, by IIS id and by clinic MRN', async () => {
    const byPhone = await search(clinic, { phone: '(203) 555-0199' });
    expect(byPhone.map((r) => r.id)).toEqual(expect.arrayContaining([ids.john, ids.joseph]));
    const record = (await call(clinic, 'GET', `/api/patients/${ids.john}`)).json();
    const byIis = await search(clinic, { iisId: record.iisId.toLowerCase() });
    expect(byIis[0]).toMatchObject({ id: ids.john, score: 100 });
  });

  it('searches a leap-day DOB without inventing 29 February in other years', async () => {
    const leap = await create(
      clinic,
      buildPatient({ name: { first: 'Leah', last: 'Day' }, dob: '2020-02-29', phones: [], guardians: [], mothersMaidenName: undefined }),
    );
    expect((await search(clinic, { firstName: 'Leah', lastName: 'Day', dob: '2020-02-29' }))[0]?.id).toBe(leap);
    expect((await search(clinic, { firstName: 'Leah', lastName: 'Day', dob: '2020-02-28' }))[0]?.id).toBe(leap);
    expect((await search(clinic, { firstName: 'Leah', lastName: 'Day', dob: '2019-02-28' })).map((r) => r.id)).not.toContain(leap);
  });

  it('refuses a name-only search instead of scanning the state', async () => {
    const res = await call(clinic, 'POST', '/api/patients/search', { lastName: 'Smith' });
    expect(res.statusCode).toBe(400);
    expect(res.json().title).toMatch(/date of birth/);
  });

  it('shows likely duplicates before adding, and adds only when confirmed', async () => {
    const body = buildPatient({ name: { first: 'Johnny', last: 'Smith' }, confirmNew: false });
    const refused = await call(clinic, 'POST', '/api/patients', body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().candidates[0]).toMatchObject({ id: ids.john, classification: 'likely' });
    const check = await call(clinic, 'POST', '/api/patients/duplicates', body);
    expect(check.json().candidates[0].id).toBe(ids.john);
    const twin = buildPatient({ name: { first: 'Jacob', last: 'Smith' }, confirmNew: false, dob: '2023-05-05' });
    expect((await call(clinic, 'POST', '/api/patients', twin)).statusCode).toBe(201);
  });

  it('edits demographics with history and refuses a stale version', async () => {
    const before = (await call(clinic, 'GET', `/api/patients/${ids.joseph}`)).json();
    const body = {
      ...buildPatient({ name: { first: 'Joseph', last: 'Smith' }, dob: '2016-07-30' }),
      language: 'es',
      version: before.version,
      reason: 'Parent update',
    };
    const ok = await call(clinic, 'PUT', `/api/patients/${ids.joseph}`, body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().changed).toEqual(['language']);
    expect((await call(clinic, 'PUT', `/api/patients/${ids.joseph}`, body)).statusCode).toBe(409);
    const history = (await call(clinic, 'GET', `/api/patients/${ids.joseph}/history`)).json();
    expect(history.changes[0]).toMatchObject({
      action: 'update',
      by: 'clinicstaff',
      reason: 'Parent update',
      fields: { language: { from: null, to: 'es' } },
    });
  });

  it('enforces dose rules: VFC eligibility fits funding, no future dates, only the entering clinic edits', async () => {
    const dose = { kind: 'administered', cvx: '110', lot: 'AB1234C', fundingSource: 'public', date: '2019-05-14', vfcEligibility: 'V01' };
    const bad = await call(clinic, 'POST', `/api/patients/${ids.john}/doses`, dose);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('vfcEligibility');
    expect(
      (await call(clinic, 'POST', `/api/patients/${ids.john}/doses`, { ...dose, vfcEligibility: 'V02', date: '2027-01-01' })).statusCode,
    ).toBe(400);
    const ok = await call(clinic, 'POST', `/api/patients/${ids.john}/doses`, { ...dose, vfcEligibility: 'V02' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ deduplicated: false, ownershipTaken: true });
    const record = (await call(clinic, 'GET', `/api/patients/${ids.john}`)).json();
    expect(record.owner.name).toBe('Elm City Pediatrics');
    // The same vaccine reported by another clinic two days later is one dose with two reports.
    const other = await call(fqhc, 'POST', `/api/patients/${ids.john}/doses`, { kind: 'historical', cvx: '20', date: '2019-05-16' });
    expect(other.statusCode, other.body).toBe(201);
    expect(other.json().deduplicated).toBe(true);
    const imm = (await call(clinic, 'GET', `/api/patients/${ids.john}/immunizations`)).json();
    expect(imm.doses).toHaveLength(1);
    expect(imm.doses[0].reports).toHaveLength(1);
    expect(imm.doses[0].groups).toEqual(expect.arrayContaining(['DTaP/Tdap/Td', 'HepB', 'Polio']));
    // Elm may not delete Hartford's report; Hartford may, with a reason.
    expect((await call(clinic, 'DELETE', `/api/patients/${ids.john}/doses/${other.json().id}?reason=not+ours`)).statusCode).toBe(403);
    expect((await call(fqhc, 'DELETE', `/api/patients/${ids.john}/doses/${other.json().id}`)).statusCode).toBe(400);
    expect(
      (await call(fqhc, 'DELETE', `/api/patients/${ids.john}/doses/${other.json().id}?reason=Entered+on+the+wrong+child`)).statusCode,
    ).toBe(200);
  });

  it('corrects a dose only at the entering clinic, keeping the change and its reason', async () => {
    const created = await call(clinic, 'POST', `/api/patients/${ids.sofia}/doses`, {
      kind: 'administered',
      cvx: '03',
      lot: 'MMR0001',
      fundingSource: 'private',
      date: '2021-08-10',
      vfcEligibility: 'V01',
      vis: [{ document: 'MMR', edition: '2021-08-06', presented: '2021-08-10' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const doseId = created.json().id as string;
    const dose = (await call(clinic, 'GET', `/api/patients/${ids.sofia}/immunizations`))
      .json()
      .doses.find((d: { id: string }) => d.id === doseId);
    const corrected = {
      kind: 'administered',
      cvx: '03',
      lot: 'MMR0002',
      fundingSource: 'private',
      date: '2021-08-11',
      vfcEligibility: 'V01',
      vis: dose.vis,
    };
    expect((await call(fqhc, 'PUT', `/api/patients/${ids.sofia}/doses/${doseId}`, { dose: corrected, reason: 'typo' })).statusCode).toBe(
      403,
    );
    const ok = await call(clinic, 'PUT', `/api/patients/${ids.sofia}/doses/${doseId}`, {
      dose: corrected,
      reason: 'Lot and date mistyped',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (await call(clinic, 'GET', `/api/patients/${ids.sofia}/immunizations`))
      .json()
      .doses.find((d: { id: string }) => d.id === doseId);
    expect(after).toMatchObject({ date: '2021-08-11', lot: 'MMR0002', vis: dose.vis });
    const change = await s.ctx.db
      .selectFrom('dose_changes')
      .select(['action', 'reason', 'changes'])
      .where('dose_id', '=', doseId)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(change.reason).toBe('Lot and date mistyped');
    expect(Object.keys(change.changes).sort()).toEqual(['date', 'lot']);
  });

  it('records refusals and CDSi observations and uses them in the forecast', async () => {
    expect(
      (await call(clinic, 'POST', `/api/patients/${ids.john}/refusals`, { vaccineGroup: 'MMR', date: '2020-03-20', reason: '00' }))
        .statusCode,
    ).toBe(201);
    const unknownGroup = await call(clinic, 'POST', `/api/patients/${ids.john}/refusals`, {
      vaccineGroup: 'MMRR',
      date: '2020-03-20',
      reason: '00',
    });
    expect(unknownGroup.statusCode).toBe(400);
    expect(unknownGroup.json().fields).toEqual([{ path: 'vaccineGroup', message: 'Unknown vaccine group' }]);
    expect(
      (await call(clinic, 'POST', `/api/patients/${ids.john}/observations`, { kind: 'immunity', code: '024', date: '2021-04-02' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await call(clinic, 'POST', `/api/patients/${ids.john}/observations`, { kind: 'immunity', code: '999', date: '2021-04-02' }))
        .statusCode,
    ).toBe(400);
    const forecast = (await call(clinic, 'GET', `/api/patients/${ids.john}/forecast?asOf=2026-11-20`)).json();
    const varicella = forecast.vaccineGroups.find((g: { vaccineGroup: string }) => g.vaccineGroup === 'Varicella');
    expect(varicella.status).toBe('Immune');
  });

  it('prints the Certificate of Immunization as a PDF', async () => {
    const res = await call(clinic, 'GET', `/api/patients/${ids.john}/certificate.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const covid = await call(clinic, 'GET', `/api/patients/${ids.john}/certificate.pdf?kind=covid`);
    expect(covid.statusCode).toBe(200);
  });

  it('keeps status per clinic and per jurisdiction with who/when/why', async () => {
    expect(
      (await call(clinic, 'PUT', `/api/patients/${ids.john}/status`, { status: 'inactive_moved', reason: 'Family moved to Boston' }))
        .statusCode,
    ).toBe(200);
    const r = (await call(clinic, 'GET', `/api/patients/${ids.john}`)).json();
    expect(r.myStatus).toBe('inactive_moved');
    expect(r.owner).toBeNull(); // inactivating at the owning clinic releases ownership
    expect((await call(clinic, 'PUT', `/api/patients/${ids.john}/jurisdiction-status`, { status: 'deceased' })).statusCode).toBe(400);
    const early = await call(clinic, 'PUT', `/api/patients/${ids.john}/jurisdiction-status`, {
      status: 'deceased',
      deceasedDate: '1900-01-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('deceasedDate');
    expect(early.body).toContain('The date of death is before the date of birth');
    expect(
      (await call(clinic, 'PUT', `/api/patients/${ids.john}/jurisdiction-status`, { status: 'deceased', deceasedDate: '2026-10-01' }))
        .statusCode,
    ).toBe(200);
    expect((await call(clinic, 'PUT', `/api/patients/${ids.john}/jurisdiction-status`, { status: 'active' })).statusCode).toBe(403);
    expect(
      (await call(dph, 'PUT', `/api/patients/${ids.john}/jurisdiction-status`, { status: 'active', reason: 'Reported in error' }))
        .statusCode,
    ).toBe(200);
    const h = (await call(clinic, 'GET', `/api/patients/${ids.john}/history`)).json();
    expect(h.statuses.map((x: { scope: string; status: string }) => `${x.scope}:${x.status}`)).toEqual(
      expect.arrayContaining(['organization:inactive_moved', 'ownership:released', 'jurisdiction:deceased', 'jurisdiction:active']),
    );
  });

  it('hides an opted-out record from everyone but DPH', async () => {
    expect(
      (await call(clinic, 'PUT', `/api/patients/${ids.william}/opt-out`, { optedOut: true, reason: 'Signed request' })).statusCode,
    ).toBe(403);
    expect(
      (await call(dph, 'PUT', `/api/patients/${ids.william}/opt-out`, { optedOut: true, reason: 'Signed written request received' }))
        .statusCode,
    ).toBe(200);
    expect((await search(clinic, { firstName: 'William', lastName: "O'Brien", dob: '2015-10-05' })).map((r) => r.id)).not.toContain(
      ids.william,
    );
    expect((await call(clinic, 'GET', `/api/patients/${ids.william}`)).statusCode).toBe(404);
    expect((await search(dph, { firstName: 'William', lastName: "O'Brien", dob: '2015-10-05' }))[0]?.id).toBe(ids.william);
  });

  it('merges a duplicate and unmerges it with nothing lost', async () => {
    const dupId = await create(
      fqhc,
      buildPatient({
        name: { first: 'Jon', last: 'Smith' },
        phones: [{ number: '860-555-0100' }],
        identifiers: [{ type: 'MR', value: 'HCHC-778' }],
      }),
    );
    expect(
      (
        await call(fqhc, 'POST', `/api/patients/${dupId}/doses`, {
          kind: 'administered',
          cvx: '03',
          lot: 'MM1111A',
          fundingSource: 'private',
          date: '2020-03-20',
          vfcEligibility: 'V01',
        })
      ).statusCode,
    ).toBe(201);
    const before = (await call(dph, 'GET', `/api/patients/${ids.john}/immunizations`)).json().doses.length;
    const merged = await call(dph, 'POST', '/api/patient-merges', {
      survivorId: ids.john,
      mergedId: dupId,
      reason: 'Same child: typo in first name',
    });
    expect(merged.statusCode, merged.body).toBe(201);
    expect((await call(dph, 'GET', `/api/patients/${ids.john}/immunizations`)).json().doses).toHaveLength(before + 1);
    const gone = await call(dph, 'GET', `/api/patients/${dupId}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().mergedInto).toBe(ids.john);
    expect((await search(clinic, { mrn: 'HCHC-778' }))[0]?.id).toBe(ids.john);
    expect((await call(clinic, 'POST', '/api/patient-merges', { survivorId: ids.john, mergedId: dupId, reason: 'x' })).statusCode).toBe(
      403,
    );
    const undone = await call(dph, 'POST', `/api/patient-merges/${merged.json().mergeId}/undo`, { reason: 'Twins, not the same child' });
    expect(undone.statusCode, undone.body).toBe(200);
    expect((await call(dph, 'GET', `/api/patients/${ids.john}/immunizations`)).json().doses).toHaveLength(before);
    const restored = (await call(dph, 'GET', `/api/patients/${dupId}`)).json();
    expect(restored.patient.name.first).toBe('Jon');
    expect(restored.patient.identifiers.map((i: { value: string }) => i.value)).toContain('HCHC-778');
    expect((await call(dph, 'GET', `/api/patients/${dupId}/immunizations`)).json().doses.map((d: { cvx: string }) => d.cvx)).toEqual([
      '03',
    ]);
  });

  it('gives read-only access types no writes and scopes health directors to their towns', async () => {
    const director = await s.signIn('healthdirector');
    expect((await call(director, 'POST', '/api/patients', buildPatient())).statusCode).toBe(403);
    expect((await search(director, { firstName: 'Joseph', lastName: 'Smith', dob: '2016-07-30' })).map((r) => r.id)).not.toContain(
      ids.joseph,
    );
    expect((await call(director, 'GET', `/api/patients/${ids.joseph}`)).statusCode).toBe(404);
    const nurse = await s.signIn('schoolnurse');
    expect(
      (await call(nurse, 'POST', `/api/patients/${ids.joseph}/doses`, { kind: 'historical', cvx: '03', date: '2020-01-01' })).statusCode,
    ).toBe(403);
  });

  it('audits every view of a record, whichever part of it is read', async () => {
    const parts = ['', '/history', '/reports', '/immunizations', '/forecast'];
    for (const part of parts) expect((await call(clinic, 'GET', `/api/patients/${ids.sofia}${part}`)).statusCode).toBe(200);
    const rows = await s.ctx.db.selectFrom('audit_log').select(['action', 'actor_username']).where('patient_id', '=', ids.sofia!).execute();
    expect(rows).toEqual(
      expect.arrayContaining(
        ['patient.view', 'patient.history.view', 'patient.reports.view', 'patient.immunizations.view', 'patient.forecast.view'].map(
          (action) => ({ action, actor_username: 'clinicstaff' }),
        ),
      ),
    );
  });
});
