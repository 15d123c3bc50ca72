import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExcursionReport } from '@nutmeg/api-types';
import { inventoryWorld, VAQTA_NDC, type Call, type InventoryWorld } from './inventory.testing.ts';

describe('the excursion report', () => {
  let w: InventoryWorld;
  let dph: Call;
  let fridge = '';
  beforeAll(async () => {
    w = await inventoryWorld('2026-12-07T18:00:00Z');
    fridge = await w.addUnit('Report fridge');
    dph = await w.as('dphadmin');
    await w.coord('POST', '/api/inventory/receipts', {
      storageUnitId: fridge,
      ndc: VAQTA_NDC,
      lotNumber: 'EXR1',
      expiration: '2027-06',
      doses: 4,
    });
    // Out of range from 14:15 to 15:00 (back in range), the logger's min/max over that time 5.0 … 11.2.
    const csv = [
      'time,current,min,max',
      '2026-12-07T14:00:00Z,5,4,6',
      '2026-12-07T14:15:00Z,9.5,5,11.2',
      '2026-12-07T14:45:00Z,8.6,7.9,9',
      '2026-12-07T15:00:00Z,5,4,6',
    ].join('\n');
    const up = await w.coord('POST', `/api/inventory/units/${fridge}/temperatures/upload`, { csv });
    expect(up.statusCode, up.body).toBe(201);
  });
  afterAll(async () => {
    await w.s.shutdown();
  });

  it('lists every clinic’s excursions for DPH with unit, min/max, duration and the lots held, audited', async () => {
    const res = await dph('GET', '/api/inventory/excursions?status=open&from=2026-12-07&to=2026-12-07');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as ExcursionReport;
    expect(r.scope).toEqual({ clinic: null, from: '2026-12-07', to: '2026-12-07', status: 'open' });
    expect(r.excursions).toEqual([
      expect.objectContaining({
        clinic: expect.objectContaining({ name: 'Elm City Pediatrics' }),
        unitName: 'Report fridge',
        firstReadAt: '2026-12-07T14:15:00.000Z',
        backInRangeAt: '2026-12-07T15:00:00.000Z',
        durationMinutes: 45,
        minC: 5,
        maxC: 11.2,
        status: 'open',
        lots: [expect.objectContaining({ lotNumber: 'EXR1' })],
      }),
    ]);
    const audited = await w.s.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'inventory.excursion.report').execute();
    expect(audited.length).toBeGreaterThan(0);
  });

  it('filters by decision and period, and names a bad filter', async () => {
    expect((await dph('GET', '/api/inventory/excursions?status=usable')).json().excursions).toEqual([]);
    expect((await dph('GET', '/api/inventory/excursions?from=2026-12-08')).json().excursions).toEqual([]);
    const bad = await dph('GET', '/api/inventory/excursions?status=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('status');
    const backwards = await dph('GET', '/api/inventory/excursions?from=2026-12-08&to=2026-12-01');
    expect(backwards.statusCode).toBe(400);
  });

  it('gives the list as CSV with formula text neutralised, and a coordinator only their clinic’s', async () => {
    const id = ((await dph('GET', '/api/inventory/excursions')).json() as ExcursionReport).excursions[0]!.id;
    const decided = await w.coord('POST', `/api/inventory/excursions/${id}/decision`, { decision: 'usable', note: '=HYPERLINK("x")' });
    expect(decided.statusCode, decided.body).toBe(200);
    const csv = await dph('GET', '/api/inventory/excursions.csv?status=usable');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^Clinic,Storage unit,Cause,First out of range/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Report fridge');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    const own = (await w.coord('GET', '/api/inventory/excursions')).json() as ExcursionReport;
    expect(own.scope.clinic?.name).toBe('Elm City Pediatrics');
    expect(own.excursions).toHaveLength(1);
    const staff = await w.as('clinicstaff');
    expect((await staff('GET', '/api/inventory/excursions')).statusCode).toBe(403);
  });
});

describe('overlapping excursions in the excursion report', () => {
  let w: InventoryWorld;
  beforeAll(async () => {
    w = await inventoryWorld('2026-12-07T18:00:00Z');
  });
  afterAll(async () => {
    await w.s.shutdown();
  });

  it('gives each out-of-range reading to one excursion: the later one takes over from its first reading', async () => {
    const fridge = await w.addUnit('Overlap fridge');
    const upload = async (rows: string[]) => {
      const res = await w.coord('POST', `/api/inventory/units/${fridge}/temperatures/upload`, {
        csv: ['time,current', ...rows].join('\n'),
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    // Still out of range when the second reading comes: a second excursion opens at 10:30, the unit back at 11:00.
    await upload(['2026-12-07T10:00:00Z,9.5']);
    await upload(['2026-12-07T10:30:00Z,12', '2026-12-07T11:00:00Z,5']);
    const r = (await w.coord('GET', '/api/inventory/excursions')).json() as ExcursionReport;
    const byStart = new Map(r.excursions.map((e) => [e.firstReadAt, e]));
    expect(byStart.get('2026-12-07T10:00:00.000Z')).toMatchObject({ minC: 9.5, maxC: 9.5, durationMinutes: 30 });
    expect(byStart.get('2026-12-07T10:30:00.000Z')).toMatchObject({
      minC: 12,
      maxC: 12,
      durationMinutes: 30,
      backInRangeAt: '2026-12-07T11:00:00.000Z',
    });
  });
});
