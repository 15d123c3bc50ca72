import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { totp } from '../access/index.ts';
import { auditActions, buildRequest, outboxTo, signInWith } from '../../testing/accounts.ts';

describe('Request User Account and the DPH review queue', () => {
  let s: TestServer;
  let dph: { cookie: string; 'x-csrf-token': string };
  beforeAll(async () => {
    s = await createTestServer();
    dph = await s.signIn('dphadmin');
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const submit = (body: object) => s.app.inject({ method: 'POST', url: '/api/account-requests', payload: body });
  const asDph = (method: 'GET' | 'POST', url: string, payload?: object) =>
    s.app.inject({ method, url, headers: dph, ...(payload ? { payload } : {}) });
  const counts = async () => ({
    requests: Number(
      (
        await s.ctx.db
          .selectFrom('account_requests')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    audit: Number(
      (
        await s.ctx.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('action', '=', 'account.request')
          .executeTakeFirstOrThrow()
      ).n,
    ),
    mail: Number(
      (
        await s.ctx.db
          .selectFrom('mail_outbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });

  it("offers the eight access types with their descriptions, the agreements in force and DPH's roles, without sign-in", async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/account-requests/options' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.accessTypes).toHaveLength(8);
    const school = body.accessTypes.find((t: { value: string }) => t.value === 'school_readonly');
    expect(school).toMatchObject({
      label: 'School Read-Only',
      organizationKind: 'school',
      modulesSummary: 'Patient Management (Read-Only), Reports',
    });
    expect(school.description).toMatch(/School RN/);
    expect(body.dphRoles.map((r: { role: string }) => r.role)).toEqual([
      'account_approver',
      'vaccine_program_approver',
      'data_steward',
      'analyst_readonly',
      'administrator',
    ]);
    expect(body.dphRoles[2].label).toBe('Data steward (data quality, merge)');
    expect(body.agreements.map((a: { kind: string; version: string }) => `${a.kind}@${a.version}`).sort()).toEqual([
      'confidentiality@2026.1',
      'user@2026.1',
    ]);
    const lookup = await s.app.inject({ method: 'GET', url: '/api/account-requests/organizations/ct1001' });
    expect(lookup.json()).toMatchObject({ pin: 'CT1001', name: 'Elm City Pediatrics', kind: 'clinic' });
    expect((await s.app.inject({ method: 'GET', url: '/api/account-requests/organizations/CT9999' })).statusCode).toBe(404);
  });

  it('takes a request through approval, an activation link, the owner’s own password and MFA to the modules of the access type', async () => {
    const created = await submit(buildRequest({ pins: 'ct1001' }));
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const row = await s.ctx.db.selectFrom('account_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.agreements.map((a) => [a.kind, a.version])).toEqual([
      ['user', '2026.1'],
      ['confidentiality', '2026.1'],
    ]);
    expect(row.agreements.every((a) => !Number.isNaN(Date.parse(a.acceptedAt)))).toBe(true);
    const received = await outboxTo(s, 'jordan.rivera@elmcitypeds.example');
    expect(received.map((m) => m.subject)).toEqual(['Nutmeg IIS: we received your account request']);

    const queue = (await asDph('GET', '/api/account-requests?status=pending')).json();
    expect(queue.requests.map((r: { id: string }) => r.id)).toContain(id);
    const detail = (await asDph('GET', `/api/account-requests/${id}`)).json();
    expect(detail.staffListRequired).toBe(true);
    expect(detail.staffCheck).toEqual([expect.objectContaining({ pin: 'CT1001', onStaffList: true, matchedBy: 'email' })]);
    expect(detail.proposedUsername).toBe('jrivera');

    const approved = await asDph('POST', `/api/account-requests/${id}/approve`, {});
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', user: { username: 'jrivera' } });

    expect(approved.body).not.toMatch(/token/);

    // One mail: the username and a single-use activation link; no password anywhere.
    const mails = await outboxTo(s, 'jordan.rivera@elmcitypeds.example');
    expect(mails.map((m) => m.subject)).toEqual([
      'Nutmeg IIS: we received your account request',
      'Nutmeg IIS: your account is approved — activate it',
    ]);
    const body = mails[1]!.body!;
    expect(body).toContain('Your username: jrivera');
    expect(body).not.toMatch(/temporary password/i);
    const token = /http:\/\/localhost:8080\/activate\?token=([\w-]+)/.exec(body)![1]!;
    const user = await s.ctx.db.selectFrom('users').select('id').where('username', '=', 'jrivera').executeTakeFirstOrThrow();
    const link = await s.ctx.db.selectFrom('password_resets').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(link).toMatchObject({ purpose: 'activation', used_at: null });
    expect(link.token_hash).not.toContain(token);
    expect(link.expires_at.getTime() - s.clock.now().getTime()).toBe(72 * 3_600_000);

    const activate = (newPassword: string) =>
      s.app.inject({ method: 'POST', url: '/api/password-reset/complete', payload: { token, newPassword } });
    expect((await activate('amber canyon whistle')).json()).toEqual({ ok: true, username: 'jrivera' });
    expect((await activate('another fine choice')).statusCode).toBe(400); // single use

    const first = await signInWith(s, 'jrivera', 'amber canyon whistle');
    expect(first.res.json()).toEqual({ stage: 'mfa_enroll' });
    const h = first.headers!;
    const setup = (await s.app.inject({ method: 'POST', url: '/api/session/mfa/setup', headers: h })).json();
    const verified = await s.app.inject({
      method: 'POST',
      url: '/api/session/mfa/verify',
      headers: h,
      payload: { otp: totp(setup.secret, s.clock.now().getTime()) },
    });
    expect(verified.json()).toEqual({ stage: 'active' });
    const me = (await s.app.inject({ method: 'GET', url: '/api/me', headers: h })).json();
    expect(Object.keys(me.modules).sort()).toEqual(['patients', 'reports']);
    expect(me.memberships).toEqual([expect.objectContaining({ accessType: 'clinic_access', pin: 'CT1001' })]);

    expect(await auditActions(s, id)).toEqual(['account.request', 'account.approve']);
    expect(await auditActions(s, user.id)).toEqual(expect.arrayContaining(['user.create', 'password.activate']));
  });

  it('refuses an activation link after its time is up; the owner then asks for a reset link', async () => {
    const { id } = (
      await submit(
        buildRequest({ accessType: 'ceo_signing', pins: 'CT1003', firstName: 'Lee', lastName: 'Park', email: 'lee.park@example.org' }),
      )
    ).json();
    expect((await asDph('POST', `/api/account-requests/${id}/approve`, {})).statusCode).toBe(200);
    const token = /\/activate\?token=([\w-]+)/.exec((await outboxTo(s, 'lee.park@example.org')).at(-1)!.body!)![1]!;
    s.clock.advance(73 * 3_600_000);
    const late = await s.app.inject({
      method: 'POST',
      url: '/api/password-reset/complete',
      payload: { token, newPassword: 'amber canyon whistle' },
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().fields[0].path).toBe('token');
    s.clock.set(new Date());
  });

  it('refuses to approve Clinic Access for someone missing from a clinic’s staff list, naming the clinic, and creates nothing', async () => {
    const { id } = (
      await submit(
        buildRequest({
          firstName: 'Priya',
          lastName: 'Raman',
          email: 'priya.raman@hartfordchc.example',
          pins: 'CT1002, CT1001',
          jobTitle: 'RN',
        }),
      )
    ).json();
    const detail = (await asDph('GET', `/api/account-requests/${id}`)).json();
    expect(detail.staffCheck.map((c: { pin: string; onStaffList: boolean }) => [c.pin, c.onStaffList])).toEqual([
      ['CT1002', true],
      ['CT1001', false],
    ]);
    const refused = await asDph('POST', `/api/account-requests/${id}/approve`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().title).toMatch(/not on the staff list of Elm City Pediatrics \(CT1001\)/);
    expect(refused.json().title).not.toMatch(/Hartford/);
    expect(await s.ctx.db.selectFrom('users').select('id').where('email', '=', 'priya.raman@hartfordchc.example').execute()).toHaveLength(
      0,
    );
    expect((await s.ctx.db.selectFrom('account_requests').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe(
      'pending',
    );

    // The coordinator adds her (under another e-mail, name with different case and accents): now it goes through.
    const elm = await s.ctx.db.selectFrom('organizations').select('id').where('pin', '=', 'CT1001').executeTakeFirstOrThrow();
    await s.ctx.db
      .insertInto('clinic_staff')
      .values({ organization_id: elm.id, first_name: 'PRIYA', last_name: 'Rámán', email: 'p.raman@elm.example' })
      .execute();
    const approved = await asDph('POST', `/api/account-requests/${id}/approve`, {});
    expect(approved.statusCode).toBe(200);
    const memberships = await s.ctx.db
      .selectFrom('memberships')
      .select('organization_id')
      .where('user_id', '=', approved.json().user.id)
      .execute();
    expect(memberships).toHaveLength(2);
  });

  it('denies with a reason that is mailed to the requester, and a decided request cannot be decided again', async () => {
    const { id } = (
      await submit(
        buildRequest({
          accessType: 'cmo_signing',
          firstName: 'Helen',
          lastName: 'Cho',
          email: 'helen.cho@example.org',
          jobTitle: 'Physician',
        }),
      )
    ).json();
    const noReason = await asDph('POST', `/api/account-requests/${id}/deny`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0].path).toBe('reason');
    const denied = await asDph('POST', `/api/account-requests/${id}/deny`, {
      reason: 'Elm City Pediatrics already has a signing physician.',
    });
    expect(denied.json()).toEqual({ requestId: id, status: 'denied' });
    const mails = await outboxTo(s, 'helen.cho@example.org');
    expect(mails.at(-1)!.body).toContain('Elm City Pediatrics already has a signing physician.');
    expect((await asDph('POST', `/api/account-requests/${id}/approve`, {})).statusCode).toBe(409);
    expect((await asDph('POST', `/api/account-requests/${id}/deny`, { reason: 'again' })).statusCode).toBe(409);
    const denials = (await asDph('GET', '/api/account-requests?status=denied')).json();
    expect(denials.requests[0]).toMatchObject({
      id,
      decisionReason: 'Elm City Pediatrics already has a signing physician.',
      decidedBy: 'dphadmin',
    });
    expect(await auditActions(s, id)).toEqual(['account.request', 'account.deny']);
  });

  it('answers bad input with field-level messages and saves nothing', async () => {
    const before = await counts();
    const unknown = await submit(buildRequest({ pins: 'CT1001, CT9999', email: 'x1@example.org' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields).toEqual([{ path: 'pins', message: expect.stringContaining('CT9999') }]);

    const wrongKind = await submit(buildRequest({ accessType: 'school_readonly', pins: 'CT1001', email: 'x2@example.org' }));
    expect(wrongKind.json().fields).toEqual([
      { path: 'pins', message: expect.stringMatching(/CT1001 is Elm City Pediatrics, not a school.*school code/) },
    ]);

    const noAgreements = await submit(buildRequest({ agreements: {}, email: 'x3@example.org' }));
    expect(
      noAgreements
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['agreements.confidentiality', 'agreements.user']);
    const oldVersion = await submit(buildRequest({ agreements: { user: '2025.1', confidentiality: '2026.1' }, email: 'x4@example.org' }));
    expect(oldVersion.json().fields).toEqual([{ path: 'agreements.user', message: expect.stringContaining('2026.1') }]);

    const shape = await submit(buildRequest({ email: 'not-an-email', firstName: '', accessType: 'clinic_access' }));
    expect(shape.statusCode).toBe(400);
    expect(
      shape
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['email', 'firstName']);

    const everything = await submit({});
    expect(everything.json().fields.map((f: { path: string }) => f.path)).toEqual([
      'accessType',
      'agreements.user',
      'agreements.confidentiality',
      'firstName',
      'lastName',
      'email',
      'phone',
      'jobTitle',
    ]);
    const shortPhone = await submit(buildRequest({ phone: '555-0199', email: 'x6@example.org' }));
    expect(shortPhone.json().fields).toEqual([{ path: 'phone', message: 'Enter the full phone number with area code.' }]);

    const noType = await submit(buildRequest({ accessType: 'superuser', email: 'x5@example.org' }));
    expect(noType.json().fields.map((f: { path: string }) => f.path)).toContain('accessType');
    expect(await counts()).toEqual(before);
  });

  it('refuses a second pending request for the same e-mail and access type', async () => {
    const body = buildRequest({ accessType: 'backup_coordinator', firstName: 'Ann', lastName: 'Lee', email: 'ann.lee@example.org' });
    expect((await submit(body)).statusCode).toBe(201);
    const again = await submit({ ...body, email: 'ANN.LEE@example.org' });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0].path).toBe('email');
    // Another access type is another request.
    expect((await submit({ ...body, accessType: 'clinic_access' })).statusCode).toBe(201);
  });

  it('asks for DPH roles when approving DPH (State Only) access, which needs no PIN', async () => {
    const { id } = (
      await submit(
        buildRequest({
          accessType: 'dph',
          pins: '',
          firstName: 'Omar',
          lastName: 'Haddad',
          email: 'omar.haddad@ct.gov.example',
          jobTitle: 'Epidemiologist',
        }),
      )
    ).json();
    const detail = (await asDph('GET', `/api/account-requests/${id}`)).json();
    expect(detail.organizations).toEqual([expect.objectContaining({ kind: 'dph' })]);
    const noRoles = await asDph('POST', `/api/account-requests/${id}/approve`, {});
    expect(noRoles.statusCode).toBe(400);
    expect(noRoles.json().fields[0].path).toBe('dphRoles');
    const ok = await asDph('POST', `/api/account-requests/${id}/approve`, { dphRoles: ['analyst_readonly'], username: 'ohaddad.dph' });
    expect(ok.json().user.username).toBe('ohaddad.dph');
    const u = await s.ctx.db
      .selectFrom('users')
      .select(['dph_roles', 'password_temporary'])
      .where('username', '=', 'ohaddad.dph')
      .executeTakeFirstOrThrow();
    expect(u).toEqual({ dph_roles: ['analyst_readonly'], password_temporary: false });
  });

  it('approves a request of someone who already has an account by adding to that account, when DPH chooses so', async () => {
    const email = 'clinicstaff@demo.nutmeg.example';
    const { id } = (
      await submit(
        buildRequest({
          accessType: 'backup_coordinator',
          pins: 'CT1001,CT1002',
          firstName: 'Aisha',
          lastName: 'Johnson',
          email,
          jobTitle: 'Medical Assistant',
        }),
      )
    ).json();
    const detail = (await asDph('GET', `/api/account-requests/${id}`)).json();
    expect(detail.existingUsers).toEqual([expect.objectContaining({ username: 'clinicstaff', status: 'active' })]);
    const refused = await asDph('POST', `/api/account-requests/${id}/approve`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ step: 'existing_user', existingUsers: [{ username: 'clinicstaff' }] });
    const wrong = await asDph('POST', `/api/account-requests/${id}/approve`, {
      // Another id: the real one with its last digit changed (never to itself).
      addToUserId: (detail.existingUsers[0].id as string).replace(/.$/, (c) => (c === '0' ? '1' : '0')),
    });
    expect(wrong.statusCode).toBe(400);
    const before = (await outboxTo(s, email)).length;
    const ok = await asDph('POST', `/api/account-requests/${id}/approve`, { addToUserId: detail.existingUsers[0].id });
    expect(ok.json()).toMatchObject({ status: 'approved', created: false, user: { username: 'clinicstaff' } });
    const memberships = await s.ctx.db
      .selectFrom('memberships')
      .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
      .select(['organizations.pin', 'memberships.access_type'])
      .where('user_id', '=', detail.existingUsers[0].id)
      .where('memberships.active', '=', true)
      .orderBy('access_type')
      .orderBy('pin')
      .execute();
    expect(memberships.map((m) => `${m.access_type}@${m.pin}`)).toEqual([
      'backup_coordinator@CT1001',
      'backup_coordinator@CT1002',
      'clinic_access@CT1001',
    ]);
    const mails = (await outboxTo(s, email)).slice(before);
    expect(mails.map((m) => m.subject)).toEqual(['Nutmeg IIS: your access is extended']);
    expect(mails[0]!.body).not.toMatch(/temporary password/i);
  });

  it('approves a request once when two approvers click at the same time', async () => {
    const { id } = (
      await submit(
        buildRequest({
          accessType: 'ceo_signing',
          pins: 'CT1003',
          firstName: 'Dana',
          lastName: 'Wolfe',
          email: 'dana.wolfe@example.org',
          jobTitle: 'CEO',
        }),
      )
    ).json();
    const results = await Promise.all([
      asDph('POST', `/api/account-requests/${id}/approve`, {}),
      asDph('POST', `/api/account-requests/${id}/approve`, {}),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await s.ctx.db.selectFrom('users').select('id').where('email', '=', 'dana.wolfe@example.org').execute()).toHaveLength(1);
  });

  it('keeps the queue and the outbox to DPH', async () => {
    expect((await s.app.inject({ method: 'GET', url: '/api/account-requests' })).statusCode).toBe(401);
    const staff = await s.signIn('clinicstaff');
    expect((await s.app.inject({ method: 'GET', url: '/api/account-requests', headers: staff })).statusCode).toBe(403);
    expect((await s.app.inject({ method: 'GET', url: '/api/outbox', headers: staff })).statusCode).toBe(403);
    const analyst = await s.signIn('dphanalyst');
    expect((await s.app.inject({ method: 'GET', url: '/api/account-requests', headers: analyst })).statusCode).toBe(403);
  });

  it('leaves an intact audit chain behind all of the above', async () => {
    const res = (await s.app.inject({ method: 'GET', url: '/api/audit/verify', headers: dph })).json();
    expect(res).toMatchObject({ ok: true, brokenAt: null });
  });
});

describe('Request User Account rate limit', () => {
  let s: TestServer;
  beforeAll(async () => {
    // The production default: 600 requests a minute on the API, a sixtieth of that on the public form.
    s = await createTestServer({ RATE_LIMIT_PER_MINUTE: 600 });
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('allows ten requests a minute from one address on the public form', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/account-requests',
        remoteAddress: '198.51.100.7',
        payload: { accessType: 'clinic_access' },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 400)).toBe(true);
    expect(codes[10]).toBe(429);
    // Another address is not affected.
    const other = await s.app.inject({
      method: 'POST',
      url: '/api/account-requests',
      remoteAddress: '198.51.100.8',
      payload: { accessType: 'clinic_access' },
    });
    expect(other.statusCode).toBe(400);
  });
});
