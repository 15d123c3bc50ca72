import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { enqueueJob, runOneJob } from '../jobs/index.ts';
import { accessJobHandlers, SESSION_CLEANUP } from './session-cleanup.ts';

describe('the session clean-up job', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer();
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('cleans up expired sessions and schedules itself again', async () => {
    await s.signIn('clinicstaff');
    s.clock.advance(13 * 3_600_000);
    await enqueueJob(s.ctx.db, SESSION_CLEANUP, {}, new Date(0));
    const before = await s.ctx.db.selectFrom('sessions').select('id').execute();
    expect(before.length).toBeGreaterThan(0);
    await runOneJob(s.ctx.db, 'w', accessJobHandlers(s.ctx), s.clock.now());
    expect(await s.ctx.db.selectFrom('sessions').select('id').execute()).toEqual([]);
    const next = await s.ctx.db
      .selectFrom('jobs')
      .select('run_at')
      .where('kind', '=', SESSION_CLEANUP)
      .where('status', '=', 'queued')
      .execute();
    expect(next.length).toBeGreaterThan(0);
    s.clock.set(new Date());
  });
});
