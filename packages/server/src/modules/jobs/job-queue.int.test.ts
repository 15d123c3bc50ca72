import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { enqueueJob, ensureJobScheduled, runOneJob } from './job-queue.ts';

describe('jobs in the database', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer({}, { pool: { poolSize: 8 } }); // a connection per racing worker
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('gives each job to exactly one of several workers', async () => {
    const ran: { worker: string; job: string }[] = [];
    for (let i = 0; i < 30; i++) await enqueueJob(s.ctx.db, 'test.count', { i });
    // Six workers, each claiming on its own connection (opened beforehand, so the first claims leave
    // together): the claims race on the server. Without SKIP LOCKED some jobs ran twice here.
    const workers = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6'];
    await Promise.all(workers.map(() => sql`SELECT pg_sleep(0.05)`.execute(s.ctx.db)));
    await Promise.all(
      workers.map(async (worker) => {
        const handler = { 'test.count': async (p: Record<string, unknown>) => void ran.push({ worker, job: String(p.i) }) };
        while (await runOneJob(s.ctx.db, worker, handler)) {
          /* drain */
        }
      }),
    );
    expect(ran.map((r) => Number(r.job)).sort((a, b) => a - b)).toEqual([...Array(30).keys()]);
    expect(new Set(ran.map((r) => r.worker)).size).toBeGreaterThan(1);
  });

  it('schedules a recurring kind once, however many processes ask at the same time', async () => {
    await Promise.all(Array.from({ length: 5 }, () => ensureJobScheduled(s.ctx.db, 'test.recurring', new Date())));
    const jobs = await s.ctx.db.selectFrom('jobs').select('id').where('kind', '=', 'test.recurring').execute();
    expect(jobs).toHaveLength(1);
  });

  it('retries a failing job later and records the error', async () => {
    const id = await enqueueJob(s.ctx.db, 'test.fail');
    await runOneJob(s.ctx.db, 'w', {
      'test.fail': async () => {
        throw new Error('boom');
      },
    });
    const row = await s.ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'queued', last_error: 'boom', attempts: 1 });
    expect(row.run_at.getTime()).toBeGreaterThan(Date.now());
  });
});
