import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderBuilder, OrderView } from '@nutmeg/api-types';
import {
  approveCvpAgreement,
  inventoryWorld,
  reconcileAsExpected,
  VAQTA_NDC,
  type Call,
  type InventoryWorld,
} from './inventory.testing.ts';
import { moveStock } from './ledger.service.ts';
import { findOrCreateLot } from './stock.repo.ts';

describe('orders of public vaccine', () => {
  let w: InventoryWorld;
  let dph: Call;
  let fridge = '';
  let order: OrderView;
  beforeAll(async () => {
    w = await inventoryWorld('2026-12-07T15:00:00Z');
    fridge = await w.addUnit('Main refrigerator');
    dph = await w.as('dphadmin');
    // Public stock and its use, as shipments and doses given would have left them: 30 received in September,
    // 6 given in the last 30 days, 3 more before that (within 90 days).
    await w.s.ctx.db.transaction().execute(async (trx) => {
      const lot = await findOrCreateLot(trx, {
        organization_id: w.clinicId,
        ndc: VAQTA_NDC,
        cvx: '83',
        mvx: 'MSD',
        trade_name: 'VAQTA',
        doses_per_package: 10,
        lot_number: 'PUB1',
        expiration_date: '2027-06-30',
        funding_source: 'vfc',
      });
      const base = { organizationId: w.clinicId, lotId: lot.id, storageUnitId: fridge, recordedBy: null };
      await moveStock(trx, { ...base, kind: 'received', quantity: 30, at: new Date('2026-09-01T15:00:00Z') });
      await moveStock(trx, { ...base, kind: 'administered', quantity: -3, at: new Date('2026-10-01T15:00:00Z') });
      await moveStock(trx, { ...base, kind: 'administered', quantity: -6, at: new Date('2026-11-20T15:00:00Z') });
    });
  });
  afterAll(async () => {
    await w.s.shutdown();
  });

  it('keeps the clinic’s order set by NDC: a product once, an unknown NDC named, DPH cannot change it', async () => {
    const added = await w.coord('POST', '/api/inventory/order-set', { ndc: VAQTA_NDC });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().items).toEqual([{ ndc: VAQTA_NDC, cvx: '83', tradeName: 'VAQTA', dosesPerPackage: 10 }]);
    const twice = await w.coord('POST', '/api/inventory/order-set', { ndc: VAQTA_NDC });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().fields[0].path).toBe('ndc');
    expect((await w.coord('POST', '/api/inventory/order-set', { ndc: '99999-9999-99' })).json().fields[0].path).toBe('ndc');
    expect((await dph('POST', '/api/inventory/order-set', { ndc: VAQTA_NDC })).statusCode).toBe(403);
  });

  it('refuses an order without a reconciliation in 30 days and a current agreement, with the reasons, and writes nothing', async () => {
    const builder = (await w.coord('GET', '/api/inventory/orders/builder')).json() as OrderBuilder;
    expect(builder.refusals).toEqual([
      expect.stringMatching(/provider agreement/),
      expect.stringMatching(/Reconcile Main refrigerator first.*never counted/),
    ]);
    const refused = await w.coord('POST', '/api/inventory/orders', { lines: [{ ndc: VAQTA_NDC, doses: 10 }] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().reasons).toHaveLength(2);
    expect((await w.coord('GET', '/api/inventory/orders')).json().orders).toEqual([]);
  });

  it('shows on hand, doses given in 30/90 days and the suggestion, then places the order in whole packages', async () => {
    await approveCvpAgreement(w);
    await reconcileAsExpected(w, fridge);
    const builder = (await w.coord('GET', '/api/inventory/orders/builder')).json() as OrderBuilder;
    expect(builder.refusals).toEqual([]);
    // 6 in 30 days (0.2/day) beats 9 in 90 (0.1/day): 12 for 60 days, 21 on hand → nothing suggested.
    expect(builder.lines).toEqual([
      expect.objectContaining({ ndc: VAQTA_NDC, onHand: 21, administered30: 6, administered90: 9, suggestedDoses: 0 }),
    ]);
    const partial = await w.coord('POST', '/api/inventory/orders', { lines: [{ ndc: VAQTA_NDC, doses: 15 }] });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().fields[0].path).toBe('lines.0.doses');
    const placed = await w.coord('POST', '/api/inventory/orders', { lines: [{ ndc: VAQTA_NDC, doses: 30 }] });
    expect(placed.statusCode, placed.body).toBe(201);
    order = placed.json();
    expect(order).toMatchObject({ status: 'submitted', placedOn: '2026-12-07', canDecide: false, clinic: { name: 'Elm City Pediatrics' } });
    expect(order.lines).toEqual([expect.objectContaining({ requestedDoses: 30, approvedDoses: null, onHand: 21, administered30: 6 })]);
  });

  it('puts it in DPH’s queue; an edit must be whole packages; a stale version or a second decision is refused', async () => {
    const queue = (await dph('GET', '/api/inventory/orders?status=submitted')).json().orders as OrderView[];
    expect(queue.map((o) => [o.id, o.canDecide])).toEqual([[order.id, true]]);
    const bad = await dph('POST', `/api/inventory/orders/${order.id}/approve`, {
      version: order.version,
      lines: [{ ndc: VAQTA_NDC.replaceAll('-', ''), doses: 25 }], // the NDC in any spelling: the quantity is what is wrong
    });
    expect(bad.json().fields[0].path).toBe('lines.0.doses');
    const twice = await dph('POST', `/api/inventory/orders/${order.id}/approve`, {
      version: order.version,
      lines: [
        { ndc: VAQTA_NDC, doses: 20 },
        { ndc: VAQTA_NDC, doses: 10 },
      ],
    });
    expect(twice.json().fields[0].path).toBe('lines.1.ndc');
    expect((await dph('POST', `/api/inventory/orders/${order.id}/deny`, { version: order.version, reason: ' ' })).statusCode).toBe(400);
    expect((await w.coord('POST', `/api/inventory/orders/${order.id}/approve`, { version: order.version })).statusCode).toBe(403);
    // Approve (with an edit) and deny at the same time: exactly one decides.
    const [approve, deny] = await Promise.all([
      dph('POST', `/api/inventory/orders/${order.id}/approve`, { version: order.version, lines: [{ ndc: VAQTA_NDC, doses: 20 }] }),
      dph('POST', `/api/inventory/orders/${order.id}/deny`, { version: order.version, reason: 'Enough on hand' }),
    ]);
    expect([approve.statusCode, deny.statusCode].sort()).toEqual([200, 409]);
    const final = (await w.coord('GET', `/api/inventory/orders/${order.id}`)).json() as OrderView;
    if (approve.statusCode === 200)
      expect(final).toMatchObject({ status: 'approved', lines: [expect.objectContaining({ approvedDoses: 20 })] });
    else expect(final).toMatchObject({ status: 'denied', denialReason: 'Enough on hand' });
  });

  it('exports approved orders as CSV for DPH only, and shows another clinic’s order to no coordinator', async () => {
    const placed = (await w.coord('POST', '/api/inventory/orders', { lines: [{ ndc: VAQTA_NDC, doses: 10 }] })).json() as OrderView;
    const ok = await dph('POST', `/api/inventory/orders/${placed.id}/approve`, { version: placed.version });
    expect(ok.json()).toMatchObject({ status: 'approved', lines: [expect.objectContaining({ approvedDoses: 10 })] });
    const csv = await dph('GET', '/api/inventory/orders/export.csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe('PIN,Clinic,Order,Placed on,Approved on,Funding,NDC,Product,Doses,Packages');
    expect(csv.body).toContain(`CT1001,Elm City Pediatrics,${placed.id},2026-12-07,2026-12-07,vfc,${VAQTA_NDC},VAQTA,10,1`);
    expect((await w.coord('GET', '/api/inventory/orders/export.csv')).statusCode).toBe(403);
    const audit = await w.s.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', placed.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['inventory.order.place', 'inventory.order.approve']);
  });
});
