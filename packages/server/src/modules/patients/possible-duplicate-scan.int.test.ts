// The scan for likely duplicates among existing records, on a seeded set: a true pair (a typo in the name, same
// DOB) is queued, look-alikes that are different people are not, and a second run adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { runDuplicateScan, scanForDuplicates } from './possible-duplicate-scan.service.ts';

describe('scan for likely duplicates', () => {
  let s: TestServer;
  type Headers = Record<string, string>;
  let clinic: Headers;
  let steward: Headers;
  const add = async (first: string, last: string, dob: string, sex = 'F'): Promise<string> => {
    // confirmNew: the clinic adds the record even over a likely match; each record is added by a fresh request
    // that may itself queue a pair, so the seeded queue is emptied before the scan is tested.
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: clinic,
      payload: {
        name: { first, last },
        dob,
        sex,
        addresses: [{ street: '3 Elm St', city: 'Hamden', state: 'CT', zip: '06514' }],
        confirmNew: true,
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id;
  };
  const pairs = async () => (await s.app.inject({ method: 'GET', url: '/api/possible-duplicates?limit=100', headers: steward })).json();

  let jonathan = '';
  let jonathon = '';
  let olderJonathan = '';
  beforeAll(async () => {
    s = await createTestServer();
    clinic = await s.signIn('clinicstaff');
    steward = await s.signIn('dphadmin');
    jonathan = await add('Jonathan', 'Whitfield', '2019-04-02', 'M');
    jonathon = await add('Jonathon', 'Whitfeld', '2019-04-02', 'M');
    await add('Grace', 'Okafor', '2019-04-02'); // same DOB, another name
    olderJonathan = await add('Jonathan', 'Whitfield', '1987-11-30', 'M'); // same name, another DOB
    await add('Amelia', 'Brandt', '2021-08-15');
    await add('Amelio', 'Brandt', '2021-08-15', 'M'); // twins: similar names, same DOB, different sex
    // Clinic-side matching may have queued some pairs already: start the scan from an empty queue.
    await s.ctx.db.deleteFrom('patient_possible_duplicates').execute();
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it("queues the true pair once with the matcher's reasons, not the look-alikes, and a re-run adds nothing", async () => {
    const first = await scanForDuplicates(s.ctx);
    const q = await pairs();
    const queued = q.pairs.map((p: { patients: Array<{ id: string }> }) => p.patients.map((x) => x.id).sort());
    expect(queued).toContainEqual([jonathan, jonathon].sort());
    const names = q.pairs.flatMap((p: { patients: Array<{ name: string }> }) => p.patients.map((x) => x.name));
    expect(names).not.toContain('Grace Okafor');
    expect(queued.flat()).not.toContain(olderJonathan);
    const whitfieldPair = q.pairs.find((p: { patients: Array<{ id: string }> }) => p.patients.some((x) => x.id === jonathan));
    expect(whitfieldPair).toMatchObject({ source: 'scan' });
    expect(whitfieldPair.reasons).toEqual(expect.arrayContaining(['DOB exact']));
    expect(first.queued).toBe(q.total);
    expect(first.candidates).toBeGreaterThanOrEqual(first.queued);
    const again = await scanForDuplicates(s.ctx);
    expect(again.queued).toBe(0);
    expect((await pairs()).total).toBe(q.total);
  });

  it('refuses a second scan while one is queued (409, one job, one audit entry), even when asked for in parallel', async () => {
    const asks = await Promise.all(
      Array.from({ length: 4 }, () => s.app.inject({ method: 'POST', url: '/api/possible-duplicates/scan', headers: steward })),
    );
    expect(asks.map((r) => r.statusCode).sort()).toEqual([202, 409, 409, 409]);
    const refused = asks.find((r) => r.statusCode === 409)!;
    expect(refused.json().title).toMatch(/already queued or running/);
    const jobs = await s.ctx.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'patients.duplicate_scan')
      .where('status', '=', 'queued')
      .execute();
    expect(jobs).toHaveLength(1);
    const audit = await s.ctx.db
      .selectFrom('audit_log')
      .select(['entity_id', 'detail'])
      .where('action', '=', 'patient.duplicates.scan_requested')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ jobId: jobs[0]!.id });
    // While queued the page sees it as the running scan; once run, as the last scan with its counts.
    const during = (await s.app.inject({ method: 'GET', url: '/api/possible-duplicates/scans', headers: steward })).json();
    expect(during.current).toMatchObject({ status: 'queued', progress: 0, requestedBy: expect.stringMatching(/\S/) });
    expect(await s.runJobs(['patients.duplicate_scan'])).toBe(1);
    const after = (await s.app.inject({ method: 'GET', url: '/api/possible-duplicates/scans', headers: steward })).json();
    expect(after.current).toBeNull();
    expect(after.last).toMatchObject({ status: 'done', progress: 100, candidatePairs: expect.any(Number), pairsQueued: 0 });
    expect(after.last.finishedAt).toEqual(expect.any(String));
    expect(after.last.requestedBy).toBe(during.current.requestedBy);
    // Finished: a new scan may start (a minute later: the last scan is the latest finished).
    s.clock.advance(60_000);
    const again = await s.app.inject({ method: 'POST', url: '/api/possible-duplicates/scan', headers: steward });
    expect(again.statusCode, again.body).toBe(202);
    expect(await s.runJobs(['patients.duplicate_scan'])).toBe(1);
  });

  it("keeps the scan's progress on its row, step by step, readable while the job runs", async () => {
    s.clock.advance(60_000);
    const r = await s.app.inject({ method: 'POST', url: '/api/possible-duplicates/scan', headers: steward });
    expect(r.statusCode, r.body).toBe(202);
    const { scanId } = r.json();
    // Read the row from the page's route at each step: each step is committed as it happens.
    const steps: Array<{ status: string; progress: number; progressNote: string | null }> = [];
    const watch = async () => {
      const cur = (await s.app.inject({ method: 'GET', url: '/api/possible-duplicates/scans', headers: steward })).json().current;
      if (cur) steps.push({ status: cur.status, progress: cur.progress, progressNote: cur.progressNote });
    };
    await runDuplicateScan(s.ctx, scanId, watch);
    expect(steps.length).toBeGreaterThan(1);
    expect(steps.every((x) => x.status === 'running')).toBe(true);
    expect(steps.at(-1)!.progressNote).toMatch(/^Born \d{4}/);
    expect(steps.map((x) => x.progress)).toEqual([...steps.map((x) => x.progress)].sort((x, y) => x - y));
    const after = (await s.app.inject({ method: 'GET', url: '/api/possible-duplicates/scans', headers: steward })).json();
    expect(after.last).toMatchObject({ id: scanId, status: 'done', progress: 100 });
    await s.ctx.db.updateTable('jobs').set({ status: 'done' }).where('kind', '=', 'patients.duplicate_scan').execute();
  });

  it('expires a scan left queued an hour (its job lost), so a new request starts one (202), not 409 for ever', async () => {
    s.clock.advance(60_000);
    const lost = await s.app.inject({ method: 'POST', url: '/api/possible-duplicates/scan', headers: steward });
    expect(lost.statusCode, lost.body).toBe(202);
    // The job is lost (never runs): the scan stays queued.
    await s.ctx.db.updateTable('jobs').set({ status: 'done' }).where('kind', '=', 'patients.duplicate_scan').execute();
    expect((await s.app.inject({ method: 'POST', url: '/api/possible-duplicates/scan', headers: steward })).statusCode).toBe(409);
    // An hour and a minute later (the row back-dated: sessions would time out if the clock moved).
    await s.ctx.db
      .updateTable('patient_duplicate_scans')
      .set({ requested_at: new Date(s.clock.now().getTime() - 61 * 60_000) })
      .where('id', '=', lost.json().scanId)
      .execute();
    const fresh = await s.app.inject({ method: 'POST', url: '/api/possible-duplicates/scan', headers: steward });
    expect(fresh.statusCode, fresh.body).toBe(202);
    const old = await s.ctx.db
      .selectFrom('patient_duplicate_scans')
      .select(['status', 'error'])
      .where('id', '=', lost.json().scanId)
      .executeTakeFirstOrThrow();
    expect(old).toMatchObject({ status: 'failed', error: expect.stringMatching(/never started/) });
    expect(await s.runJobs(['patients.duplicate_scan'])).toBe(1);
  });

  it('stops a scan expired while it runs, and leaves it failed (never overwritten to done)', async () => {
    s.clock.advance(60_000);
    const r = await s.app.inject({ method: 'POST', url: '/api/possible-duplicates/scan', headers: steward });
    expect(r.statusCode, r.body).toBe(202);
    const { scanId } = r.json();
    let steps = 0;
    // After the first birth year, the scan is expired (as a new request finding it stale would).
    const expire = async () => {
      steps++;
      await s.ctx.db
        .updateTable('patient_duplicate_scans')
        .set({ status: 'failed', error: 'expired', finished_at: s.clock.now() })
        .where('id', '=', scanId)
        .execute();
    };
    await runDuplicateScan(s.ctx, scanId, expire);
    expect(steps).toBe(1);
    const row = await s.ctx.db
      .selectFrom('patient_duplicate_scans')
      .select(['status', 'error'])
      .where('id', '=', scanId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', error: 'expired' });
    await s.ctx.db.updateTable('jobs').set({ status: 'done' }).where('kind', '=', 'patients.duplicate_scan').execute();
  });

  it('lists scans to the data steward only', async () => {
    const r = await s.app.inject({ method: 'GET', url: '/api/possible-duplicates/scans', headers: clinic });
    expect(r.statusCode).toBe(403);
  });

  it('is started by a DPH data steward as a job (202), and refused to a clinic', async () => {
    const r = await s.app.inject({ method: 'POST', url: '/api/possible-duplicates/scan', headers: steward });
    expect(r.statusCode, r.body).toBe(202);
    expect(r.json().jobId).toEqual(expect.any(String));
    expect(await s.runJobs(['patients.duplicate_scan'])).toBe(1);
    const refused = await s.app.inject({ method: 'POST', url: '/api/possible-duplicates/scan', headers: clinic });
    expect(refused.statusCode).toBe(403);
  });
});
