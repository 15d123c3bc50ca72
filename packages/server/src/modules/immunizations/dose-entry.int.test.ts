import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';

describe('recording an administered dose', () => {
  let s: TestServer;
  let id = '';
  beforeAll(async () => {
    s = await createTestServer();
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: await s.signIn('clinicstaff'),
      payload: { name: { first: 'Noor', last: 'Haddad' }, dob: '2025-02-03', sex: 'F', confirmNew: true },
    });
    id = created.json().id;
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('has no default VFC eligibility: without one the dose is refused, naming the field, and nothing is saved', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: `/api/patients/${id}/doses`,
      headers: await s.signIn('clinicstaff'),
      payload: { kind: 'administered', cvx: '20', date: '2025-04-03', lot: 'AB12', fundingSource: 'public' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ path: 'vfcEligibility', message: 'Choose the VFC eligibility for this dose' }]);
    expect(await s.ctx.db.selectFrom('doses').select('id').where('patient_id', '=', id).execute()).toEqual([]);
  });
});
