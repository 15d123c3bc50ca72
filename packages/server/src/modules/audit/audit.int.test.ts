import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { appendActorAudit, appendAudit, auditBatchMark, dropAuditBatchAfter, withAuditBatch } from './audit.service.ts';

type Headers = { cookie: string; 'x-csrf-token': string };
interface Entry {
  seq: number;
  detail?: unknown;
  at: string;
  actorUsername: string | null;
  action: string;
  outcome: string;
  patientId: string | null;
}

describe('the DPH audit viewer', () => {
  let s: TestServer;
  let dph: Headers;
  const patientId = '0195f3c4-1111-7000-8000-000000000001';
  beforeAll(async () => {
    s = await createTestServer();
    await s.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'clinicstaff', password: 'wrong-password-1' } });
    await s.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'clinicstaff', password: 'wrong-password-2' } });
    await s.signIn('clinicstaff');
    await appendAudit(
      s.ctx.db,
      { actorUsername: 'clinicstaff', action: 'patient.view', patientId, entityType: 'patient', entityId: patientId },
      s.clock.now(),
    );
    await appendAudit(
      s.ctx.db,
      { actorUsername: 'importer', action: 'patient.update', patientId, detail: { source: 'hl7' } },
      new Date('2026-01-15T10:00:00Z'),
    );
    dph = await s.signIn('dphadmin');
  });
  afterAll(async () => {
    await s.shutdown();
  });

  const query = async (qs: string) => {
    const res = await s.app.inject({ method: 'GET', url: `/api/audit?${qs}`, headers: dph });
    expect(res.statusCode).toBe(200);
    return res.json() as { entries: Entry[]; total: number; page: number; pageSize: number };
  };

  it('filters by actor, action prefix and outcome, newest first', async () => {
    const failures = await query('actor=CLINICSTAFF&action=login&outcome=failure');
    expect(failures.total).toBe(2);
    expect(failures.entries.every((e) => e.action === 'login.failure' && e.actorUsername === 'clinicstaff')).toBe(true);
    expect(failures.entries[0]!.seq).toBeGreaterThan(failures.entries[1]!.seq);
    const logins = await query('actor=clinicstaff&action=login');
    expect(logins.entries.map((e) => e.action)).toEqual(['login.success', 'login.failure', 'login.failure']);
    expect((await query('action=log')).total).toBe(0); // a prefix means whole dotted words
  });

  it('filters by patient and by date range, and pages', async () => {
    const viewed = await query(`patientId=${patientId}`);
    // Newest first means in order of recording (the chain's order), whatever time an entry carries.
    expect(viewed.entries.map((e) => e.action)).toEqual(['patient.update', 'patient.view']);
    const january = await query('from=2026-01-15&to=2026-01-15');
    expect(january.entries.map((e) => e.action)).toEqual(['patient.update']);
    const sinceFebruary = await query(`from=2026-02-01&patientId=${patientId}`);
    expect(sinceFebruary.entries.map((e) => e.action)).toEqual(['patient.view']);
    const all = await query('action=login&pageSize=2');
    const second = await query('action=login&pageSize=2&page=2');
    expect(second.entries).toHaveLength(2);
    expect(second.entries[0]!.seq).toBeLessThan(all.entries[1]!.seq);
    expect(second.total).toBe(all.total);
  });

  it('puts each search of the log on record, with its filters', async () => {
    await query(`actor=clinicstaff&patientId=${patientId}`);
    const views = await query('action=audit.view&actor=dphadmin&pageSize=1');
    expect(views.entries[0]).toMatchObject({
      action: 'audit.view',
      actorUsername: 'dphadmin',
      detail: { filters: { actor: 'clinicstaff', patientId, page: 1, pageSize: 50 }, total: 1 },
    });
  });

  it('is for DPH administrators and data stewards only', async () => {
    const analyst = await s.signIn('dphanalyst');
    expect((await s.app.inject({ method: 'GET', url: '/api/audit', headers: analyst })).statusCode).toBe(403);
    const coordinator = await s.signIn('coordinator');
    expect((await s.app.inject({ method: 'GET', url: '/api/audit/verify', headers: coordinator })).statusCode).toBe(403);
  });

  it('verifies entries whose detail jsonb stores in another key order than written', async () => {
    await appendAudit(
      s.ctx.db,
      {
        actorUsername: 'dphadmin',
        action: 'account.request',
        detail: { accessType: 'clinic_access', pins: ['CT1001'], nested: { zeta: 1, a: [{ yy: 1, b: 2 }] } },
      },
      s.clock.now(),
    );
    const stored = await s.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'account.request')
      .executeTakeFirstOrThrow();
    expect(Object.keys(stored.detail)).not.toEqual(['accessType', 'pins', 'nested']);
    expect((await s.app.inject({ method: 'GET', url: '/api/audit/verify', headers: dph })).json()).toMatchObject({ ok: true });
  });

  it('a batch appends its entries in order, linked one to the next; dropped and rolled-back entries are not kept', async () => {
    await s.ctx.db.transaction().execute(async (trx) => {
      await withAuditBatch(trx, async () => {
        await appendAudit(trx, { actorUsername: 'hl7', action: 'batch.one' }, s.clock.now());
        const mark = auditBatchMark(trx);
        await appendAudit(trx, { actorUsername: 'hl7', action: 'batch.undone' }, s.clock.now());
        dropAuditBatchAfter(trx, mark);
        await appendAudit(trx, { actorUsername: 'hl7', action: 'batch.two', detail: { n: 2 } }, s.clock.now());
        await appendAudit(trx, { actorUsername: 'hl7', action: 'batch.three' }, s.clock.now());
      });
    });
    await s.ctx.db
      .transaction()
      .execute((trx) =>
        withAuditBatch(trx, async () => {
          await appendAudit(trx, { actorUsername: 'hl7', action: 'batch.rolledback' }, s.clock.now());
          throw new Error('the change fails');
        }),
      )
      .catch(() => undefined);
    expect((await query('action=batch')).entries.map((e) => e.action)).toEqual(['batch.three', 'batch.two', 'batch.one']);
    expect((await s.app.inject({ method: 'GET', url: '/api/audit/verify', headers: dph })).json()).toMatchObject({ ok: true });
  });

  it('two appends started at once on one transaction link one after the other (the chain does not fork)', async () => {
    await s.ctx.db.transaction().execute(async (trx) => {
      await Promise.all([
        appendAudit(trx, { actorUsername: 'hl7', action: 'together.one' }, s.clock.now()),
        appendAudit(trx, { actorUsername: 'hl7', action: 'together.two' }, s.clock.now()),
        appendAudit(trx, { actorUsername: 'hl7', action: 'together.three' }, s.clock.now()),
      ]);
    });
    expect((await query('action=together')).entries.map((e) => e.action)).toEqual(['together.three', 'together.two', 'together.one']);
    expect((await s.app.inject({ method: 'GET', url: '/api/audit/verify', headers: dph })).json()).toMatchObject({ ok: true });
  });

  it('verifies the chain, and ignores UPDATE and DELETE while the rules are on', async () => {
    const verify = (await s.app.inject({ method: 'GET', url: '/api/audit/verify', headers: dph })).json();
    expect(verify).toMatchObject({ ok: true, brokenAt: null });
    expect(verify.checked).toBeGreaterThan(5);
    await sql`UPDATE audit_log SET action = 'login.success' WHERE action = 'login.failure'`.execute(s.ctx.db);
    await sql`DELETE FROM audit_log`.execute(s.ctx.db);
    expect((await query('action=login.failure')).total).toBe(2);
    expect((await s.app.inject({ method: 'GET', url: '/api/audit/verify', headers: dph })).json().ok).toBe(true);
  });

  it('records who acted, from where, and for the organization they work for unless the entry names one', async () => {
    const actor = {
      userId: '0195f3c4-2222-7000-8000-000000000002',
      username: 'someone',
      ip: '10.0.0.7',
      scope: { organizationId: '0195f3c4-3333-7000-8000-00000000000a' },
    };
    await appendActorAudit(s.ctx.db, actor, { action: 'test.scoped' }, s.clock.now());
    await appendActorAudit(
      s.ctx.db,
      actor,
      { action: 'test.other-org', organizationId: '0195f3c4-3333-7000-8000-00000000000b' },
      s.clock.now(),
    );
    await appendActorAudit(s.ctx.db, actor, { action: 'test.no-org', organizationId: null }, s.clock.now());
    const rows = await s.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'actor_username', 'ip', 'organization_id'])
      .where('action', 'like', 'test.%')
      .orderBy('seq')
      .execute();
    expect(rows).toEqual([
      {
        action: 'test.scoped',
        actor_user_id: actor.userId,
        actor_username: 'someone',
        ip: '10.0.0.7',
        organization_id: '0195f3c4-3333-7000-8000-00000000000a',
      },
      {
        action: 'test.other-org',
        actor_user_id: actor.userId,
        actor_username: 'someone',
        ip: '10.0.0.7',
        organization_id: '0195f3c4-3333-7000-8000-00000000000b',
      },
      { action: 'test.no-org', actor_user_id: actor.userId, actor_username: 'someone', ip: '10.0.0.7', organization_id: null },
    ]);
  });

  it('detects a row altered behind the rules', async () => {
    const target = (await query('action=patient.update')).entries[0]!;
    await sql`ALTER TABLE audit_log DISABLE RULE audit_log_no_update`.execute(s.ctx.db);
    await sql`UPDATE audit_log SET actor_username = 'someone-else' WHERE seq = ${target.seq}`.execute(s.ctx.db);
    await sql`ALTER TABLE audit_log ENABLE RULE audit_log_no_update`.execute(s.ctx.db);
    const broken = (await s.app.inject({ method: 'GET', url: '/api/audit/verify', headers: dph })).json();
    expect(broken).toMatchObject({ ok: false, brokenAt: target.seq });
    expect(broken.checked).toBe(target.seq - 1);
    // Put it back: the chain is whole again.
    await sql`ALTER TABLE audit_log DISABLE RULE audit_log_no_update`.execute(s.ctx.db);
    await sql`UPDATE audit_log SET actor_username = 'importer' WHERE seq = ${target.seq}`.execute(s.ctx.db);
    await sql`ALTER TABLE audit_log ENABLE RULE audit_log_no_update`.execute(s.ctx.db);
    expect((await s.app.inject({ method: 'GET', url: '/api/audit/verify', headers: dph })).json().ok).toBe(true);
  });

  it('detects a forged row inserted with raw SQL', async () => {
    const last = await s.ctx.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    const forged = await sql<{ seq: number }>`INSERT INTO audit_log (at, actor_username, action, prev_hash, hash)
      VALUES (now(), 'dphadmin', 'patient.view', ${last.hash}, ${'f'.repeat(64)}) RETURNING seq`.execute(s.ctx.db);
    const res = (await s.app.inject({ method: 'GET', url: '/api/audit/verify', headers: dph })).json();
    expect(res).toMatchObject({ ok: false, brokenAt: Number(forged.rows[0]!.seq) });
    // Each failed verification is itself on record (this one and the altered row's).
    const flagged = await query('action=audit.verify&outcome=failure');
    expect(flagged.total).toBe(2);
  });
});
