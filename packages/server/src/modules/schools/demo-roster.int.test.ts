import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RosterView } from '@nutmeg/api-types';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';
import { seedDemoRosters } from './index.ts';

describe('the demo school roster', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2026-10-01T15:00:00Z'));
  });
  afterAll(async () => {
    await s?.shutdown();
  });

  it("puts the town's pre-K to 5th-grade children on the school's roster, and the nurse sees exactly them", async () => {
    const clinic = await s.signIn('clinicstaff');
    const make = async (first: string, dob: string, city: string) => {
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/patients',
        headers: clinic,
        payload: {
          name: { first, last: 'Demo' },
          dob,
          sex: 'F',
          addresses: [{ street: '1 Main St', city, state: 'CT', zip: '06514' }],
          confirmNew: true,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const k = await make('Kay', '2021-03-01', 'Hamden'); // 5 on Sep 1, 2026: kindergarten
    const fifth = await make('Fia', '2016-09-01', 'Hamden'); // 10 on Sep 1 (born that day): grade 5
    const teen = await make('Tia', '2012-01-01', 'Hamden'); // 14: not an elementary student
    const elsewhere = await make('Ely', '2021-03-01', 'Stamford');
    expect(await seedDemoRosters(s.ctx)).toBe(2);
    expect(await seedDemoRosters(s.ctx)).toBe(0);
    const nurse = await s.signIn('schoolnurse');
    const school = (await s.app.inject({ method: 'GET', url: '/api/schools', headers: nurse })).json().schools[0].id;
    const roster = (
      await s.app.inject({ method: 'GET', url: `/api/schools/${school}/roster?year=2026`, headers: nurse })
    ).json() as RosterView;
    expect(roster.entries.map((e) => [e.patientId, e.grade]).sort()).toEqual(
      [
        [k, 'K'],
        [fifth, '5'],
      ].sort(),
    );
    const status = async (id: string) => (await s.app.inject({ method: 'GET', url: `/api/patients/${id}`, headers: nurse })).statusCode;
    expect([await status(k), await status(fifth), await status(teen), await status(elsewhere)]).toEqual([200, 200, 404, 404]);
  });
});
