import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { endMembershipsDeactivatingOrphans } from './user.repo.ts';

describe('ending memberships, and the accounts they leave with none', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer();
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const userOf = (username: string) =>
    s.ctx.db.selectFrom('users').select(['id', 'status', 'deactivated_at']).where('username', '=', username).executeTakeFirstOrThrow();
  const membershipsOf = (userId: string) =>
    s.ctx.db
      .selectFrom('memberships as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .select(['m.id', 'm.active', 'o.pin'])
      .where('m.user_id', '=', userId)
      .execute();
  const sessionsOf = (userId: string) =>
    s.ctx.db.selectFrom('sessions').select(['id', 'active_membership_id']).where('user_id', '=', userId).execute();

  it('ends two memberships at once: the account left with none is deactivated and signed out, the other keeps going', async () => {
    // clinicstaff works at Elm City (CT1001) only; the coordinator at Elm City and Hartford CHC (CT1002).
    const staffSession = await s.signIn('clinicstaff');
    await s.signIn('coordinator');
    const [staff, coordinator] = await Promise.all([userOf('clinicstaff'), userOf('coordinator')]);
    const elmOf = async (userId: string) => (await membershipsOf(userId)).find((m) => m.pin === 'CT1001')!.id;
    const ids = [await elmOf(staff.id), await elmOf(coordinator.id)];
    const now = s.clock.now();

    const result = await s.ctx.db.transaction().execute((trx) => endMembershipsDeactivatingOrphans(trx, ids, now));

    expect(result.membershipIds.sort()).toEqual([...ids].sort());
    expect(result.deactivatedUserIds).toEqual([staff.id]);
    expect(await userOf('clinicstaff')).toMatchObject({ status: 'inactive', deactivated_at: now });
    expect(await sessionsOf(staff.id)).toEqual([]);
    expect((await s.app.inject({ method: 'GET', url: '/api/me', headers: staffSession })).statusCode).toBe(401);
    expect((await userOf('coordinator')).status).toBe('active');
    expect((await membershipsOf(coordinator.id)).map((m) => [m.pin, m.active]).sort()).toEqual([
      ['CT1001', false],
      ['CT1002', true],
    ]);
    // The coordinator's session acted for the ended membership: it is kept and falls back to the next one.
    const coordinatorSessions = await sessionsOf(coordinator.id);
    expect(coordinatorSessions.length).toBeGreaterThan(0);
    expect(coordinatorSessions.every((x) => !ids.includes(x.active_membership_id ?? ''))).toBe(true);

    // Ending them again ends nothing and deactivates no one.
    const again = await s.ctx.db.transaction().execute((trx) => endMembershipsDeactivatingOrphans(trx, ids, now));
    expect(again).toEqual({ membershipIds: [], deactivatedUserIds: [] });
  });

  it('two transactions ending an account’s last two memberships at once leave it deactivated', async () => {
    const coordinator = await userOf('coordinator');
    const ceo = await userOf('ceo'); // Hartford CHC
    // Give the CEO a second membership to race over.
    const elm = await s.ctx.db.selectFrom('organizations').select('id').where('pin', '=', 'CT1001').executeTakeFirstOrThrow();
    await s.ctx.db
      .insertInto('memberships')
      .values({ user_id: ceo.id, organization_id: elm.id, access_type: 'clinic_access', created_at: s.clock.now() })
      .execute();
    const ids = (await membershipsOf(ceo.id)).filter((m) => m.active).map((m) => m.id);
    expect(ids).toHaveLength(2);
    // The first has ended its membership and not committed yet when the second starts on the other one.
    let ended!: () => void;
    let commit!: () => void;
    const firstEnded = new Promise<void>((r) => (ended = r));
    const mayCommit = new Promise<void>((r) => (commit = r));
    const first = s.ctx.db.transaction().execute(async (trx) => {
      const r = await endMembershipsDeactivatingOrphans(trx, [ids[0]!], s.clock.now());
      ended();
      await mayCommit;
      return r;
    });
    await firstEnded;
    const second = s.ctx.db.transaction().execute((trx) => endMembershipsDeactivatingOrphans(trx, [ids[1]!], s.clock.now()));
    await new Promise((r) => setTimeout(r, 300));
    commit();
    const results = await Promise.all([first, second]);
    expect(results.flatMap((r) => r.deactivatedUserIds)).toEqual([ceo.id]);
    expect((await userOf('ceo')).status).toBe('inactive');
    expect((await userOf('coordinator')).status).toBe(coordinator.status);
  });
});
