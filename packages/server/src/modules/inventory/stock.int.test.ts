import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryDashboard, UnitStock } from '@nutmeg/api-types';
import { inventoryWorld, VAQTA_NDC, type InventoryWorld } from './inventory.testing.ts';

describe('receiving private inventory and the coordinator’s dashboard', () => {
  let w: InventoryWorld;
  let fridge = '';
  beforeAll(async () => {
    w = await inventoryWorld('2026-12-07T15:00:00Z');
    fridge = await w.addUnit('Main refrigerator');
  });
  afterAll(async () => {
    await w.s.shutdown();
  });

  it('receives a lot by NDC, taking CVX, manufacturer, trade name and doses per package from CDC’s list', async () => {
    const res = await w.coord('POST', '/api/inventory/receipts', {
      storageUnitId: fridge,
      ndc: VAQTA_NDC,
      lotNumber: 'vq123',
      expiration: '2027-01',
      doses: 10,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().onHand).toBe(10);
    const stock = (await w.coord('GET', `/api/inventory/units/${fridge}/stock`)).json() as UnitStock;
    expect(stock.lines).toEqual([
      expect.objectContaining({
        lotNumber: 'VQ123',
        ndc: VAQTA_NDC,
        cvx: '83',
        mvx: 'MSD',
        tradeName: 'VAQTA',
        dosesPerPackage: 10,
        expirationDate: '2027-01-31',
        fundingSource: 'private',
        onHand: 10,
        usable: true,
        expiryWindow: 60,
      }),
    ]);
    expect(stock.unit).toMatchObject({ name: 'Main refrigerator', lots: 1, doses: 10 });
  });

  it('adds a second receipt of the same lot to it, and refuses one whose expiry differs from the recorded one', async () => {
    const again = await w.coord('POST', '/api/inventory/receipts', {
      storageUnitId: fridge,
      ndc: VAQTA_NDC,
      lotNumber: 'VQ123',
      expiration: '2027-01-31',
      doses: 5,
    });
    expect(again.json().onHand).toBe(15);
    const differs = await w.coord('POST', '/api/inventory/receipts', {
      storageUnitId: fridge,
      ndc: VAQTA_NDC,
      lotNumber: 'VQ123',
      expiration: '2027-02',
      doses: 5,
    });
    expect(differs.statusCode).toBe(400);
    expect(differs.json().fields[0].path).toBe('expiration');
    const ledger = (await w.coord('GET', `/api/inventory/units/${fridge}/lots/${again.json().lotId}/ledger`)).json();
    expect(ledger.entries.map((e: { quantity: number; balanceAfter: number }) => [e.quantity, e.balanceAfter])).toEqual([
      [10, 10],
      [5, 15],
    ]);
  });

  it('refuses an unknown NDC, an expired lot and a bad date, naming the field, and writes nothing', async () => {
    const cases: Array<[object, string]> = [
      [{ ndc: '99999-9999-99' }, 'ndc'],
      [{ expiration: '2026-11' }, 'expiration'],
      [{ expiration: '2027-02-30' }, 'expiration'],
      [{ doses: 0 }, 'doses'],
      [{ lotNumber: '=HYPERLINK(1)' }, 'lotNumber'],
    ];
    for (const [change, path] of cases) {
      const res = await w.coord('POST', '/api/inventory/receipts', {
        storageUnitId: fridge,
        ndc: VAQTA_NDC,
        lotNumber: 'NEW1',
        expiration: '2027-06',
        doses: 3,
        ...change,
      });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    const stock = (await w.coord('GET', `/api/inventory/units/${fridge}/stock`)).json() as UnitStock;
    expect(stock.lines.map((l) => l.lotNumber)).toEqual(['VQ123']);
  });

  it('shows the lot in its expiry window and an expired lot on the to-do list', async () => {
    await w.coord('POST', '/api/inventory/receipts', {
      storageUnitId: fridge,
      ndc: VAQTA_NDC,
      lotNumber: 'SOON1',
      expiration: '2026-12-20',
      doses: 2,
    });
    w.s.clock.set(new Date('2026-12-22T15:00:00Z'));
    const later = await w.as('coordinator'); // a fresh session: the first one has been idle for two weeks
    const d = (await later('GET', '/api/inventory/dashboard')).json() as InventoryDashboard;
    expect(d.expiring.expired.map((l) => l.lotNumber)).toEqual(['SOON1']);
    expect(d.expiring.within60.map((l) => l.lotNumber)).toEqual(['VQ123']);
    expect(d.expiring.within30.map((l) => l.lotNumber)).toEqual([]);
    expect(d.expiring.within90.map((l) => l.lotNumber)).toEqual([]);
    expect(d.todo).toEqual([
      expect.objectContaining({ kind: 'expired', storageUnitId: fridge }),
      expect.objectContaining({ kind: 'reconcile', storageUnitId: fridge, message: 'Reconcile Main refrigerator: never counted' }),
    ]);
    expect(d.units).toEqual([expect.objectContaining({ id: fridge, lots: 2, doses: 17 })]);
    expect(d.canEdit).toBe(true);
    w.s.clock.set(new Date('2026-12-07T15:00:00Z'));
    w.coord = await w.as('coordinator');
  });

  it('keeps each clinic to its own stock: another clinic’s unit is not found, DPH reads any clinic but cannot receive', async () => {
    const ceo = await w.as('ceo'); // Hartford CHC signer: no inventory at all
    expect((await ceo('GET', '/api/inventory/dashboard')).statusCode).toBe(403);
    const dph = await w.as('dphadmin');
    const asDph = await dph('GET', `/api/inventory/dashboard?organizationId=${w.clinicId}`);
    expect(asDph.statusCode).toBe(200);
    expect((asDph.json() as InventoryDashboard).canEdit).toBe(false);
    expect((await dph('GET', '/api/inventory/dashboard')).json().fields[0].path).toBe('organizationId');
    const refused = await dph('POST', '/api/inventory/receipts', {
      storageUnitId: fridge,
      ndc: VAQTA_NDC,
      lotNumber: 'X1',
      expiration: '2027-06',
      doses: 1,
    });
    expect(refused.statusCode).toBe(403);
    // The coordinator switched to Hartford CHC (their other clinic) sees none of Elm City's units.
    const other = await w.s.ctx.db.selectFrom('organizations').select('id').where('pin', '=', 'CT1002').executeTakeFirstOrThrow();
    expect((await w.coord('GET', `/api/inventory/dashboard?organizationId=${other.id}`)).statusCode).toBe(404);
  });

  it('agrees with its ledger', async () => {
    const check = await w.coord('GET', '/api/inventory/ledger-check');
    expect(check.json().mismatches).toEqual([]);
  });
});
