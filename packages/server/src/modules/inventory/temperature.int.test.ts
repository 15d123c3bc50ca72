import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TemperatureLog, UnitStock } from '@nutmeg/api-types';
import { inventoryWorld, VAQTA_NDC, type Call, type InventoryWorld } from './inventory.testing.ts';

describe('the temperature log of a storage unit', () => {
  let w: InventoryWorld;
  let dph: Call;
  let fridge = '';
  beforeAll(async () => {
    w = await inventoryWorld('2026-12-07T15:00:00Z');
    fridge = await w.addUnit('Main refrigerator');
    dph = await w.as('dphadmin');
    for (const lotNumber of ['T1', 'T2'])
      await w.coord('POST', '/api/inventory/receipts', {
        storageUnitId: fridge,
        ndc: VAQTA_NDC,
        lotNumber,
        expiration: '2027-06',
        doses: 10,
      });
  });
  afterAll(async () => {
    await w.s.shutdown();
  });

  const stock = async () => ((await w.coord('GET', `/api/inventory/units/${fridge}/stock`)).json() as UnitStock).lines;

  it('records readings in range without holding anything, and names a bad logger row by its line', async () => {
    const ok = await w.coord('POST', `/api/inventory/units/${fridge}/temperatures`, {
      readAt: '2026-12-07T13:00:00Z',
      currentC: 4.5,
      minC: 3.1,
      maxC: 6,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((ok.json() as TemperatureLog).readings).toEqual([
      expect.objectContaining({ currentC: 4.5, minC: 3.1, maxC: 6, outOfRange: false }),
    ]);
    expect((ok.json() as TemperatureLog).range).toEqual({ min: 2, max: 8 });
    const bad = await w.coord('POST', `/api/inventory/units/${fridge}/temperatures/upload`, {
      csv: 'time,current,min,max\n2026-12-07T14:00:00Z,5,4,6\nyesterday,5,4,6\n',
    });
    expect(bad.json().fields[0]).toMatchObject({ path: 'csv', message: expect.stringMatching(/^Line 3:/) });
    expect((await stock()).every((l) => !l.doNotUse)).toBe(true);
  });

  it('holds every lot of the unit after a logger upload with an excursion, and DPH sees it', async () => {
    const csv = 'time,current,min,max\r\n2026-12-07T14:00:00Z,5,4,6\r\n2026-12-07T14:15:00Z,9.5,5,11.2\r\n';
    const res = await w.coord('POST', `/api/inventory/units/${fridge}/temperatures/upload`, { csv });
    expect(res.statusCode, res.body).toBe(201);
    const log = res.json() as TemperatureLog;
    expect(log.excursions).toEqual([expect.objectContaining({ status: 'open', worstC: 11.2, canDecide: true })]);
    expect(log.excursions[0]!.lots.map((l) => l.lotNumber)).toEqual(['T1', 'T2']);
    expect((await stock()).map((l) => [l.lotNumber, l.doNotUse, l.usable])).toEqual([
      ['T1', true, false],
      ['T2', true, false],
    ]);
    const report = (await dph('GET', '/api/inventory/excursions')).json();
    expect(report.excursions).toEqual([
      expect.objectContaining({ status: 'open', clinic: expect.objectContaining({ name: 'Elm City Pediatrics' }), canDecide: false }),
    ]);
    expect((await dph('POST', `/api/inventory/excursions/${log.excursions[0]!.id}/decision`, { decision: 'usable' })).statusCode).toBe(403);
  });

  it('records the manufacturer’s decision once: two at the same time, one wins; waste empties the held lots', async () => {
    const log = (await w.coord('GET', `/api/inventory/units/${fridge}/temperatures`)).json() as TemperatureLog;
    const id = log.excursions[0]!.id;
    const backup = await w.as('backup');
    const [a, b] = await Promise.all([
      w.coord('POST', `/api/inventory/excursions/${id}/decision`, { decision: 'wasted', note: 'Merck: discard' }),
      backup('POST', `/api/inventory/excursions/${id}/decision`, { decision: 'wasted', note: 'Merck: discard' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((await stock()).map((l) => [l.lotNumber, l.onHand, l.doNotUse])).toEqual([
      ['T1', 0, false],
      ['T2', 0, false],
    ]);
    const wasted = await w.s.ctx.db
      .selectFrom('inventory_ledger')
      .select(['kind', 'quantity', 'reason'])
      .where('reference_id', '=', id)
      .execute();
    expect(wasted).toEqual([
      { kind: 'wasted', quantity: -10, reason: 'spoiled_temperature' },
      { kind: 'wasted', quantity: -10, reason: 'spoiled_temperature' },
    ]);
    expect((await w.coord('GET', '/api/inventory/ledger-check')).json().mismatches).toEqual([]);
  });

  it('keeps a lot held while another excursion of the unit is still open', async () => {
    await w.coord('POST', '/api/inventory/receipts', {
      storageUnitId: fridge,
      ndc: VAQTA_NDC,
      lotNumber: 'T3',
      expiration: '2027-06',
      doses: 10,
    });
    const warm = (at: string) =>
      w.coord('POST', `/api/inventory/units/${fridge}/temperatures`, { readAt: at, currentC: 9.4, minC: 5, maxC: 10 });
    expect((await warm('2026-12-07T14:30:00Z')).statusCode).toBe(201);
    // Back in range in between: the next warm reading opens a second excursion.
    const cool = await w.coord('POST', `/api/inventory/units/${fridge}/temperatures`, { readAt: '2026-12-07T14:40:00Z', currentC: 5 });
    expect(cool.statusCode).toBe(201);
    expect((await warm('2026-12-07T14:45:00Z')).statusCode).toBe(201);
    const open = ((await w.coord('GET', `/api/inventory/units/${fridge}/temperatures`)).json() as TemperatureLog).excursions.filter(
      (e) => e.status === 'open',
    );
    expect(open).toHaveLength(2);
    const t3 = async () => (await stock()).find((l) => l.lotNumber === 'T3')!.doNotUse;
    expect((await w.coord('POST', `/api/inventory/excursions/${open[0]!.id}/decision`, { decision: 'usable' })).statusCode).toBe(200);
    expect(await t3()).toBe(true);
    expect((await w.coord('POST', `/api/inventory/excursions/${open[1]!.id}/decision`, { decision: 'usable' })).statusCode).toBe(200);
    expect(await t3()).toBe(false);
  });
});
