import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DosesByLotReport, InventoryReport } from '@nutmeg/api-types';
import { approvedOrder, inventoryWorld, VAQTA_NDC, type Call, type InventoryWorld } from './inventory.testing.ts';

describe('inventory reports: doses administered by lot, order history', () => {
  let w: InventoryWorld;
  let dph: Call;
  let fridge = '';
  let lotId = '';
  let patientId = '';
  const dose = (extra: object) =>
    w.coord('POST', `/api/patients/${patientId}/doses`, {
      kind: 'administered',
      cvx: '83',
      date: '2026-12-07',
      lot: 'LOTA',
      fundingSource: 'private',
      vfcEligibility: 'V01',
      ...extra,
    });
  beforeAll(async () => {
    w = await inventoryWorld('2026-12-07T15:00:00Z');
    fridge = await w.addUnit('Report fridge');
    dph = await w.as('dphadmin');
    lotId = (
      await w.coord('POST', '/api/inventory/receipts', {
        storageUnitId: fridge,
        ndc: VAQTA_NDC,
        lotNumber: 'LOTA',
        expiration: '2027-06',
        doses: 10,
      })
    ).json().lotId;
    const p = await w.coord('POST', '/api/patients', {
      name: { first: 'Lou', last: 'Lotta' },
      dob: '2020-01-01',
      sex: 'F',
      confirmNew: true,
    });
    patientId = p.json().id;
    // Two doses from stock (one is later deleted: put back, no longer recorded), one pulled and not given yet,
    // and one recorded with the lot typed (not taken from stock).
    const a = await dose({ fromStock: { lotId, storageUnitId: fridge } });
    expect(a.statusCode, a.body).toBe(201);
    const b = await dose({ date: '2026-11-01', fromStock: { lotId, storageUnitId: fridge } });
    expect(b.statusCode, b.body).toBe(201);
    await w.coord('DELETE', `/api/patients/${patientId}/doses/${b.json().id}?reason=entered%20in%20error`);
    expect((await w.coord('POST', '/api/inventory/pending-doses', { patientId, lotId, storageUnitId: fridge })).statusCode).toBe(201);
    expect((await dose({ date: '2026-10-01', lot: 'lota ' })).statusCode).toBe(201);
  });
  afterAll(async () => {
    await w.s.shutdown();
  });

  it('compares the ledger’s administered doses per lot with the doses recorded on patient records', async () => {
    const res = await w.coord('GET', '/api/immunizations/doses-by-lot');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as DosesByLotReport;
    expect(r.scope).toMatchObject({ clinic: { name: 'Elm City Pediatrics' }, from: '2026-09-08', to: '2026-12-07' });
    expect(r.rows).toEqual([
      {
        clinicName: 'Elm City Pediatrics',
        lotNumber: 'LOTA',
        tradeName: 'VAQTA',
        cvx: '83',
        fundingSource: 'private',
        // Given from stock: dose a (b was deleted and put back; the pull is not given yet). Recorded: a and the typed one.
        fromStock: 1,
        recorded: 2,
        difference: -1,
      },
    ]);
    const bad = await w.coord('GET', '/api/immunizations/doses-by-lot?from=2026-12-08&to=2026-12-01');
    expect(bad.json().fields[0].path).toBe('from');
    const csv = await dph('GET', '/api/immunizations/doses-by-lot.csv');
    expect(csv.body).toContain('Elm City Pediatrics,private,83,VAQTA,LOTA,1,2,-1');
    const staff = await w.as('clinicstaff');
    expect((await staff('GET', '/api/immunizations/doses-by-lot')).statusCode).toBe(403);
  });

  it('lists the order history with status, dates and doses requested / approved / shipped / accepted', async () => {
    const pending = (await w.coord('GET', '/api/inventory/pending-doses')).json().pending[0].id as string;
    await w.coord('POST', `/api/inventory/pending-doses/${pending}/resolve`, { outcome: 'returned' });
    const orderId = await approvedOrder(w, fridge, dph, 20);
    const r = (await dph('GET', '/api/inventory/reports')).json() as InventoryReport;
    expect(r.orders).toEqual([
      expect.objectContaining({
        id: orderId,
        clinicName: 'Elm City Pediatrics',
        status: 'approved',
        placedOn: '2026-12-07',
        requested: 20,
        approved: 20,
        shipped: null,
        accepted: null,
      }),
    ]);
    expect((await dph('GET', '/api/inventory/reports?from=2026-12-08&to=2026-12-09')).json().orders).toEqual([]);
    const csv = (await dph('GET', '/api/inventory/reports.csv')).body;
    expect(csv).toContain('2026-12-07,Elm City Pediatrics,approved,vfc,');
  });
});
