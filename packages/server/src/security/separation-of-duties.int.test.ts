import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server.ts';
import { buildRequest } from '../testing/accounts.ts';
import { addStaffUser, userIdOf, type StaffUser } from './security.test-helpers.ts';

/**
 * The probe showed an account approver making themselves anything: a clinic membership for
 * themselves, approval of their own request for DPH data steward, and a reset of an administrator's
 * password and MFA. Nobody approves or edits their own access, grants a role they do not hold, or
 * resets the credentials of someone with more rights; the staff list holds on every path.
 */
describe('separation of duties, enforced on the server', () => {
  let s: TestServer;
  let approver: StaffUser;
  let peer: StaffUser;
  let h: Record<string, string>;
  let admin: Record<string, string>;
  beforeAll(async () => {
    s = await createTestServer();
    approver = await addStaffUser(s, { username: 'approver', accessType: 'dph', pins: ['DPH'], dphRoles: ['account_approver'] });
    peer = await addStaffUser(s, { username: 'approverpeer', accessType: 'dph', pins: ['DPH'], dphRoles: ['account_approver'] });
    h = await s.signIn('approver');
    admin = await s.signIn('dphadmin');
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const call = (headers: Record<string, string>, method: 'POST' | 'DELETE' | 'PUT', url: string, payload: object = {}) =>
    s.app.inject({ method, url, headers, ...(method === 'DELETE' ? {} : { payload }) });

  async function requestFor(body: Record<string, unknown>): Promise<string> {
    const res = await s.app.inject({ method: 'POST', url: '/api/account-requests', payload: buildRequest(body) });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  it('refuses an approver adding a clinic membership to themselves', async () => {
    const res = await call(h, 'POST', `/api/users/${approver.id}/memberships`, { pin: 'CT1001', accessType: 'clinic_access' });
    expect(res.statusCode).toBe(403);
    const held = await s.ctx.db.selectFrom('memberships').select('access_type').where('user_id', '=', approver.id).execute();
    expect(held.map((m) => m.access_type)).toEqual(['dph']);
  });

  it('refuses Clinic Access for someone not on the clinic’s staff list, through user administration too', async () => {
    const nurse = await userIdOf(s, 'schoolnurse');
    const res = await call(admin, 'POST', `/api/users/${nurse}/memberships`, { pin: 'CT1002', accessType: 'clinic_access' });
    expect(res.statusCode).toBe(409);
    expect(res.json().step).toBe('staff_list');
    // Someone on the list (the demo clinic staff member at CT1001) may get it at that clinic.
    const cmo = await userIdOf(s, 'cmo');
    expect((await call(admin, 'POST', `/api/users/${cmo}/memberships`, { pin: 'CT1001', accessType: 'clinic_access' })).statusCode).toBe(
      201,
    );
  });

  it('refuses an approver approving their own request for DPH data steward', async () => {
    const id = await requestFor({
      accessType: 'dph',
      pins: [],
      firstName: approver.username,
      lastName: 'Tester',
      email: approver.email,
      jobTitle: 'Epidemiologist',
    });
    const extend = await call(h, 'POST', `/api/account-requests/${id}/approve`, { dphRoles: ['data_steward'], addToUserId: approver.id });
    expect(extend.statusCode).toBe(403);
    const create = await call(h, 'POST', `/api/account-requests/${id}/approve`, { dphRoles: ['account_approver'] });
    expect(create.statusCode).toBe(403);
    const roles = await s.ctx.db.selectFrom('users').select('dph_roles').where('id', '=', approver.id).executeTakeFirstOrThrow();
    expect(roles.dph_roles).toEqual(['account_approver']);
  });

  it('refuses an approver granting a DPH role they do not hold, and allows one they hold', async () => {
    const id = await requestFor({ accessType: 'dph', pins: [], firstName: 'Dana', lastName: 'Steward', email: 'dana.steward@ct.example' });
    expect((await call(h, 'POST', `/api/account-requests/${id}/approve`, { dphRoles: ['data_steward'] })).statusCode).toBe(403);
    expect((await call(h, 'POST', `/api/account-requests/${id}/approve`, { dphRoles: ['account_approver'] })).statusCode).toBe(200);
  });

  it('refuses an approver resetting the password or the MFA of an administrator', async () => {
    const target = await userIdOf(s, 'dphadmin');
    for (const action of ['password-reset', 'mfa-reset', 'temporary-password']) {
      const res = await call(h, 'POST', `/api/users/${target}/${action}`);
      expect(res.statusCode, action).not.toBe(200);
    }
    expect((await call(h, 'POST', `/api/users/${target}/password-reset`)).statusCode).toBe(403);
    expect((await call(h, 'POST', `/api/users/${target}/mfa-reset`)).statusCode).toBe(403);
    const after = await s.ctx.db
      .selectFrom('users')
      .select(['mfa_enrolled_at', 'password_hash'])
      .where('id', '=', target)
      .executeTakeFirstOrThrow();
    expect(after.mfa_enrolled_at).not.toBeNull();
  });

  it('lets an approver reset the credentials of someone whose rights they hold', async () => {
    expect((await call(h, 'POST', `/api/users/${peer.id}/mfa-reset`)).statusCode).toBe(200);
    expect((await call(h, 'POST', `/api/users/${peer.id}/password-reset`)).statusCode).toBe(200);
  });

  it('refuses an administrator editing their own access', async () => {
    const self = await userIdOf(s, 'dphadmin');
    const own = await s.ctx.db.selectFrom('memberships').select('id').where('user_id', '=', self).executeTakeFirstOrThrow();
    expect(
      (await call(admin, 'POST', `/api/users/${self}/memberships`, { pin: 'CT1001', accessType: 'primary_coordinator' })).statusCode,
    ).toBe(403);
    expect((await call(admin, 'DELETE', `/api/users/${self}/memberships/${own.id}`)).statusCode).toBe(403);
    expect((await call(admin, 'PUT', `/api/users/${self}/dph-roles`, { roles: ['administrator'] })).statusCode).toBe(403);
    expect((await call(admin, 'POST', `/api/users/${self}/password-reset`)).statusCode).toBe(403);
  });
});
