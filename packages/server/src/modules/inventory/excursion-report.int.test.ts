import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExcursionReport, TemperatureLog } from '@nutmeg/api-types';
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

  const upload = async (fridge: string, rows: string[]) => {
    const res = await w.coord('POST', `/api/inventory/units/${fridge}/temperatures/upload`, {
      csv: ['time,current', ...rows].join('\n'),
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const excursionsOf = async (fridge: string) =>
    ((await w.coord('GET', `/api/inventory/units/${fridge}/temperatures`)).json() as TemperatureLog).excursions;

  it('keeps one excursion while the unit stays out of range, whatever batches its readings come in', async () => {
    const fridge = await w.addUnit('Warm all morning');
    // Warm from 08:00 for 6 h, a reading every 30 min, each sent on its own; back in range at 14:00.
    for (let k = 0; k < 12; k += 1) {
      const at = new Date(Date.parse('2026-12-07T08:00:00Z') + k * 30 * 60_000).toISOString();
      await upload(fridge, [`${at},${9 + k / 10}`]);
    }
    await upload(fridge, ['2026-12-07T14:00:00Z,5']);
    const list = await excursionsOf(fridge);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      firstReadAt: '2026-12-07T08:00:00.000Z',
      backInRangeAt: '2026-12-07T14:00:00.000Z',
      durationMinutes: 360,
      minC: 9,
      maxC: 10.1,
      worstC: 10.1,
    });
  });

  it('leaves a decided excursion’s duration, min and max as they were when a later reading is out of range', async () => {
    const fridge = await w.addUnit('Decided fridge');
    await upload(fridge, ['2026-12-07T10:00:00Z,9.5']);
    await upload(fridge, ['2026-12-07T10:30:00Z,10']);
    const [first] = await excursionsOf(fridge);
    expect(first).toMatchObject({ firstReadAt: '2026-12-07T10:00:00.000Z', durationMinutes: 30, minC: 9.5, maxC: 10 });
    const decided = await w.coord('POST', `/api/inventory/excursions/${first!.id}/decision`, { decision: 'usable' });
    expect(decided.statusCode, decided.body).toBe(200);
    w.s.clock.set(new Date('2026-12-07T18:05:00Z'));
    await upload(fridge, ['2026-12-07T11:00:00Z,12', '2026-12-07T11:30:00Z,5']);
    const list = await excursionsOf(fridge);
    expect(list).toHaveLength(2);
    const byStart = new Map(list.map((e) => [e.firstReadAt, e]));
    expect(byStart.get('2026-12-07T10:00:00.000Z')).toMatchObject({
      status: 'usable',
      durationMinutes: 30,
      minC: 9.5,
      maxC: 10,
      backInRangeAt: null,
    });
    expect(byStart.get('2026-12-07T11:00:00.000Z')).toMatchObject({
      status: 'open',
      durationMinutes: 30,
      minC: 12,
      maxC: 12,
      backInRangeAt: '2026-12-07T11:30:00.000Z',
    });
  });

  it('gives no back-in-range time to an excursion the next one ended before the unit came back', async () => {
    const fridge = await w.addUnit('Cut fridge');
    await upload(fridge, ['2026-12-07T10:00:00Z,9.5']);
    await upload(fridge, ['2026-12-07T10:30:00Z,12', '2026-12-07T11:00:00Z,5']);
    const [first] = await excursionsOf(fridge);
    // A second excursion from 10:30 as the code before one-excursion-per-unit opened it (data recorded then).
    await w.s.ctx.db
      .insertInto('inventory_excursions')
      .values({
        organization_id: w.clinicId,
        storage_unit_id: fridge,
        first_read_at: new Date('2026-12-07T10:30:00Z'),
        worst_c: 12,
        detected_at: new Date('2026-12-07T10:31:00Z'),
      })
      .execute();
    const byId = new Map((await excursionsOf(fridge)).map((e) => [e.id, e]));
    expect(byId.get(first!.id)).toMatchObject({ durationMinutes: 30, backInRangeAt: null, minC: 9.5, maxC: 9.5 });
  });
});
