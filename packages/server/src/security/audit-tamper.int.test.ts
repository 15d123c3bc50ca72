// The five ways someone with database access rewrote the audit log unnoticed, replayed as that person: they
// can read this open-source code, switch the append-only rules off and recompute every hash the way the
// code documents, but they do not hold the install secret (it is not in the database).
import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../config.ts';
import { appendAudit, AUDIT_CHECKPOINT_JOB, auditJobHandlers, checkpointFileOf, verifyAuditChain } from '../modules/audit/index.ts';
import { runOneJob } from '../modules/jobs/index.ts';
import { createServer } from '../server.ts';
import { createTestServer, type TestServer } from '../testing/test-server.ts';
import { caller, type Headers } from './data-battery.test-helpers.ts';

interface Row {
  seq: number;
  at: Date;
  actor_user_id: string | null;
  actor_username: string | null;
  organization_id: string | null;
  action: string;
  outcome: string;
  entity_type: string | null;
  entity_id: string | null;
  patient_id: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** The attacker's copy of the documented row hash: sha256(prev ‖ canonical JSON of the row). */
function attackerHash(prev: string, r: Row): string {
  const stable = (v: unknown) =>
    JSON.stringify(v, (_k, x: unknown) =>
      x && typeof x === 'object' && !Array.isArray(x)
        ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : x,
    );
  const canonical = stable([
    r.at.toISOString(),
    r.actor_user_id,
    r.actor_username,
    r.organization_id,
    r.action,
    r.outcome,
    r.entity_type,
    r.entity_id,
    r.patient_id,
    r.ip,
    r.detail,
  ]);
  return crypto.createHash('sha256').update(prev).update(canonical).digest('hex');
}

describe('the audit chain against someone with database access', () => {
  let s: TestServer;
  let dph: Headers;
  let api: ReturnType<typeof caller>;

  beforeEach(async () => {
    s = await createTestServer();
    api = caller(s);
    dph = await s.signIn('dphadmin');
    const clinic = await s.signIn('clinicstaff');
    // Some history worth hiding: a few patients created and viewed.
    for (const first of ['Ada', 'Bea', 'Cy']) {
      const { id } = await api.create(clinic, {
        name: { first, last: 'Ledger' },
        dob: '2020-05-05',
        sex: 'F',
        confirmNew: true,
      });
      await api.call(clinic, 'GET', `/api/patients/${id}`);
    }
  }, 60_000);
  afterEach(async () => {
    await s.shutdown();
  });

  const rows = async () => (await sql<Row>`SELECT * FROM audit_log ORDER BY seq`.execute(s.ctx.db)).rows;
  const verify = async () => {
    const res = await api.call(dph, 'GET', '/api/audit/verify');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { ok: boolean; checked: number; brokenAt: number | null; problem?: string };
  };
  const checkpoint = async () => {
    const res = await api.call(dph, 'POST', '/api/audit/checkpoints');
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { seq: number; count: number };
  };
  /** As the attacker: rules off, run the change, re-chain every row from `fromSeq` with the documented hash. */
  async function rewrite(change: () => Promise<unknown>, fromSeq = 0) {
    await sql`ALTER TABLE audit_log DISABLE RULE audit_log_no_update`.execute(s.ctx.db);
    await sql`ALTER TABLE audit_log DISABLE RULE audit_log_no_delete`.execute(s.ctx.db);
    await change();
    let prev = '0'.repeat(64);
    for (const r of await rows()) {
      if (r.seq >= fromSeq) {
        const hash = attackerHash(prev, r);
        await sql`UPDATE audit_log SET prev_hash = ${prev}, hash = ${hash} WHERE seq = ${r.seq}`.execute(s.ctx.db);
        prev = hash;
      } else prev = r.hash;
    }
    await sql`ALTER TABLE audit_log ENABLE RULE audit_log_no_update`.execute(s.ctx.db);
    await sql`ALTER TABLE audit_log ENABLE RULE audit_log_no_delete`.execute(s.ctx.db);
  }

  it('starts from an intact chain', async () => {
    expect(await verify()).toMatchObject({ ok: true, brokenAt: null });
  });

  it('detects an edited row whose hashes were recomputed after it', async () => {
    const view = (await rows()).find((r) => r.action === 'patient.view')!;
    await rewrite(() => sql`UPDATE audit_log SET actor_username = 'nobody' WHERE seq = ${view.seq}`.execute(s.ctx.db), view.seq);
    expect(await verify()).toMatchObject({
      ok: false,
      brokenAt: view.seq,
      problem: expect.stringMatching(/does not match its keyed hash/),
    });
  });

  it('detects deleted rows whose successors were re-chained', async () => {
    const views = (await rows()).filter((r) => r.action === 'patient.view');
    await rewrite(() => sql`DELETE FROM audit_log WHERE action = 'patient.view'`.execute(s.ctx.db), views[0]!.seq);
    expect(await verify()).toMatchObject({ ok: false, problem: expect.stringMatching(/keyed hash/) });
  });

  it('detects a cut tail once a checkpoint covers it, even with the database copies of the checkpoints gone', async () => {
    const cp = await checkpoint();
    const all = await rows();
    const cutFrom = all[all.length - 4]!.seq;
    expect(cutFrom).toBeLessThanOrEqual(cp.seq);
    await rewrite(() => sql`DELETE FROM audit_log WHERE seq >= ${cutFrom}`.execute(s.ctx.db), Number.MAX_SAFE_INTEGER);
    expect(await verify()).toMatchObject({ ok: false, problem: expect.stringMatching(/entries were removed/) });
    // The attacker also removes the checkpoints kept in the database: the copy in the data folder remains.
    await sql`ALTER TABLE audit_checkpoints DISABLE RULE audit_checkpoints_no_delete`.execute(s.ctx.db);
    await sql`DELETE FROM audit_checkpoints`.execute(s.ctx.db);
    expect(await verify()).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/in the data folder but was removed from the database/),
    });
  });

  it('detects a forged row appended with a correctly computed unkeyed hash', async () => {
    const last = (await rows()).at(-1)!;
    const forged: Row = {
      ...last,
      seq: 0,
      at: new Date(last.at.getTime() + 1000),
      actor_user_id: null,
      actor_username: 'dphadmin',
      action: 'patient.merge',
      detail: { reason: 'routine' },
    };
    const hash = attackerHash(last.hash, forged);
    const inserted = await sql<{ seq: number }>`INSERT INTO audit_log (at, actor_username, organization_id, action, outcome, entity_type,
      entity_id, patient_id, ip, detail, prev_hash, hash) VALUES (${forged.at}, ${forged.actor_username}, ${forged.organization_id},
      ${forged.action}, ${forged.outcome}, ${forged.entity_type}, ${forged.entity_id}, ${forged.patient_id}, ${forged.ip},
      ${JSON.stringify(forged.detail)}, ${last.hash}, ${hash}) RETURNING seq`.execute(s.ctx.db);
    expect(await verify()).toMatchObject({
      ok: false,
      brokenAt: Number(inserted.rows[0]!.seq),
      problem: expect.stringMatching(/written without the install secret/),
    });
  });

  it('refuses TRUNCATE, and detects it when done with the guard switched off', async () => {
    await checkpoint();
    await expect(sql`TRUNCATE audit_log`.execute(s.ctx.db)).rejects.toThrow(/append-only/);
    // Nor does the replication role that skips ordinary triggers and rules get around the guards.
    const asReplica = (statement: string) =>
      s.ctx.db.transaction().execute(async (trx) => {
        await sql`SET LOCAL session_replication_role = replica`.execute(trx);
        await sql.raw(statement).execute(trx);
      });
    await asReplica('DELETE FROM audit_log');
    await expect(asReplica('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect((await rows()).length).toBeGreaterThan(5);
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(s.ctx.db);
    await sql`TRUNCATE audit_log`.execute(s.ctx.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(s.ctx.db);
    expect(await verify()).toMatchObject({ ok: false, problem: expect.stringMatching(/entries were removed/) });
  });
});

describe('audit checkpoints', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer();
  }, 60_000);
  afterAll(async () => {
    await s.shutdown();
  });

  it('are signed by a recurring job into the database and the data folder', async () => {
    await appendAudit(s.ctx.db, { action: 'test.entry' }, s.clock.now());
    const before = await s.ctx.db.selectFrom('audit_checkpoints').selectAll().execute();
    // The server scheduled the job when it started; it is due now.
    expect(await runOneJob(s.ctx.db, 'w', auditJobHandlers(s.ctx), s.clock.now())).toBe(true);
    const after = await s.ctx.db.selectFrom('audit_checkpoints').selectAll().orderBy('id').execute();
    expect(after.length).toBeGreaterThan(before.length);
    const head = await s.ctx.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(after.at(-1)).toMatchObject({ seq: head.seq, hash: head.hash, key_id: s.ctx.keys.id });
    const file = checkpointFileOf(s.ctx.config.DATA_DIR);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ seq: head.seq, hash: head.hash, signature: after.at(-1)!.signature });
    const next = await s.ctx.db
      .selectFrom('jobs')
      .select('run_at')
      .where('kind', '=', AUDIT_CHECKPOINT_JOB)
      .where('status', '=', 'queued')
      .execute();
    expect(next).toHaveLength(1);
    expect(next[0]!.run_at.getTime()).toBe(s.clock.now().getTime() + s.ctx.config.AUDIT_CHECKPOINT_MINUTES * 60_000);
  });

  it('cannot be forged: a checkpoint not signed with the install secret fails verification', async () => {
    const head = await s.ctx.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    await sql`INSERT INTO audit_checkpoints (at, key_id, legacy_up_to, seq, count, hash, signature)
      VALUES (now(), ${s.ctx.keys.id}, 0, ${head.seq}, 1, ${head.hash}, ${'a'.repeat(64)})`.execute(s.ctx.db);
    expect(await verifyAuditChain(s.ctx.db, s.ctx.keys)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/not signed with this install's secret/),
    });
  });

  it('refuses to start an instance whose install secret differs from the one the log is keyed with', async () => {
    const other = createServer(testConfig({ INSTALL_SECRET: 'another-secret-'.repeat(4) }), {
      handle: { ...s.handle, close: async () => {} },
    });
    await expect(other).rejects.toThrow(/not the one this database's audit log is keyed with/);
  });
});
