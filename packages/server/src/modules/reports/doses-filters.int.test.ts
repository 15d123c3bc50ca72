// Doses administered with filters beside the grouping, on doses counted by hand (each dose's comment), per scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';

type Headers = { cookie: string; 'x-csrf-token': string };
const hamden = { street: '1 Dixwell Ave', city: 'Hamden', state: 'CT', zip: '06514' };
const newHaven = { street: '2 Chapel St', city: 'New Haven', state: 'CT', zip: '06510' };
const RANGE = 'from=2026-01-01&to=2026-06-15';

describe('doses administered filters', () => {
  let s: TestServer;
  let clinic: Headers;
  const ids: Record<string, string> = {};
  const get = (h: Headers, url: string) => s.app.inject({ method: 'GET', url, headers: h });
  const total = async (h: Headers, filters: string) => {
    const r = await get(h, `/api/reports/doses-administered?${RANGE}&${filters}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json().total as number;
  };

  async function patient(h: Headers, key: string, dob: string, address: object, doses: Array<[string, string, string, string]>) {
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: h,
      payload: { name: { first: key, last: 'Dosecount' }, dob, sex: 'F', addresses: [address], confirmNew: true },
    });
    expect(r.statusCode, r.body).toBe(201);
    ids[key] = r.json().id;
    for (const [cvx, date, fundingSource, vfcEligibility] of doses) {
      const d = await s.app.inject({
        method: 'POST',
        url: `/api/patients/${ids[key]}/doses`,
        headers: h,
        payload: { kind: 'administered', cvx, date, lot: 'L1', fundingSource, vfcEligibility },
      });
      expect(d.statusCode, d.body).toBe(201);
    }
  }

  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2026-06-15T15:00:00Z'));
    clinic = await s.signIn('clinicstaff');
    await patient(clinic, 'Kid', '2025-01-05', hamden, [
      ['03', '2026-02-10', 'public', 'V02'], // MMR, 1–2 years
      ['20', '2026-03-10', 'public', 'V02'], // DTaP, 1–2 years
      ['94', '2026-06-01', 'private', 'V02'], // MMRV (counts for MMR), 1–2 years
    ]);
    await patient(clinic, 'Teen', '2012-03-01', newHaven, [['03', '2026-04-10', 'private', 'V01']]); // MMR, 7–18
    await patient(clinic, 'Adult', '1980-05-01', hamden, [['03', '2026-05-05', 'public', 'V02']]); // MMR, 19–64
    await patient(await s.signIn('ceo'), 'Other', '2025-02-01', hamden, [['03', '2026-03-01', 'public', 'V02']]); // CT1002's
    const orgs = await s.ctx.db.selectFrom('doses').select(['patient_id', 'source_org_id']).execute();
    ids.elm = orgs.find((d) => d.patient_id === ids.Kid)!.source_org_id!;
    ids.other = orgs.find((d) => d.patient_id === ids.Other)!.source_org_id!;
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('narrows the clinic’s doses by each filter and by filters combined', async () => {
    expect(await total(clinic, '')).toBe(5);
    expect(await total(clinic, 'vaccineGroup=MMR')).toBe(4); // three MMR and the MMRV
    expect(await total(clinic, 'cvx=3')).toBe(3); // the code as typed, stored as 03
    expect(await total(clinic, 'fundingSource=private')).toBe(2);
    expect(await total(clinic, 'vfcEligibility=V01')).toBe(1);
    expect(await total(clinic, 'ageGroup=1-2')).toBe(3);
    expect(await total(clinic, `clinicId=${ids.elm}`)).toBe(5);
    // "VFC-eligible (V02) MMR doses by age group": Kid's MMR and MMRV at 1–2 years, the adult's at 19–64.
    const r = await get(clinic, `/api/reports/doses-administered?${RANGE}&vaccineGroup=MMR&vfcEligibility=V02&by=age`);
    expect(r.json().rows.map((x: { key: string; label: string; count: number }) => [x.key, x.label, x.count])).toEqual([
      ['1-2', '1–2 years', 2],
      ['19-64', '19–64 years', 1],
    ]);
    const narrowed = await get(
      clinic,
      `/api/reports/doses-administered?${RANGE}&vaccineGroup=MMR&vfcEligibility=V02&ageGroup=1-2&by=vaccine`,
    );
    expect(narrowed.json()).toMatchObject({
      total: 2,
      filters: { vaccineGroup: 'MMR', vfcEligibility: 'V02', ageGroup: '1-2', cvx: null },
    });
  });

  it('puts the filters in the CSV and the audit entry', async () => {
    const csv = await get(clinic, `/api/reports/doses-administered.csv?${RANGE}&vaccineGroup=MMR&fundingSource=public&by=funding`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.split('\r\n');
    expect(lines).toContain('Total,2'); // Kid's MMR and the adult's
    expect(lines).toContain('Vaccine group,MMR');
    expect(lines).toContain('Funding source,public');
    const audit = await s.ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'report.doses_administered.run').execute();
    expect(audit.at(-1)?.detail).toMatchObject({ filters: { vaccineGroup: 'MMR', fundingSource: 'public', by: 'funding', cvx: null } });
  });

  it('refuses another clinic to a clinic, and narrows DPH and a health director to the clinic named', async () => {
    expect((await get(clinic, `/api/reports/doses-administered?${RANGE}&clinicId=${ids.other}`)).statusCode).toBe(403);
    const dph = await s.signIn('dphanalyst');
    expect(await total(dph, 'vaccineGroup=MMR')).toBe(5);
    expect(await total(dph, `vaccineGroup=MMR&clinicId=${ids.other}`)).toBe(1);
    // The health director's district is Hamden: Teen (New Haven) is never counted, whichever clinic.
    const hd = await s.signIn('healthdirector');
    expect(await total(hd, `clinicId=${ids.elm}`)).toBe(4);
    expect(await total(hd, `clinicId=${ids.other}`)).toBe(1);
  });

  it('refuses a bad filter value naming the field', async () => {
    const bad: Array<[string, string]> = [
      ['vaccineGroup=Nope', 'vaccineGroup'],
      ['cvx=abc', 'cvx'],
      ['cvx=555', 'cvx'], // not a code CDC lists
      ['fundingSource=grant', 'fundingSource'],
      ['vfcEligibility=V99', 'vfcEligibility'],
      ['clinicId=elm', 'clinicId'],
      ['ageGroup=teen', 'ageGroup'],
    ];
    for (const [q, field] of bad) {
      const r = await get(clinic, `/api/reports/doses-administered?${RANGE}&${q}`);
      expect([q, r.statusCode, r.json().fields?.[0]?.path]).toEqual([q, 400, field]);
    }
    // A clinic id that names no organization: DPH may name any clinic, so it is told which field is wrong.
    const none = await get(
      await s.signIn('dphanalyst'),
      `/api/reports/doses-administered?${RANGE}&clinicId=00000000-0000-4000-8000-000000000000`,
    );
    expect([none.statusCode, none.json().fields?.[0]?.path]).toEqual([400, 'clinicId']);
  });
});
