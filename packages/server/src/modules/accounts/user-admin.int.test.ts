import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { DEMO_PASSWORD } from '../../seed/demo-data.ts';
import { createUser, totp } from '../access/index.ts';
import { auditActions, outboxTo, signInWith } from '../../testing/accounts.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

describe('DPH user administration', () => {
  let s: TestServer;
  let dph: Headers;
  beforeAll(async () => {
    s = await createTestServer();
    dph = await s.signIn('dphadmin');
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const call = (h: Headers, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    s.app.inject({ method, url, headers: h, ...(payload ? { payload } : {}) });
  const idOf = async (username: string) =>
    (await s.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const otpOf = async (username: string) => {
    const u = await s.ctx.db.selectFrom('users').select('mfa_secret').where('username', '=', username).executeTakeFirstOrThrow();
    return totp(u.mfa_secret!, s.clock.now().getTime());
  };

  it('finds users by name (ignoring accents), organization, access type and status', async () => {
    const byName = (await call(dph, 'GET', '/api/users?q=nguyen')).json();
    expect(byName.users.map((u: { username: string }) => u.username)).toEqual(['dphadmin']);
    const atElm = (await call(dph, 'GET', '/api/users?pin=CT1001&accessType=clinic_access')).json();
    expect(atElm.users.map((u: { username: string }) => u.username)).toEqual(['clinicstaff']);
    expect(atElm.users[0].memberships[0]).toMatchObject({ pin: 'CT1001', accessType: 'clinic_access', active: true });
    const atFqhc = (await call(dph, 'GET', '/api/users?pin=ct1002')).json();
    expect(atFqhc.users.map((u: { username: string }) => u.username).sort()).toEqual(['ceo', 'coordinator']);
    expect((await call(dph, 'GET', '/api/users?status=inactive')).json().total).toBe(0);
    const one = (await call(dph, 'GET', `/api/users/${await idOf('coordinator')}`)).json();
    expect(one).toMatchObject({ username: 'coordinator', mfaEnrolled: true, status: 'active' });
    expect(one.memberships).toHaveLength(2);
    expect(one).not.toHaveProperty('password_hash');
    expect(one).not.toHaveProperty('mfaSecret');
  });

  it('adds and ends memberships, checking the organization kind', async () => {
    const id = await idOf('clinicstaff');
    const wrongKind = await call(dph, 'POST', `/api/users/${id}/memberships`, { pin: 'SCH2001', accessType: 'clinic_access' });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().fields[0].path).toBe('pin');
    const added = await call(dph, 'POST', `/api/users/${id}/memberships`, { pin: 'CT1002', accessType: 'backup_coordinator' });
    expect(added.statusCode).toBe(201);
    expect((await call(dph, 'POST', `/api/users/${id}/memberships`, { pin: 'CT1002', accessType: 'backup_coordinator' })).statusCode).toBe(
      409,
    );
    const membershipId = added.json().membershipId;
    const ended = await call(dph, 'DELETE', `/api/users/${id}/memberships/${membershipId}`);
    expect(ended.statusCode).toBe(200);
    const detail = (await call(dph, 'GET', `/api/users/${id}`)).json();
    expect(detail.memberships.find((m: { id: string }) => m.id === membershipId)).toMatchObject({
      active: false,
      endedAt: expect.any(String),
    });
    expect(await auditActions(s, id)).toEqual(expect.arrayContaining(['membership.add', 'membership.end']));
  });

  it('deactivates (ending sessions) and reactivates', async () => {
    const cmo = await s.signIn('cmo');
    const id = await idOf('cmo');
    expect((await call(dph, 'POST', `/api/users/${id}/deactivate`, { reason: 'Retired' })).json()).toEqual({ status: 'inactive' });
    expect((await call(cmo, 'GET', '/api/me')).statusCode).toBe(401);
    const refused = await signInWith(s, 'cmo', DEMO_PASSWORD, await otpOf('cmo'));
    expect(refused.res.statusCode).toBe(403);
    expect((await call(dph, 'GET', '/api/users?status=inactive')).json().users.map((u: { username: string }) => u.username)).toEqual([
      'cmo',
    ]);
    expect((await call(dph, 'POST', `/api/users/${id}/reactivate`)).json()).toEqual({ status: 'active' });
    s.clock.advance(30_000); // the code of the first sign-in is spent
    expect((await signInWith(s, 'cmo', DEMO_PASSWORD, await otpOf('cmo'))).res.statusCode).toBe(200);
    expect(await auditActions(s, id)).toEqual(expect.arrayContaining(['user.deactivate', 'user.reactivate']));
  });

  it('resets MFA so the next sign-in enrols again', async () => {
    const id = await idOf('backup');
    expect((await call(dph, 'POST', `/api/users/${id}/mfa-reset`)).json()).toEqual({ mfaEnrolled: false });
    const next = await signInWith(s, 'backup', DEMO_PASSWORD);
    expect(next.res.json()).toEqual({ stage: 'mfa_enroll' });
    expect((await outboxTo(s, 'backup@demo.nutmeg.example')).map((m) => m.subject)).toEqual(['Nutmeg IIS: your authenticator was reset']);
  });

  it('resets a password: the old one stops working and only the owner’s mail has the link to a new one', async () => {
    const id = await idOf('healthdirector');
    const res = await call(dph, 'POST', `/api/users/${id}/password-reset`);
    expect(res.json()).toEqual({ ok: true, mailedTo: 'healthdirector@demo.nutmeg.example' });
    s.clock.advance(30_000);
    expect((await signInWith(s, 'healthdirector', DEMO_PASSWORD, await otpOf('healthdirector'))).res.statusCode).toBe(401);
    const mail = (await outboxTo(s, 'healthdirector@demo.nutmeg.example')).at(-1)!;
    expect(mail.subject).toBe('Nutmeg IIS: choose a new password');
    const token = /\/activate\?token=([\w-]+)/.exec(mail.body!)![1]!;
    expect(res.body).not.toContain(token);
    const set = await s.app.inject({
      method: 'POST',
      url: '/api/password-reset/complete',
      payload: { token, newPassword: 'quiet harbor lantern' },
    });
    expect(set.json()).toEqual({ ok: true, username: 'healthdirector' });
    const signed = await signInWith(s, 'healthdirector', 'quiet harbor lantern', await otpOf('healthdirector'));
    expect(signed.res.json()).toEqual({ stage: 'active' });
    expect(await auditActions(s, id)).toEqual(expect.arrayContaining(['user.password-reset', 'password.activate']));
  });

  it('lets only an administrator change DPH roles, never their own', async () => {
    const analyst = await idOf('dphanalyst');
    const set = await call(dph, 'PUT', `/api/users/${analyst}/dph-roles`, { roles: ['analyst_readonly', 'data_steward'] });
    expect(set.json().dphRoles.map((r: { role: string }) => r.role)).toEqual(['analyst_readonly', 'data_steward']);
    expect((await call(dph, 'PUT', `/api/users/${await idOf('dphadmin')}/dph-roles`, { roles: ['administrator'] })).statusCode).toBe(403);
    expect((await call(dph, 'PUT', `/api/users/${await idOf('clinicstaff')}/dph-roles`, { roles: ['administrator'] })).statusCode).toBe(
      400,
    );

    const dphOrg = await s.ctx.db.selectFrom('organizations').select('id').where('kind', '=', 'dph').executeTakeFirstOrThrow();
    const secret = 'JBSWY3DPEHPK3PXP';
    await createUser(
      s.ctx.db,
      {
        username: 'approver',
        email: 'approver@ct.gov.example',
        firstName: 'Ada',
        lastName: 'Approver',
        memberships: [{ organizationId: dphOrg.id, accessType: 'dph' }],
        dphRoles: ['account_approver'],
        password: DEMO_PASSWORD,
        temporary: false,
        mfaSecret: secret,
      },
      1024,
    );
    const approver = (await signInWith(s, 'approver', DEMO_PASSWORD, totp(secret, s.clock.now().getTime()))).headers!;
    expect((await call(approver, 'GET', '/api/users?q=osei')).statusCode).toBe(200);
    expect((await call(approver, 'PUT', `/api/users/${analyst}/dph-roles`, { roles: ['administrator'] })).statusCode).toBe(403);
    expect((await call(approver, 'PUT', `/api/users/${await idOf('approver')}/dph-roles`, { roles: ['administrator'] })).statusCode).toBe(
      403,
    );
  });

  it('refuses user administration to everyone without user:admin, and self-deactivation', async () => {
    const analyst = await s.signIn('dphanalyst');
    expect((await call(analyst, 'GET', '/api/users')).statusCode).toBe(403);
    const coordinator = await s.signIn('coordinator');
    expect((await call(coordinator, 'POST', `/api/users/${await idOf('clinicstaff')}/deactivate`)).statusCode).toBe(403);
    expect((await call(dph, 'POST', `/api/users/${await idOf('dphadmin')}/deactivate`)).statusCode).toBe(403);
  });
});

describe('coordinators and their clinic’s users', () => {
  let s: TestServer;
  let coordinator: Headers;
  beforeAll(async () => {
    s = await createTestServer();
    coordinator = await s.signIn('coordinator'); // acting for Elm City Pediatrics (CT1001)
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const idOf = async (username: string) =>
    (await s.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const deactivate = (h: Headers, userId: string) =>
    s.app.inject({ method: 'POST', url: `/api/clinic-users/${userId}/deactivate`, headers: h, payload: {} });

  it('lists the users with access at the clinic the coordinator acts for', async () => {
    const res = (await s.app.inject({ method: 'GET', url: '/api/clinic-users', headers: coordinator })).json();
    expect(res.clinic.pin).toBe('CT1001');
    expect(res.users.map((u: { username: string }) => u.username).sort()).toEqual(['backup', 'clinicstaff', 'cmo', 'coordinator']);
  });

  it('cannot deactivate a user of another clinic, even one the coordinator also works for', async () => {
    const ceo = await idOf('ceo'); // Hartford CHC (CT1002) only
    const res = await deactivate(coordinator, ceo);
    expect(res.statusCode).toBe(404);
    expect((await deactivate(coordinator, await idOf('schoolnurse'))).statusCode).toBe(404);
    const u = await s.ctx.db.selectFrom('users').select('status').where('id', '=', ceo).executeTakeFirstOrThrow();
    expect(u.status).toBe('active');
    const m = await s.ctx.db.selectFrom('memberships').select('active').where('user_id', '=', ceo).execute();
    expect(m.every((x) => x.active)).toBe(true);
  });

  it('ends the access of one who left; the account is deactivated when it was their last', async () => {
    const staff = await s.signIn('clinicstaff');
    const id = await idOf('clinicstaff');
    const res = await deactivate(coordinator, id);
    expect(res.json()).toEqual({ userId: id, membershipsEnded: 1, userDeactivated: true });
    expect((await s.app.inject({ method: 'GET', url: '/api/me', headers: staff })).statusCode).toBe(401);
    const onList = await s.ctx.db
      .selectFrom('clinic_staff')
      .select('active')
      .where('email', '=', 'clinicstaff@demo.nutmeg.example')
      .execute();
    expect(onList.map((r) => r.active)).toEqual([false]);
    const audit = await s.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'organization_id'])
      .where('entity_id', '=', id)
      .where('action', '=', 'clinic-user.deactivate')
      .executeTakeFirstOrThrow();
    expect(audit.organization_id).toBeTruthy();
  });

  it('keeps the account of someone who still works at another clinic', async () => {
    const orgs = await s.ctx.db.selectFrom('organizations').select(['id', 'pin']).where('pin', 'in', ['CT1001', 'CT1003']).execute();
    const user = await createUser(
      s.ctx.db,
      {
        username: 'floater',
        email: 'floater@example.org',
        firstName: 'Flo',
        lastName: 'Ater',
        memberships: orgs.map((o) => ({ organizationId: o.id, accessType: 'clinic_access' as const })),
        password: DEMO_PASSWORD,
        temporary: false,
      },
      1024,
    );
    const res = await deactivate(coordinator, user.id);
    expect(res.json()).toEqual({ userId: user.id, membershipsEnded: 1, userDeactivated: false });
    const left = await s.ctx.db
      .selectFrom('memberships')
      .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
      .select('organizations.pin')
      .where('user_id', '=', user.id)
      .where('memberships.active', '=', true)
      .execute();
    expect(left.map((r) => r.pin)).toEqual(['CT1003']);
  });

  it('is not open to clinic staff, and a coordinator cannot deactivate themselves', async () => {
    const cmo = await s.signIn('cmo');
    expect((await s.app.inject({ method: 'GET', url: '/api/clinic-users', headers: cmo })).statusCode).toBe(403);
    expect((await deactivate(coordinator, await idOf('coordinator'))).statusCode).toBe(403);
  });
});
