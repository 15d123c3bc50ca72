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

  it('counts doses by VFC eligibility, doses without lot or funding, open duplicate pairs, and dates a late entry on the jurisdiction’s day', async () => {
    const byVfc = await get(clinic, '/api/reports/doses-administered?from=2026-04-01&to=2026-06-30&by=vfc');
    expect(byVfc.statusCode, byVfc.body).toBe(200);
    // Ada's dose was marked not administered above: Bo's is the one VFC-eligible (V01) dose left.
    expect(byVfc.json().rows).toMatchObject([{ key: 'V01', count: 1 }]);
    // 22:30 in New Haven on June 15 is already June 16 in UTC: the entry is dated the 15th (the report's range is by
    // the day entered, in the jurisdiction), and so is the late entry's note.
    s.clock.set(new Date('2026-06-16T02:30:00Z'));
    clinic = await s.signIn('clinicstaff'); // the evening's new session
    const c = await send(clinic, 'POST', '/api/patients', {
      name: { first: 'Cy', last: 'Quality' },
      dob: '2024-02-02',
      sex: 'M',
      addresses: [{ street: '2 Dixwell Ave', city: 'Hamden', state: 'CT', zip: '06514' }],
      confirmNew: true,
    });
    const cId: string = c.json().id;
    ids.c = cId;
    const given = { kind: 'administered', cvx: '08', date: '2026-05-02', lot: 'L2', fundingSource: 'private', vfcEligibility: 'V01' };
    const d = await send(clinic, 'POST', `/api/patients/${ids.c}/doses`, given);
    expect(d.statusCode, d.body).toBe(201);
    // The screen requires lot and funding; a message may omit them (HL7 RXA-15 and OBX 30963-3 are optional).
    await s.ctx.db.updateTable('doses').set({ lot: null, funding_source: null }).where('patient_id', '=', cId).execute();
    const twin = await send(clinic, 'POST', '/api/patients', {
      name: { first: 'Cyd', last: 'Quality' },
      dob: '2024-02-02',
      sex: 'M',
      confirmNew: true,
    });
    const [low, high] = [ids.c, twin.json().id as string].sort();
    await s.ctx.db.deleteFrom('patient_possible_duplicates').execute();
    await s.ctx.db
      .insertInto('patient_possible_duplicates')
      .values({ patient_low: low!, patient_high: high!, score: 80, reasons: ['DOB exact'], source: 'ui', queued_at: new Date() })
      .execute();
    const r = await get(clinic, '/api/reports/data-quality?from=2026-06-15&to=2026-06-15');
    expect(r.statusCode, r.body).toBe(200);
    const check = (key: string) => r.json().checks.find((x: { key: string }) => x.key === key);
    expect(check('missing_lot_or_funding')).toMatchObject({ count: 1, items: [{ patientId: ids.c, date: '2026-05-02' }] });
    expect(check('missing_lot_or_funding').items[0].detail).toMatch(/no lot, no funding source/);
    // Counted per record awaiting review: both records of the one pair are the clinic's.
    expect(check('possible_duplicates').count).toBe(2);
    expect(
      check('possible_duplicates')
        .items.map((i: { patientId: string }) => i.patientId)
        .sort(),
    ).toEqual([low, high]);
    const late = check('late_entry').items.find((i: { patientId: string }) => i.patientId === ids.c);
    expect(late.detail).toMatch(/entered 2026-06-15$/);
  });
});
