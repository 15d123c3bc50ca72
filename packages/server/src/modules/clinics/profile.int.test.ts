import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { outboxTo } from '../../testing/accounts.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

const WEEK = { mon: [{ from: '08:00', to: '12:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const contact = (name: string, email: string) => ({ name, title: null, email, phone: '203-555-0100' });

function profileBody(version: number, over: Record<string, unknown> = {}) {
  return {
    legalName: 'Elm City Pediatrics, LLC',
    dbaName: 'Elm City Pediatrics',
    physicalAddress: { street: '100 Chapel St', city: 'New Haven', state: 'ct', zip: '06510' },
    shippingAddress: null,
    phone: '203-555-0100',
    fax: '203-555-0101',
    email: 'office@elmcitypeds.example',
    deliveryHours: WEEK,
    contacts: {
      primaryCoordinator: contact('Maria Delgado', 'maria.delgado@elmcitypeds.example'),
      backupCoordinator: null,
      medicalDirector: contact('Rajesh Patel', 'rajesh.patel@elmcitypeds.example'),
      chiefExecutive: null,
    },
    version,
    ...over,
  };
}

describe('clinic profile and contacts', () => {
  let s: TestServer;
  let cmo: Headers;
  let elmId: string;
  beforeAll(async () => {
    s = await createTestServer();
    cmo = await s.signIn('cmo'); // Elm City Pediatrics
    elmId = (await s.ctx.db.selectFrom('organizations').select('id').where('pin', '=', 'CT1001').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const call = (h: Headers, method: 'GET' | 'PUT', url: string, payload?: object) =>
    s.app.inject({ method, url, headers: h, ...(payload ? { payload } : {}) });

  it('versions every edit and shows DPH each field before and after', async () => {
    const first = (await call(cmo, 'GET', '/api/clinic/profile')).json();
    expect(first).toMatchObject({ pin: 'CT1001', version: 0, canEdit: true, enrolment: { status: 'not_enrolled' } });
    const saved = await call(cmo, 'PUT', '/api/clinic/profile', profileBody(0));
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 1,
      legalName: 'Elm City Pediatrics, LLC',
      physicalAddress: { state: 'CT' },
      fax: '203-555-0101',
    });

    const second = await call(
      cmo,
      'PUT',
      '/api/clinic/profile',
      profileBody(1, { fax: null, deliveryHours: { ...WEEK, thu: [{ from: '13:00', to: '17:30' }] } }),
    );
    expect(second.statusCode).toBe(200);
    // The organization facts changed through organizations: other modules see the new name.
    const org = await s.ctx.db.selectFrom('organizations').select(['name', 'town']).where('id', '=', elmId).executeTakeFirstOrThrow();
    expect(org).toEqual({ name: 'Elm City Pediatrics, LLC', town: 'New Haven' });

    const dph = await s.signIn('dphanalyst');
    const history = (await call(dph, 'GET', `/api/clinic/profile/history?organizationId=${elmId}`)).json();
    expect(history.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(history.versions[0]).toMatchObject({ changedBy: 'cmo' });
    expect(history.versions[0].changes).toEqual([
      { field: 'fax', before: '203-555-0101', after: null },
      { field: 'deliveryHours.thu', before: [], after: [{ from: '13:00', to: '17:30' }] },
    ]);
    expect(history.versions[1].changes).toContainEqual({
      field: 'legalName',
      before: 'Elm City Pediatrics',
      after: 'Elm City Pediatrics, LLC',
    });
    const dphView = (await call(dph, 'GET', `/api/clinic/profile?organizationId=${elmId}`)).json();
    expect(dphView).toMatchObject({ version: 2, canEdit: false, fax: null });
  });

  it('refuses a stale version, and applies one of two concurrent edits', async () => {
    const stale = await call(cmo, 'PUT', '/api/clinic/profile', profileBody(1));
    expect(stale.statusCode).toBe(409);
    const both = await Promise.all([
      call(cmo, 'PUT', '/api/clinic/profile', profileBody(2, { dbaName: 'Elm A' })),
      call(cmo, 'PUT', '/api/clinic/profile', profileBody(2, { dbaName: 'Elm B' })),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const versions = await s.ctx.db.selectFrom('clinic_profile_versions').select('version').where('organization_id', '=', elmId).execute();
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2, 3]);
  });

  it('refuses delivery hours without a 4-hour weekday window and bad fields with 400s naming them, saving nothing', async () => {
    const current = (await call(cmo, 'GET', '/api/clinic/profile')).json();
    const short = await call(
      cmo,
      'PUT',
      '/api/clinic/profile',
      profileBody(current.version, {
        deliveryHours: { ...WEEK, mon: [{ from: '08:00', to: '11:00' }], sat: [{ from: '08:00', to: '17:00' }] },
      }),
    );
    expect(short.statusCode).toBe(400);
    expect(short.json().fields.map((f: { path: string }) => f.path)).toEqual(['deliveryHours']);
    const bad = await call(
      cmo,
      'PUT',
      '/api/clinic/profile',
      profileBody(current.version, {
        physicalAddress: { street: '1 Elm', city: 'New Haven', state: 'Connecticut', zip: '651' },
        email: 'nope',
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['email', 'physicalAddress.state', 'physicalAddress.zip']);
    expect((await call(cmo, 'GET', '/api/clinic/profile')).json().version).toBe(current.version);
  });

  it('mails DPH’s vaccine program approvers when a coordinator or signer contact changes, and only then', async () => {
    const approver = await s.ctx.db.selectFrom('users').select('email').where('username', '=', 'dphadmin').executeTakeFirstOrThrow();
    const count = async () => (await outboxTo(s, approver.email)).length;
    const start = await count();
    const current = (await call(cmo, 'GET', '/api/clinic/profile')).json();
    await call(cmo, 'PUT', '/api/clinic/profile', profileBody(current.version, { phone: '203-555-0199' }));
    expect(await count()).toBe(start);
    const res = await call(
      cmo,
      'PUT',
      '/api/clinic/profile',
      profileBody(current.version + 1, {
        phone: '203-555-0199',
        contacts: { ...profileBody(0).contacts, backupCoordinator: contact("Kevin O'Neil", 'kevin.oneil@elmcitypeds.example') },
      }),
    );
    expect(res.statusCode).toBe(200);
    const mails = await outboxTo(s, approver.email);
    expect(mails).toHaveLength(start + 1);
    expect(mails.at(-1)!.subject).toMatch(/contact change at Elm City Pediatrics, LLC \(CT1001\)/);
    expect(mails.at(-1)!.body).toMatch(/backupCoordinator\.email: \(none\) → kevin\.oneil@elmcitypeds\.example/);
    // Analysts hold no vaccine-program role: not mailed.
    const analyst = await s.ctx.db.selectFrom('users').select('email').where('username', '=', 'dphanalyst').executeTakeFirstOrThrow();
    expect(await outboxTo(s, analyst.email)).toHaveLength(0);
  });

  it('lets DPH read but not edit, and keeps other clinics out', async () => {
    const dph = await s.signIn('dphadmin');
    const refused = await call(dph, 'PUT', '/api/clinic/profile', profileBody(5));
    expect(refused.statusCode).toBe(403);
    const ceo = await s.signIn('ceo'); // Hartford CHC
    expect((await call(ceo, 'GET', `/api/clinic/profile?organizationId=${elmId}`)).statusCode).toBe(404);
    expect((await call(ceo, 'GET', `/api/clinic/profile/history?organizationId=${elmId}`)).statusCode).toBe(404);
    expect((await call(ceo, 'GET', '/api/clinic/profile')).json().pin).toBe('CT1002');
  });

  it('lets DPH change type, medical home and enrolment over the version read, validating transitions, in the history', async () => {
    const dph = await s.signIn('dphadmin');
    const url = `/api/clinics/${elmId}/enrolment`;
    const current = (await call(dph, 'GET', `/api/clinic/profile?organizationId=${elmId}`)).json();
    const body = (over: Record<string, unknown> = {}) => ({
      clinicType: 'fqhc',
      medicalHome: !current.medicalHome,
      enrolment: { status: 'enrolled', enrolledOn: '2026-02-01', endedOn: null },
      version: current.version,
      ...over,
    });
    const coordinator = await s.signIn('coordinator');
    expect((await call(coordinator, 'PUT', url, body())).statusCode).toBe(403);
    const badDates = await call(
      dph,
      'PUT',
      url,
      body({ enrolment: { status: 'terminated', enrolledOn: '2026-02-01', endedOn: '2026-01-01' } }),
    );
    expect(badDates.statusCode).toBe(400);
    expect(badDates.json().fields.map((f: { path: string }) => f.path)).toEqual(['enrolment.status', 'enrolment.endedOn']);
    const saved = await call(dph, 'PUT', url, body());
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      clinicType: 'fqhc',
      medicalHome: !current.medicalHome,
      enrolment: { status: 'enrolled', enrolledOn: '2026-02-01', endedOn: null },
      version: current.version + 1,
    });
    expect(
      (await call(dph, 'PUT', url, body({ enrolment: { status: 'suspended', enrolledOn: '2026-02-01', endedOn: null } }))).statusCode,
    ).toBe(409);
    const ended = await call(
      dph,
      'PUT',
      url,
      body({ version: current.version + 1, enrolment: { status: 'terminated', enrolledOn: '2026-02-01', endedOn: null } }),
    );
    expect(ended.json().fields.map((f: { path: string }) => f.path)).toEqual(['enrolment.endedOn']);

    const history = (await call(dph, 'GET', `/api/clinic/profile/history?organizationId=${elmId}`)).json();
    expect(history.versions[0]).toMatchObject({ version: current.version + 1, changedBy: 'dphadmin' });
    expect(history.versions[0].changes).toEqual([
      { field: 'clinicType', before: current.clinicType, after: 'fqhc' },
      { field: 'medicalHome', before: current.medicalHome, after: !current.medicalHome },
      { field: 'enrolment.status', before: 'not_enrolled', after: 'enrolled' },
      { field: 'enrolment.enrolledOn', before: null, after: '2026-02-01' },
    ]);
    const audit = await s.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', elmId)
      .where('action', '=', 'clinic.enrolment-edit')
      .execute();
    expect(audit).toHaveLength(1);
    // The clinic sees the change read-only.
    expect((await call(cmo, 'GET', '/api/clinic/profile')).json()).toMatchObject({ clinicType: 'fqhc', canEdit: true });
  });
});
