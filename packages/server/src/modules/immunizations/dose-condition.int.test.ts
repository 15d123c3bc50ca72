import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

describe('a dose with a dose condition (sub-potent)', () => {
  let s: TestServer;
  let clinic: Headers;
  let patientId: string;
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    s.app.inject({ method, url, headers: clinic, ...(payload ? { payload } : {}) });
  const mmr = (extra: object = {}) => ({
    kind: 'administered',
    cvx: '03',
    lot: 'MMR0001',
    fundingSource: 'private',
    date: '2025-09-02',
    vfcEligibility: 'V01',
    vis: [{ document: 'MMR', edition: '2021-08-06', presented: '2025-09-02' }],
    ...extra,
  });
  const measlesEvaluation = async () => {
    const f = (await call('GET', `/api/patients/${patientId}/forecast?asOf=2025-10-01`)).json();
    return {
      status: f.evaluations.find((e: { antigen: string }) => e.antigen === 'Measles')?.status as string,
      nextDose: f.vaccineGroups.find((g: { vaccineGroup: string }) => g.vaccineGroup === 'MMR')?.forecastDoseNumber as number,
    };
  };

  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2025-10-01T15:00:00Z'));
    clinic = await s.signIn('clinicstaff');
    const created = await call('POST', '/api/patients', {
      name: { first: 'Ilse', last: 'Brandt' },
      dob: '2024-09-01',
      sex: 'F',
      confirmNew: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    patientId = created.json().id;
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('does not count for the recommender, and correcting it in or out is kept with its reason', async () => {
    const created = await call('POST', `/api/patients/${patientId}/doses`, mmr());
    expect(created.statusCode, created.body).toBe(201);
    const doseId = created.json().id as string;
    expect(await measlesEvaluation()).toEqual({ status: 'Valid', nextDose: 2 });

    const flagged = await call('PUT', `/api/patients/${patientId}/doses/${doseId}`, {
      dose: mmr({ doseCondition: 'storage' }),
      reason: 'Refrigerator excursion reported for this lot',
    });
    expect(flagged.statusCode, flagged.body).toBe(200);
    expect(await measlesEvaluation()).toEqual({ status: 'Sub-standard', nextDose: 1 });
    const dose = (await call('GET', `/api/patients/${patientId}/immunizations`)).json().doses[0];
    expect(dose.doseCondition).toBe('storage');
    const change = await s.ctx.db
      .selectFrom('dose_changes')
      .select(['reason', 'changes'])
      .where('dose_id', '=', doseId)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(change).toMatchObject({
      reason: 'Refrigerator excursion reported for this lot',
      changes: { dose_condition: { from: null, to: 'storage' } },
    });

    expect(
      (await call('PUT', `/api/patients/${patientId}/doses/${doseId}`, { dose: mmr(), reason: 'Lot cleared by DPH' })).statusCode,
    ).toBe(200);
    expect(await measlesEvaluation()).toEqual({ status: 'Valid', nextDose: 2 });
  });

  it('refuses an unknown dose condition, naming the field', async () => {
    const res = await call('POST', `/api/patients/${patientId}/doses`, mmr({ doseCondition: 'warm' }));
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('doseCondition');
  });
});
