import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicPatient, type ClinicPatient } from './clinic-patient.testing.ts';

describe('a dose with a dose condition (sub-potent)', () => {
  let t: ClinicPatient;
  const call: ClinicPatient['call'] = (method, url, payload) => t.call(method, url, payload);
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
    const f = (await call('GET', `/api/patients/${t.patientId}/forecast?asOf=2025-10-01`)).json();
    return {
      status: f.evaluations.find((e: { antigen: string }) => e.antigen === 'Measles')?.status as string,
      nextDose: f.vaccineGroups.find((g: { vaccineGroup: string }) => g.vaccineGroup === 'MMR')?.forecastDoseNumber as number,
    };
  };

  beforeAll(async () => {
    t = await clinicPatient('2025-10-01T15:00:00Z', { name: { first: 'Ilse', last: 'Brandt' }, dob: '2024-09-01', sex: 'F' });
  });
  afterAll(async () => {
    await t.s.shutdown();
  });

  it('does not count for the recommender, and correcting it in or out is kept with its reason', async () => {
    const created = await call('POST', `/api/patients/${t.patientId}/doses`, mmr());
    expect(created.statusCode, created.body).toBe(201);
    const doseId = created.json().id as string;
    expect(await measlesEvaluation()).toEqual({ status: 'Valid', nextDose: 2 });

    const flagged = await call('PUT', `/api/patients/${t.patientId}/doses/${doseId}`, {
      dose: mmr({ doseCondition: 'storage' }),
      reason: 'Refrigerator excursion reported for this lot',
    });
    expect(flagged.statusCode, flagged.body).toBe(200);
    expect(await measlesEvaluation()).toEqual({ status: 'Sub-standard', nextDose: 1 });
    const dose = (await call('GET', `/api/patients/${t.patientId}/immunizations`)).json().doses[0];
    expect(dose.doseCondition).toBe('storage');
    const change = await t.s.ctx.db
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
      (await call('PUT', `/api/patients/${t.patientId}/doses/${doseId}`, { dose: mmr(), reason: 'Lot cleared by DPH' })).statusCode,
    ).toBe(200);
    expect(await measlesEvaluation()).toEqual({ status: 'Valid', nextDose: 2 });
  });

  it('refuses an unknown dose condition, naming the field', async () => {
    const res = await call('POST', `/api/patients/${t.patientId}/doses`, mmr({ doseCondition: 'warm' }));
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('doseCondition');
  });
});
