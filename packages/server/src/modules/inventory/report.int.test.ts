import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryReport } from '@nutmeg/api-types';
import { inventoryWorld, VAQTA_NDC, type Call, type InventoryWorld } from './inventory.testing.ts';

describe('inventory reports', () => {
  let w: InventoryWorld;
  let dph: Call;
  beforeAll(async () => {
    w = await inventoryWorld('2026-12-07T15:00:00Z');
    const fridge = await w.addUnit('Main refrigerator');
    dph = await w.as('dphadmin');
    const r = await w.coord('POST', '/api/inventory/receipts', {
      storageUnitId: fridge,
      ndc: VAQTA_NDC,
      lotNumber: 'R1',
      expiration: '2027-06',
      doses: 10,
    });
    await w.coord('POST', '/api/inventory/wastage', { storageUnitId: fridge, lotId: r.json().lotId, doses: 2, reason: 'broken' });
  });
  afterAll(async () => {
    await w.s.shutdown();
  });

  it('shows a coordinator their clinic’s doses on hand by funding and vaccine, and wastage by reason', async () => {
    const r = (await w.coord('GET', '/api/inventory/reports')).json() as InventoryReport;
    expect(r.scope).toMatchObject({ clinic: { name: 'Elm City Pediatrics' }, from: '2026-09-08', to: '2026-12-07' });
    expect(r.onHand).toEqual([{ fundingSource: 'private', cvx: '83', tradeName: 'VAQTA', doses: 8, clinics: 1 }]);
    expect(r.wastage).toEqual([{ reason: 'broken', clinicName: null, doses: 2 }]);
    expect((await w.coord('GET', '/api/inventory/reports?from=2026-12-08&to=2026-12-07')).json().fields[0].path).toBe('from');
  });

  it('gives DPH the statewide view with wastage by clinic, and the CSV', async () => {
    const r = (await dph('GET', '/api/inventory/reports')).json() as InventoryReport;
    expect(r.scope.clinic).toBeNull();
    expect(r.wastage).toEqual([{ reason: 'broken', clinicName: 'Elm City Pediatrics', doses: 2 }]);
    const csv = await dph('GET', '/api/inventory/reports.csv');
    expect(csv.body).toContain('On hand,private,83,VAQTA,8,1');
    expect(csv.body).toContain('Wasted 2026-09-08 to 2026-12-07,broken,Elm City Pediatrics,,2,');
  });
});
