import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { DEMO_PASSWORD } from '../../seed/demo-data.ts';
import { createUser, generateTotpSecret, totp } from '../access/index.ts';
import { hasCurrentAgreement } from './index.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

const band = (n: number) => ({ under1: n, age1to6: 2 * n, age7to18: 3 * n });
const DATA = {
  providerProfile: { V02: band(10), V03: band(4), V04: band(0), V05: band(2) },
  prescribers: [
    {
      name: 'Rajesh Patel',
      licenseType: 'MD',
      licenseNumber: '041234',
      licenseState: 'ct',
      licenseExpires: '2027-06-30',
      npi: '1234567893',
    },
  ],
  vaccines: ['DTaP', 'MMR', 'Influenza'],
};

describe('provider agreements', () => {
  let s: TestServer;
  let coordinator: Headers;
  let cmo: Headers;
  let elmCeo: Headers;
  let elmId: string;
  const year = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric' }).format(s.clock.now()));
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(s.clock.now());

  beforeAll(async () => {
    s = await createTestServer();
    elmId = (await s.ctx.db.selectFrom('organizations').select('id').where('pin', '=', 'CT1001').executeTakeFirstOrThrow()).id;
    // Elm City's own CEO (the demo CEO is Hartford CHC's), to sign its COVID-19 agreement.
    await createUser(
      s.ctx.db,
      {
        username: 'elmceo',
        email: 'ceo@elmcitypeds.example',
        firstName: 'Dana',
        lastName: 'Brooks',
        memberships: [{ organizationId: elmId, accessType: 'ceo_signing' }],
        password: DEMO_PASSWORD,
        temporary: false,
        mfaSecret: generateTotpSecret(),
      },
      1024,
    );
    cmo = await s.signIn('cmo');
    elmCeo = await s.signIn('elmceo');
    coordinator = await s.signIn('coordinator');
    const me = (await s.app.inject({ method: 'GET', url: '/api/me', headers: coordinator })).json();
    const elmMembership = me.memberships.find((m: { organizationId: string }) => m.organizationId === elmId);
    await s.app.inject({ method: 'PUT', url: '/api/session/scope', headers: coordinator, payload: { membershipId: elmMembership.id } });
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const call = (h: Headers, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    s.app.inject({ method, url, headers: h, ...(payload ? { payload } : {}) });
  /** A fresh code each time: the clock moves 30 s so that the step was not spent by the sign-in. */
  const otpOf = async (username: string) => {
    s.clock.advance(31_000);
    const u = await s.ctx.db.selectFrom('users').select('mfa_secret').where('username', '=', username).executeTakeFirstOrThrow();
    return totp(u.mfa_secret!, s.clock.now().getTime());
  };
  const sign = async (h: Headers, username: string, id: string, version: number, over: Record<string, unknown> = {}) =>
    call(h, 'POST', `/api/clinic/agreements/${id}/sign`, { password: DEMO_PASSWORD, otp: await otpOf(username), version, ...over });

  let cvpId: string;

  it('lets only the CMO sign the CVP agreement: the coordinator, clinic staff and the CEO are refused with the reason', async () => {
    const drafted = await call(coordinator, 'POST', '/api/clinic/agreements', { program: 'cvp', programYear: year(), data: DATA });
    expect(drafted.statusCode).toBe(201);
    const a = drafted.json();
    cvpId = a.id;
    expect(a).toMatchObject({ status: 'draft', revision: 1, signers: ['cmo'], conditionsVersion: 'CT-CVP-2026.1', signedHash: null });
    expect(a.conditionsText).toMatch(/Vaccines for Children/);
    expect(a.data.prescribers[0].licenseState).toBe('CT');
    expect(a.data.clinic.pin).toBe('CT1001');

    const byCoordinator = await sign(coordinator, 'coordinator', cvpId, a.version);
    expect(byCoordinator.statusCode).toBe(403);
    expect(byCoordinator.json().title).toMatch(/does not allow agreement:sign/);
    const staff = await s.signIn('clinicstaff');
    expect((await sign(staff, 'clinicstaff', cvpId, a.version)).statusCode).toBe(403);
    const byCeo = await sign(elmCeo, 'elmceo', cvpId, a.version);
    expect(byCeo.statusCode).toBe(403);
    expect(byCeo.json().title).toMatch(/Only the clinic’s Chief Medical Officer\/Physician Signing user signs the CVP agreement/);
    expect((await call(elmCeo, 'GET', `/api/clinic/agreements/${cvpId}`)).json()).toMatchObject({
      canSign: false,
      signRefusal: expect.stringMatching(/CVP/),
    });

    const signed = await sign(cmo, 'cmo', cvpId, a.version);
    expect(signed.statusCode).toBe(200);
    const after = signed.json();
    expect(after.status).toBe('submitted');
    expect(after.signedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(after.contentHash).toBe(after.signedHash);
    expect(after.signatures).toEqual([expect.objectContaining({ role: 'cmo', signerUsername: 'cmo', sha256: after.signedHash })]);
  });

  it('fails a signature with a wrong code or password, naming the field, and records nothing', async () => {
    const d = (await call(coordinator, 'POST', '/api/clinic/agreements', { program: 'cvp', programYear: year() + 1, data: DATA })).json();
    const wrongOtp = await call(cmo, 'POST', `/api/clinic/agreements/${d.id}/sign`, {
      password: DEMO_PASSWORD,
      otp: '000000',
      version: d.version,
    });
    expect(wrongOtp.statusCode).toBe(400);
    expect(wrongOtp.json().fields).toEqual([expect.objectContaining({ path: 'otp' })]);
    const wrongPassword = await sign(cmo, 'cmo', d.id, d.version, { password: 'not-my-password' });
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.json().fields[0].path).toBe('password');
    // A code works once: the same code again is refused.
    const code = await otpOf('cmo');
    expect(
      (await call(cmo, 'POST', `/api/clinic/agreements/${d.id}/sign`, { password: DEMO_PASSWORD, otp: code, version: d.version }))
        .statusCode,
    ).toBe(200);
    const e2 = (
      await call(coordinator, 'POST', '/api/clinic/agreements', { program: 'covid19', programYear: year() + 1, data: DATA })
    ).json();
    expect(
      (await call(cmo, 'POST', `/api/clinic/agreements/${e2.id}/sign`, { password: DEMO_PASSWORD, otp: code, version: e2.version }))
        .statusCode,
    ).toBe(400);
    expect(await s.ctx.db.selectFrom('agreement_signatures').select('id').where('agreement_id', '=', e2.id).execute()).toHaveLength(0);
  });

  it('keeps a signed revision frozen: a change starts a new draft, the signed text and hash stay', async () => {
    const before = (await call(cmo, 'GET', `/api/clinic/agreements/${cvpId}`)).json();
    const changed = await call(coordinator, 'PUT', `/api/clinic/agreements/${cvpId}`, {
      data: { ...DATA, vaccines: ['DTaP'] },
      version: before.version,
    });
    expect(changed.statusCode).toBe(200);
    const draft = changed.json();
    expect(draft).toMatchObject({ revision: 2, status: 'draft', signedHash: null });
    expect(draft.id).not.toBe(cvpId);
    const old = (await call(cmo, 'GET', `/api/clinic/agreements/${cvpId}`)).json();
    expect(old).toMatchObject({
      status: 'superseded',
      signedHash: before.signedHash,
      contentHash: before.signedHash,
      conditionsText: before.conditionsText,
    });
    expect(old.data.vaccines).toEqual(DATA.vaccines);
    // The superseded one is no longer signable nor editable.
    expect((await call(coordinator, 'PUT', `/api/clinic/agreements/${cvpId}`, { data: DATA, version: old.version })).statusCode).toBe(409);
    cvpId = draft.id;
  });

  it('needs the CMO and the CEO for COVID-19; DPH returns with a comment, the clinic revises, DPH approves: the agreement is current', async () => {
    const c = (await call(coordinator, 'POST', '/api/clinic/agreements', { program: 'covid19', programYear: year(), data: DATA })).json();
    expect(c.signers).toEqual(['cmo', 'ceo']);
    const first = (await sign(cmo, 'cmo', c.id, c.version)).json();
    expect(first.status).toBe('signing');
    const second = await sign(elmCeo, 'elmceo', c.id, first.version);
    expect(second.statusCode).toBe(200);
    expect(second.json().status).toBe('submitted');
    expect(second.json().signatures.map((x: { sha256: string }) => x.sha256)).toEqual([first.signedHash, first.signedHash]);

    const dph = await s.signIn('dphadmin');
    const returned = await call(dph, 'POST', `/api/clinic/agreements/${c.id}/return`, { comment: 'Add your second storage unit.' });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewComment: 'Add your second storage unit.', reviewedBy: 'dphadmin' });
    const list = (await call(coordinator, 'GET', '/api/clinic/agreements')).json();
    expect(list.agreements.find((x: { id: string }) => x.id === c.id).reviewComment).toBe('Add your second storage unit.');

    const revised = (
      await call(coordinator, 'PUT', `/api/clinic/agreements/${c.id}`, { data: DATA, version: returned.json().version })
    ).json();
    expect(revised).toMatchObject({ revision: 2, status: 'draft' });
    const r1 = (await sign(cmo, 'cmo', revised.id, revised.version)).json();
    const r2 = (await sign(elmCeo, 'elmceo', revised.id, r1.version)).json();
    expect(r2.status).toBe('submitted');
    expect(await hasCurrentAgreement(s.ctx.db, elmId, 'covid19', today())).toBe(false);
    const analyst = await s.signIn('dphanalyst');
    expect((await call(analyst, 'POST', `/api/clinic/agreements/${revised.id}/approve`)).statusCode).toBe(403);
    const approved = await call(dph, 'POST', `/api/clinic/agreements/${revised.id}/approve`);
    expect(approved.json()).toMatchObject({ status: 'approved', validFrom: `${year()}-01-01`, validUntil: `${year()}-12-31` });
    expect(await hasCurrentAgreement(s.ctx.db, elmId, 'covid19', today())).toBe(true);
    expect(await hasCurrentAgreement(s.ctx.db, elmId, 'cvp', today())).toBe(false);
    expect((await call(coordinator, 'GET', '/api/clinic/agreements')).json().current).toEqual({ cvp: false, covid19: true });
    // The PDF: the signed text, both signatures with the hash, DPH's approval; downloadable by the clinic and DPH.
    const pdf = await call(coordinator, 'GET', `/api/clinic/agreements/${revised.id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const doc = await getDocument({ data: new Uint8Array(pdf.rawPayload), useSystemFonts: false, isEvalSupported: false }).promise;
    let text = '';
    for (let i = 1; i <= doc.numPages; i++)
      text += (await (await doc.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(' ') + ' ';
    expect(text).toContain(r2.signedHash);
    expect(text).toMatch(/Dana Brooks/);
    expect(text).toMatch(/Approved by dphadmin/);
    expect((await call(dph, 'GET', `/api/clinic/agreements/${revised.id}/pdf`)).statusCode).toBe(200);
    // Approved once: a second approval or a return is refused.
    expect((await call(dph, 'POST', `/api/clinic/agreements/${revised.id}/return`, { comment: 'late' })).statusCode).toBe(409);
  });

  it('counts one signature when the CMO signs twice at once', async () => {
    const d = (await call(coordinator, 'GET', `/api/clinic/agreements/${cvpId}`)).json();
    const [a, b] = await Promise.all([
      sign(cmo, 'cmo', cvpId, d.version),
      call(cmo, 'POST', `/api/clinic/agreements/${cvpId}/sign`, { password: DEMO_PASSWORD, otp: await otpOf('cmo'), version: d.version }),
    ]);
    expect([a.statusCode, b.statusCode].filter((x) => x === 200)).toHaveLength(1);
    expect(await s.ctx.db.selectFrom('agreement_signatures').select('id').where('agreement_id', '=', cvpId).execute()).toHaveLength(1);
  });

  it('keeps other clinics out and DPH from drafting', async () => {
    const ceo = await s.signIn('ceo'); // Hartford CHC
    expect((await call(ceo, 'GET', `/api/clinic/agreements/${cvpId}`)).statusCode).toBe(404);
    expect((await call(ceo, 'PUT', `/api/clinic/agreements/${cvpId}`, { data: DATA, version: 1 })).statusCode).toBe(404);
    const dph = await s.signIn('dphadmin');
    expect((await call(dph, 'POST', '/api/clinic/agreements', { program: 'cvp', programYear: year(), data: DATA })).statusCode).toBe(403);
    const bad = await call(coordinator, 'POST', '/api/clinic/agreements', {
      program: 'cvp',
      programYear: year(),
      data: { ...DATA, prescribers: [{ ...DATA.prescribers[0], npi: '12' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('data.prescribers.0.npi');
  });
});
