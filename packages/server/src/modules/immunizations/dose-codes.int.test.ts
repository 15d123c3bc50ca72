import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicPatient, type ClinicPatient } from './clinic-patient.testing.ts';

// What a dose may carry comes from @nutmeg/codes: the same tables the web's choices and labels come from.
describe('the codes of a dose', () => {
  let c: ClinicPatient;
  const dose = { kind: 'administered', cvx: '08', date: '2025-06-02', lot: 'HB0001', fundingSource: 'private', vfcEligibility: 'V01' };
  const stored = (id: string) => c.s.ctx.db.selectFrom('doses').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const count = async () => (await c.s.ctx.db.selectFrom('doses').select('id').where('patient_id', '=', c.patientId).execute()).length;
  beforeAll(async () => {
    c = await clinicPatient('2025-09-01T15:00:00Z', { name: { first: 'Ines', last: 'Okafor' }, dob: '2025-05-01', sex: 'F' });
  });
  afterAll(async () => {
    await c.s.shutdown();
  });

  it('accepts every active site of HL7 0163, the vastus lateralis too', async () => {
    const res = await c.call('POST', `/api/patients/${c.patientId}/doses`, { ...dose, site: 'LVL', route: 'IM' });
    expect(res.statusCode, res.body).toBe(201);
    expect(await stored(res.json().id)).toMatchObject({ site: 'LVL', route: 'IM' });
  });

  it('stores CVX as CDC prints it, the NDC in its 11-digit form and the MVX in capitals', async () => {
    const res = await c.call('POST', `/api/patients/${c.patientId}/doses`, {
      ...dose,
      kind: 'administered',
      cvx: '94',
      date: '2025-08-20',
      ndc: '0006-4171-00',
      mvx: 'msd',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await stored(res.json().id)).toMatchObject({ cvx: '94', ndc: '00006-4171-00', mvx: 'MSD' });
    const hep = await c.call('POST', `/api/patients/${c.patientId}/doses`, {
      kind: 'historical',
      cvx: '8',
      date: '2025-05-02',
      source: '02',
    });
    expect(hep.statusCode, hep.body).toBe(201);
    expect((await stored(hep.json().id)).cvx).toBe('08');
  });

  it('refuses an NDC of another vaccine than the CVX, naming the NDC, and saves nothing', async () => {
    const before = await count();
    const res = await c.call('POST', `/api/patients/${c.patientId}/doses`, { ...dose, cvx: '08', ndc: '00006-4171-00' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ path: 'ndc', message: 'NDC 00006-4171-00 is ProQuad (CVX 94), not CVX 08' }]);
    expect(await count()).toBe(before);
  });

  it('keeps unspecified formulations for historical doses', async () => {
    const given = await c.call('POST', `/api/patients/${c.patientId}/doses`, { ...dose, cvx: '45' });
    expect(given.statusCode).toBe(400);
    expect(given.json().fields).toEqual([
      { path: 'cvx', message: 'CVX 45 (Hep B, unspecified formulation) is for historical records only: choose the product that was given' },
    ]);
    const historical = await c.call('POST', `/api/patients/${c.patientId}/doses`, { kind: 'historical', cvx: '45', date: '2025-05-03' });
    expect(historical.statusCode, historical.body).toBe(201);
  });

  it('refuses a CVX CDC does not list, a site not in HL7 0163 and a VFC code outside the state program', async () => {
    const res = await c.call('POST', `/api/patients/${c.patientId}/doses`, { ...dose, cvx: '777', site: 'XX', vfcEligibility: 'V08' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      { path: 'cvx', message: 'CVX 777 is not a vaccine code CDC lists' },
      { path: 'site', message: 'Use a code of Administrative site' },
      { path: 'vfcEligibility', message: 'Choose the VFC eligibility for this dose' },
    ]);
  });
});
