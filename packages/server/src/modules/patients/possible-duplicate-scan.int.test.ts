// The scan for likely duplicates among existing records, on a seeded set: a true pair (a typo in the name, same
// DOB) is queued, look-alikes that are different people are not, and a second run adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { scanForDuplicates } from './possible-duplicate-scan.service.ts';

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

  it('is started by a DPH data steward as a job (202), and refused to a clinic', async () => {
    const r = await s.app.inject({ method: 'POST', url: '/api/possible-duplicates/scan', headers: steward });
    expect(r.statusCode, r.body).toBe(202);
    expect(r.json().jobId).toEqual(expect.any(String));
    expect(await s.runJobs(['patients.duplicate_scan'])).toBe(1);
    const refused = await s.app.inject({ method: 'POST', url: '/api/possible-duplicates/scan', headers: clinic });
    expect(refused.statusCode).toBe(403);
  });
});
