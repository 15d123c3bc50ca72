import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryDashboard, ReconciliationView, UnitStock } from '@nutmeg/api-types';
import { inventoryWorld, VAQTA_NDC, type InventoryWorld } from './inventory.testing.ts';

describe('reconciling a storage unit and wasting doses', () => {
  let w: InventoryWorld;
  let fridge = '';
  let lotA = '';
  let lotB = '';
  const stock = async () => ((await w.coord('GET', `/api/inventory/units/${fridge}/stock`)).json() as UnitStock).lines;
  beforeAll(async () => {
    w = await inventoryWorld('2026-12-07T15:00:00Z');
    fridge = await w.addUnit('Vaccine fridge');
    const receive = async (lotNumber: string, doses: number) =>
      (
        await w.coord('POST', '/api/inventory/receipts', { storageUnitId: fridge, ndc: VAQTA_NDC, lotNumber, expiration: '2027-08', doses })
      ).json().lotId as string;
    lotA = await receive('RCA1', 10);
    lotB = await receive('RCB1', 4);
  });
  afterAll(async () => {
    await w.s.shutdown();
  });

  it('refuses a count that leaves out a lot with doses, or a difference without a reason, and writes nothing', async () => {
    const missing = await w.coord('POST', `/api/inventory/units/${fridge}/reconciliations`, {
      counts: [{ lotId: lotA, expected: 10, counted: 10 }],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields).toEqual([{ path: 'counts', message: 'Count lot RCB1 too (4 on hand)' }]);
    const noReason = await w.coord('POST', `/api/inventory/units/${fridge}/reconciliations`, {
      counts: [
        { lotId: lotA, expected: 10, counted: 9 },
        { lotId: lotB, expected: 4, counted: 4 },
      ],
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0].path).toBe('counts.0.reason');
    expect((await w.coord('GET', `/api/inventory/units/${fridge}/reconciliations`)).json().reconciliations).toEqual([]);
  });

  it('refuses a stale count (stock moved since it was read) with a 409', async () => {
    const res = await w.coord('POST', `/api/inventory/units/${fridge}/reconciliations`, {
      counts: [
        { lotId: lotA, expected: 11, counted: 11 },
        { lotId: lotB, expected: 4, counted: 4 },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().step).toBe('stale');
  });

  it('closes with one broken vial written off as wastage, keeps the history, and clears the to-do item', async () => {
    const res = await w.coord('POST', `/api/inventory/units/${fridge}/reconciliations`, {
      counts: [
        { lotId: lotA, expected: 10, counted: 9, reason: 'broken', note: 'dropped' },
        { lotId: lotB, expected: 4, counted: 4 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().differences).toBe(1);
    expect((await stock()).map((l) => [l.lotNumber, l.onHand])).toEqual([
      ['RCA1', 9],
      ['RCB1', 4],
    ]);
    const ledger = (await w.coord('GET', `/api/inventory/units/${fridge}/lots/${lotA}/ledger`)).json().entries;
    expect(ledger.at(-1)).toMatchObject({ kind: 'wasted', quantity: -1, balanceAfter: 9, reason: 'broken', note: 'dropped' });
    const history = (await w.coord('GET', `/api/inventory/units/${fridge}/reconciliations`)).json().reconciliations as ReconciliationView[];
    expect(history).toHaveLength(1);
    expect(history[0]!.reconciledOn).toBe('2026-12-07');
    expect(history[0]!.lines.find((l) => l.lotNumber === 'RCA1')).toMatchObject({ expected: 10, counted: 9, reason: 'broken' });
    const d = (await w.coord('GET', '/api/inventory/dashboard')).json() as InventoryDashboard;
    expect(d.todo.filter((t) => t.kind === 'reconcile')).toEqual([]);
    expect(d.units[0]!.lastReconciledOn).toBe('2026-12-07');
  });

  it('wastes doses with a reason, refuses more than on hand, and refuses a reason it does not know', async () => {
    const ok = await w.coord('POST', '/api/inventory/wastage', {
      storageUnitId: fridge,
      lotId: lotB,
      doses: 1,
      reason: 'drawn_not_administered',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().onHand).toBe(3);
    const tooMany = await w.coord('POST', '/api/inventory/wastage', { storageUnitId: fridge, lotId: lotB, doses: 4, reason: 'broken' });
    expect(tooMany.statusCode).toBe(409);
    const badReason = await w.coord('POST', '/api/inventory/wastage', { storageUnitId: fridge, lotId: lotB, doses: 1, reason: 'melted' });
    expect(badReason.statusCode).toBe(400);
    expect(badReason.json().fields[0].path).toBe('reason');
    expect((await stock()).find((l) => l.lotNumber === 'RCB1')!.onHand).toBe(3);
  });

  it('lets DPH read the history but not reconcile, and keeps the ledger consistent', async () => {
    const dph = await w.as('dphadmin');
    expect((await dph('GET', `/api/inventory/units/${fridge}/reconciliations`)).statusCode).toBe(200);
    const refused = await dph('POST', `/api/inventory/units/${fridge}/reconciliations`, { counts: [] });
    expect(refused.statusCode).toBe(403);
    expect((await w.coord('GET', '/api/inventory/ledger-check')).json().mismatches).toEqual([]);
  });
});
