import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { buildRequest } from '../../testing/accounts.ts';

type Headers = { cookie: string; 'x-csrf-token': string };
type Method = 'GET' | 'POST' | 'PUT';

const LICENSE = { type: 'MD', number: '041234', state: 'ct', expires: '2027-06-30' };
const prescriber = (over: Record<string, unknown> = {}) => ({
  firstName: 'Rajesh',
  lastName: 'Patel',
  email: 'rajesh.patel@elmcitypeds.example',
  jobTitle: 'Pediatrician',
  role: 'prescriber',
  license: LICENSE,
  npi: '1234567893',
  ...over,
});

describe('clinic staff list', () => {
  let s: TestServer;
  let cmo: Headers;
  let dph: Headers;
  let elmId: string;
  beforeAll(async () => {
    s = await createTestServer();
    [cmo, dph] = await Promise.all([s.signIn('cmo'), s.signIn('dphadmin')]); // cmo: Elm City Pediatrics
    elmId = (await s.ctx.db.selectFrom('organizations').select('id').where('pin', '=', 'CT1001').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const call = (h: Headers | null, method: Method, url: string, payload?: object) =>
    s.app.inject({ method, url, ...(h ? { headers: h } : {}), ...(payload ? { payload } : {}) });

  it('lists prescribers with licenses and a valid NPI, refuses one without, and lets DPH read but not change it', async () => {
    const noLicense = await call(cmo, 'POST', '/api/clinic/staff', prescriber({ license: null }));
    expect(noLicense.statusCode).toBe(400);
    expect(noLicense.json().fields.map((f: { path: string }) => f.path)).toContain('license');
    const badNpi = await call(cmo, 'POST', '/api/clinic/staff', prescriber({ npi: '1234567890' }));
    expect(badNpi.statusCode).toBe(400);
    expect(badNpi.json().fields[0]).toMatchObject({ path: 'npi', message: expect.stringMatching(/check digit/) });

    const added = await call(cmo, 'POST', '/api/clinic/staff', prescriber());
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ role: 'prescriber', license: { ...LICENSE, state: 'CT' }, npi: '1234567893', account: null });

    const list = (await call(cmo, 'GET', '/api/clinic/staff')).json();
    expect(list.canEdit).toBe(true);
    // The seeded staff with accounts show them; the one just added has none.
    const clinicstaff = list.staff.find((m: { email: string }) => m.email === 'clinicstaff@demo.nutmeg.example');
    expect(clinicstaff.account).toEqual({ username: 'clinicstaff', accessTypes: [expect.stringMatching(/^Clinic Access/)] });
    // Seeded after the migrations ran: the clinic's coordinator is listed as one.
    expect(list.staff.find((m: { email: string }) => m.email === 'coordinator@demo.nutmeg.example').role).toBe('coordinator');

    const asDph = (await call(dph, 'GET', `/api/clinic/staff?organizationId=${elmId}`)).json();
    expect(asDph.canEdit).toBe(false);
    expect(asDph.staff.map((m: { id: string }) => m.id)).toContain(added.json().id);
    expect((await call(dph, 'POST', '/api/clinic/staff', prescriber({ email: 'x@example.org' }))).statusCode).toBe(403);

    // An edit over a stale version is refused; the saved one is audited with each field before and after.
    const { id, version } = added.json();
    const edited = await call(cmo, 'PUT', `/api/clinic/staff/${id}`, { ...prescriber({ jobTitle: 'Medical director' }), version });
    expect(edited.json()).toMatchObject({ jobTitle: 'Medical director', version: version + 1 });
    expect((await call(cmo, 'PUT', `/api/clinic/staff/${id}`, { ...prescriber(), version })).statusCode).toBe(409);
    const audit = await s.ctx.db.selectFrom('audit_log').select(['action', 'detail']).where('entity_id', '=', id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['clinic-staff.add', 'clinic-staff.edit']);
    expect(audit[1]!.detail).toMatchObject({ changes: [{ field: 'jobTitle', before: 'Pediatrician', after: 'Medical director' }] });
  });

  it('is the list DPH’s Clinic Access approval checks, and shows the pending request', async () => {
    const request = buildRequest({ firstName: 'Lena', lastName: 'Okafor', email: 'lena.okafor@elmcitypeds.example' });
    const { id } = (await call(null, 'POST', '/api/account-requests', request)).json();
    const refused = await call(dph, 'POST', `/api/account-requests/${id}/approve`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().title).toMatch(/not on the staff list of Elm City Pediatrics/);

    const added = await call(cmo, 'POST', '/api/clinic/staff', {
      firstName: 'Lena',
      lastName: 'Okafor',
      email: 'Lena.Okafor@elmcitypeds.example',
      role: 'nurse',
    });
    expect(added.json().pendingRequest).toMatchObject({ accessType: expect.stringMatching(/^Clinic Access/) });
    expect((await call(dph, 'POST', `/api/account-requests/${id}/approve`, {})).statusCode).toBe(200);
    const after = (await call(cmo, 'GET', '/api/clinic/staff')).json();
    expect(after.staff.find((m: { id: string }) => m.id === added.json().id)).toMatchObject({
      pendingRequest: null,
      account: { accessTypes: [expect.stringMatching(/^Clinic Access/)] },
    });
  });

  it('ends the membership, account and sessions of a removed member with an account, once, audited', async () => {
    const staffSession = await s.signIn('clinicstaff');
    expect((await call(staffSession, 'GET', '/api/me')).statusCode).toBe(200);
    const list = (await call(cmo, 'GET', '/api/clinic/staff')).json();
    const entry = list.staff.find((m: { email: string }) => m.email === 'clinicstaff@demo.nutmeg.example');

    // Two coordinators remove them at once: exactly one removal happens.
    const results = await Promise.all([
      call(cmo, 'POST', `/api/clinic/staff/${entry.id}/remove`, { version: entry.version }),
      call(cmo, 'POST', `/api/clinic/staff/${entry.id}/remove`, { version: entry.version }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 200)!.json()).toMatchObject({ membershipsEnded: 1, accountDeactivated: true });

    const user = await s.ctx.db
      .selectFrom('users')
      .select(['id', 'status'])
      .where('username', '=', 'clinicstaff')
      .executeTakeFirstOrThrow();
    expect(user.status).toBe('inactive');
    const memberships = await s.ctx.db.selectFrom('memberships').select('active').where('user_id', '=', user.id).execute();
    expect(memberships.every((m) => !m.active)).toBe(true);
    expect((await call(staffSession, 'GET', '/api/me')).statusCode).toBe(401);
    const after = (await call(cmo, 'GET', '/api/clinic/staff')).json();
    expect(after.staff.some((m: { id: string }) => m.id === entry.id)).toBe(false);
    const audit = await s.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'clinic-staff.remove')
      .where('entity_id', '=', entry.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ userIds: [user.id], accountsDeactivated: [user.id] });
  });

  it('refuses to take yourself off the list and another clinic’s entry is not found', async () => {
    const list = (await call(cmo, 'GET', '/api/clinic/staff')).json();
    const me = list.staff.find((m: { email: string }) => m.email === 'cmo@demo.nutmeg.example');
    expect((await call(cmo, 'POST', `/api/clinic/staff/${me.id}/remove`, { version: me.version })).statusCode).toBe(403);
    const ceo = await s.signIn('ceo'); // Hartford CHC
    expect((await call(ceo, 'POST', `/api/clinic/staff/${me.id}/remove`, { version: me.version })).statusCode).toBe(404);
    expect((await call(ceo, 'GET', `/api/clinic/staff?organizationId=${elmId}`)).statusCode).toBe(404);
  });

  it('an edit over the version read before the person left (their account deactivated) is refused as stale', async () => {
    const list = (await call(cmo, 'GET', '/api/clinic/staff')).json();
    const lena = list.staff.find((m: { email: string }) => m.email.toLowerCase() === 'lena.okafor@elmcitypeds.example');
    const userId =
      lena.account &&
      (await s.ctx.db.selectFrom('users').select('id').where('username', '=', lena.account.username).executeTakeFirstOrThrow()).id;
    const coordinator = await s.signIn('coordinator'); // acting for Elm City Pediatrics
    const before = s.clock.now();
    expect((await call(coordinator, 'POST', `/api/clinic-users/${userId}/deactivate`, {})).statusCode).toBe(200);
    // Closed by the same rule as a removal from the list: a new version, updated now.
    const row = await s.ctx.db
      .selectFrom('clinic_staff')
      .select(['active', 'version', 'updated_at'])
      .where('id', '=', lena.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ active: false, version: lena.version + 1 });
    expect(row.updated_at.getTime()).toBeGreaterThanOrEqual(before.getTime());
    const edit = await call(cmo, 'PUT', `/api/clinic/staff/${lena.id}`, {
      firstName: 'Lena',
      lastName: 'Okafor',
      email: lena.email,
      role: 'nurse',
      version: lena.version,
    });
    expect(edit.statusCode).toBe(409);
    expect((await call(cmo, 'POST', `/api/clinic/staff/${lena.id}/remove`, { version: lena.version })).statusCode).toBe(409);
  });
});
