import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryDashboard, OrderView, UnitStock } from '@nutmeg/api-types';
import { approvedOrder, inventoryWorld, VAQTA_NDC, type Call, type InventoryWorld } from './inventory.testing.ts';

describe('shipments of approved orders', () => {
  let w: InventoryWorld;
  let dph: Call;
  let fridge = '';
  let orderId = '';
  let order: OrderView;
  beforeAll(async () => {
    w = await inventoryWorld('2026-12-07T15:00:00Z');
    fridge = await w.addUnit('Main refrigerator');
    dph = await w.as('dphadmin');
    orderId = await approvedOrder(w, fridge, dph, 30);
  });
  afterAll(async () => {
    await w.s.shutdown();
  });

  const line = (lotNumber: string, doses: number, over: object = {}) => ({
    ndc: VAQTA_NDC,
    lotNumber,
    expiration: '2027-08',
    doses,
    ...over,
  });

  it('refuses a shipment of what was not approved, beyond the approved doses or already expired, naming the line', async () => {
    const cases: Array<[object, string]> = [
      [line('L1', 10, { ndc: '49281-0545-03' }), 'lines.0.ndc'],
      [line('L1', 40), 'lines.0.doses'],
      [line('L1', 10, { expiration: '2026-11' }), 'lines.0.expiration'],
    ];
    for (const [l, path] of cases) {
      const res = await dph('POST', `/api/inventory/orders/${orderId}/shipment`, { packingSlip: 'PS-1', lines: [l] });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().fields[0].path).toBe(path);
    }
    expect(
      (await w.coord('POST', `/api/inventory/orders/${orderId}/shipment`, { packingSlip: 'PS-1', lines: [line('L1', 10)] })).statusCode,
    ).toBe(403);
  });

  it('records the shipment once: the order is shipped, the doses are in transit on no clinic’s hand', async () => {
    const res = await dph('POST', `/api/inventory/orders/${orderId}/shipment`, {
      packingSlip: 'PS-1',
      lines: [line('l1', 20), line('L2', 10)],
    });
    expect(res.statusCode, res.body).toBe(201);
    order = res.json();
    expect(order.status).toBe('shipped');
    expect(order.shipment).toMatchObject({ packingSlip: 'PS-1', status: 'in_transit', source: 'dph', canAccept: false });
    expect(order.shipment!.lines.map((l) => [l.lotNumber, l.doses, l.expirationDate])).toEqual([
      ['L1', 20, '2027-08-31'],
      ['L2', 10, '2027-08-31'],
    ]);
    expect(
      (await dph('POST', `/api/inventory/orders/${orderId}/shipment`, { packingSlip: 'PS-2', lines: [line('L3', 10)] })).statusCode,
    ).toBe(409);
    const dash = (await w.coord('GET', '/api/inventory/dashboard')).json() as InventoryDashboard;
    expect(dash.todo).toContainEqual(expect.objectContaining({ kind: 'shipment', orderId }));
    expect(dash.units[0]!.doses).toBe(0);
    // The same to-do item is what refuses a reconciliation while the shipment is on its way.
    const refused = await w.coord('POST', `/api/inventory/units/${fridge}/reconciliations`, { counts: [] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ step: 'in_transit', blockers: [expect.objectContaining({ kind: 'shipment', orderId })] });
  });

  it('accepts it once into a unit, two coordinators at the same time: short and warm lines noted, warm stock held', async () => {
    const seen = (await w.coord('GET', `/api/inventory/orders/${orderId}`)).json() as OrderView;
    expect(seen.shipment!.canAccept).toBe(true);
    const [l1, l2] = seen.shipment!.lines;
    const unanswered = await w.coord('POST', `/api/inventory/shipments/${seen.shipment!.id}/accept`, {
      storageUnitId: fridge,
      lines: [{ lineId: l1!.id, receivedDoses: 20 }],
    });
    expect(unanswered.json().fields[0].path).toBe('lines');
    const noReason = await w.coord('POST', `/api/inventory/shipments/${seen.shipment!.id}/accept`, {
      storageUnitId: fridge,
      lines: [
        { lineId: l1!.id, receivedDoses: 18 },
        { lineId: l2!.id, receivedDoses: 10 },
      ],
    });
    expect(noReason.json().fields[0].path).toBe('lines.0.receivedDoses');
    const backup = await w.as('backup');
    const body = {
      storageUnitId: fridge,
      lines: [
        { lineId: l1!.id, receivedDoses: 18, discrepancy: 'short', note: 'box had 18' },
        { lineId: l2!.id, receivedDoses: 10, discrepancy: 'warm' },
      ],
    };
    const [a, b] = await Promise.all([
      w.coord('POST', `/api/inventory/shipments/${seen.shipment!.id}/accept`, body),
      backup('POST', `/api/inventory/shipments/${seen.shipment!.id}/accept`, body),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const after = (a.statusCode === 200 ? a : b).json() as OrderView;
    expect(after.status).toBe('received');
    expect(after.shipment).toMatchObject({ status: 'accepted', storageUnitId: fridge, canAccept: false });
    expect(after.shipment!.lines.map((l) => [l.receivedDoses, l.discrepancy])).toEqual([
      [18, 'short'],
      [10, 'warm'],
    ]);
    const stock = (await w.coord('GET', `/api/inventory/units/${fridge}/stock`)).json() as UnitStock;
    expect(stock.lines.map((l) => [l.lotNumber, l.fundingSource, l.onHand, l.doNotUse])).toEqual([
      ['L1', 'vfc', 18, false],
      ['L2', 'vfc', 10, true],
    ]);
    const ledger = await w.s.ctx.db
      .selectFrom('inventory_ledger')
      .select(['kind', 'quantity', 'reference_kind'])
      .where('reference_id', '=', seen.shipment!.id)
      .execute();
    expect(ledger).toHaveLength(2);
    expect(ledger.every((r) => r.kind === 'received' && r.reference_kind === 'shipment')).toBe(true);
    expect((await w.coord('GET', '/api/inventory/ledger-check')).json().mismatches).toEqual([]);
  });

  it('imports a shipment from the distributor’s CSV, reporting a bad row by its line and recording nothing', async () => {
    const second = await approvedOrder(w, fridge, dph, 20);
    const bad = 'packing_slip,ndc,lot_number,expiration,doses\r\nPS-9,00006-4095-02,M1,2027-09,10\r\nPS-9,00006-4095-02,M2,2027-13,10\r\n';
    const refused = await dph('POST', `/api/inventory/orders/${second}/shipment/import`, { csv: bad });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0]).toMatchObject({ path: 'csv', message: expect.stringMatching(/^Line 3:/) });
    expect((await dph('GET', `/api/inventory/orders/${second}`)).json().status).toBe('approved');
    const good = bad.replace('2027-13', '2027-10');
    const res = await dph('POST', `/api/inventory/orders/${second}/shipment/import`, { csv: good });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().shipment).toMatchObject({
      packingSlip: 'PS-9',
      source: 'import',
      lines: [expect.objectContaining({ lotNumber: 'M1' }), expect.objectContaining({ lotNumber: 'M2' })],
    });
  });
});
