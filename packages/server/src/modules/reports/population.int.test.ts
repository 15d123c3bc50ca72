// Doses administered, inactive patients and data quality on a hand-built population, per access type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';

type Headers = { cookie: string; 'x-csrf-token': string };

describe('doses administered, inactive patients, data quality', () => {
  let s: TestServer;
  let clinic: Headers;
  const ids: Record<string, string> = {};
  const get = (h: Headers, url: string) => s.app.inject({ method: 'GET', url, headers: h });
  const send = (h: Headers, method: 'POST' | 'PUT', url: string, payload: object) => s.app.inject({ method, url, headers: h, payload });

  beforeAll(async () => {
    s = await createTestServer();
    s.clock.set(new Date('2026-06-15T15:00:00Z'));
    clinic = await s.signIn('clinicstaff');
    const a = await send(clinic, 'POST', '/api/patients', {
      name: { first: 'Ada', last: 'Quality' },
      dob: '2025-01-05',
      sex: 'F',
      addresses: [{ street: '1 Dixwell Ave', city: 'Hamden', state: 'CT', zip: '06514' }],
      confirmNew: true,
    });
    ids.a = a.json().id;
    const b = await send(clinic, 'POST', '/api/patients', {
      name: { first: 'Bo', last: 'Quality' },
      dob: '1950-03-01',
      sex: 'M',
      confirmNew: true,
    });
    ids.b = b.json().id;
    const dose = { kind: 'administered', lot: 'L1', fundingSource: 'private', vfcEligibility: 'V01' };
    expect((await send(clinic, 'POST', `/api/patients/${ids.a}/doses`, { ...dose, cvx: '08', date: '2026-06-10' })).statusCode).toBe(201);
    // Given 2026-05-01, entered today: 45 days late.
    expect((await send(clinic, 'POST', `/api/patients/${ids.b}/doses`, { ...dose, cvx: '141', date: '2026-05-01' })).statusCode).toBe(201);
    expect(
      (await send(clinic, 'POST', `/api/patients/${ids.a}/doses`, { kind: 'historical', cvx: '20', date: '2026-06-01' })).statusCode,
    ).toBe(201);
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('counts the clinic’s administered doses by vaccine and age group (historical ones are not counted)', async () => {
    const june = await get(clinic, '/api/reports/doses-administered?from=2026-06-01&to=2026-06-30&by=vaccine');
    expect(june.statusCode, june.body).toBe(200);
    expect(june.json()).toMatchObject({ total: 1, rows: [{ key: '08', count: 1 }] });
    const byAge = await get(clinic, '/api/reports/doses-administered?from=2026-04-01&to=2026-06-30&by=age');
    expect(byAge.json().rows.map((r: { label: string; count: number }) => [r.label, r.count])).toEqual([
      ['1–2 years', 1],
      ['65 years and older', 1],
    ]);
    const csv = await get(clinic, '/api/reports/doses-administered.csv?from=2026-04-01&to=2026-06-30&by=funding');
    expect(csv.body).toContain('Total,2');
    expect((await get(clinic, '/api/reports/doses-administered?from=2026-07-01&to=2026-06-01')).json().fields[0].path).toBe('to');
  });

  it('keeps doses administered within each population', async () => {
    expect((await get(await s.signIn('ceo'), '/api/reports/doses-administered?from=2026-04-01&to=2026-06-30')).json().total).toBe(0);
    // Ada lives in Hamden (the district's); Bo has no address.
    expect(
      (await get(await s.signIn('healthdirector'), '/api/reports/doses-administered?from=2026-04-01&to=2026-06-30')).json().total,
    ).toBe(1);
    expect((await get(await s.signIn('schoolnurse'), '/api/reports/doses-administered?from=2026-04-01&to=2026-06-30')).json().total).toBe(
      0,
    );
    expect(
      (await get(await s.signIn('dphanalyst'), '/api/reports/doses-administered?from=2026-04-01&to=2026-06-30&by=clinic')).json().rows,
    ).toMatchObject([{ label: 'Elm City Pediatrics', count: 2 }]);
  });

  it('finds late entries, doses added but not administered, and patients without an address', async () => {
    await s.ctx.db
      .updateTable('doses')
      .set({ not_administered: true })
      .where('patient_id', '=', ids.a!)
      .where('kind', '=', 'administered')
      .execute();
    const r = await get(clinic, '/api/reports/data-quality?from=2026-06-01&to=2026-06-30');
    expect(r.statusCode, r.body).toBe(200);
    const counts = Object.fromEntries(r.json().checks.map((c: { key: string; count: number }) => [c.key, c.count]));
    expect(counts).toEqual({ not_administered: 1, missing_lot_or_funding: 0, late_entry: 1, no_address: 1, possible_duplicates: 0 });
    const late = r.json().checks.find((c: { key: string }) => c.key === 'late_entry');
    expect(late.items).toMatchObject([{ patientId: ids.b, date: '2026-05-01' }]);
    const audit = await s.ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'report.data_quality.run').execute();
    expect(audit.at(-1)?.detail).toMatchObject({ filters: { from: '2026-06-01', to: '2026-06-30' } });
  });

  it('lists patients inactive at the clinic with the reason, and DPH the jurisdiction’s moved and deceased', async () => {
    expect(
      (await send(clinic, 'PUT', `/api/patients/${ids.a}/status`, { status: 'inactive_moved', reason: 'Moved to Ohio' })).statusCode,
    ).toBe(200);
    expect(
      (await send(clinic, 'PUT', `/api/patients/${ids.b}/jurisdiction-status`, { status: 'deceased', deceasedDate: '2026-06-01' }))
        .statusCode,
    ).toBe(200);
    const atClinic = await get(clinic, '/api/reports/inactive-patients');
    expect(atClinic.json()).toMatchObject({
      level: 'clinic',
      patients: [{ patientId: ids.a, status: 'inactive_moved', reason: 'Moved to Ohio' }],
    });
    const dph = await get(await s.signIn('dphanalyst'), '/api/reports/inactive-patients');
    expect(dph.json()).toMatchObject({ level: 'jurisdiction', patients: [{ patientId: ids.b, status: 'deceased', since: '2026-06-01' }] });
    expect((await get(await s.signIn('healthdirector'), '/api/reports/inactive-patients?level=clinic')).statusCode).toBe(400);
  });
});
