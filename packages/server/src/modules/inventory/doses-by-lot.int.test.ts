import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DosesByLotReport } from '@nutmeg/api-types';
import { inventoryWorld, VAQTA_NDC, type InventoryWorld } from './inventory.testing.ts';

const ACTHIB_NDC = '49281-0545-03';

describe('doses administered by lot: each dose counted on its own lot, by administration date', () => {
  let w: InventoryWorld;
  let patientId = '';
  beforeAll(async () => {
    w = await inventoryWorld('2026-12-07T15:00:00Z');
    const p = await w.coord('POST', '/api/patients', {
      name: { first: 'Tim', last: 'Twin' },
      dob: '2020-01-01',
      sex: 'M',
      confirmNew: true,
    });
    patientId = p.json().id;
  });
  afterAll(async () => {
    await w.s.shutdown();
  });
  const receive = async (unit: string, ndc: string, lotNumber: string) => {
    const res = await w.coord('POST', '/api/inventory/receipts', { storageUnitId: unit, ndc, lotNumber, expiration: '2027-06', doses: 10 });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().lotId as string;
  };
  const dose = async (extra: object) => {
    const res = await w.coord('POST', `/api/patients/${patientId}/doses`, {
      kind: 'administered',
      date: '2026-12-07',
      fundingSource: 'private',
      vfcEligibility: 'V01',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const report = async (query = '') => (await w.coord('GET', `/api/immunizations/doses-by-lot${query}`)).json() as DosesByLotReport;

  it('keeps apart two products that share a lot number (a typed dose matched by its NDC)', async () => {
    const unit = await w.addUnit('Twin fridge');
    const vaqta = await receive(unit, VAQTA_NDC, 'TWIN');
    const acthib = await receive(unit, ACTHIB_NDC, 'TWIN');
    await dose({ cvx: '83', lot: 'TWIN', fromStock: { lotId: vaqta, storageUnitId: unit } });
    await dose({ cvx: '48', lot: 'TWIN', fromStock: { lotId: acthib, storageUnitId: unit } });
    await dose({ cvx: '48', lot: 'twin', ndc: ACTHIB_NDC });
    const rows = (await report()).rows.filter((r) => r.lotNumber === 'TWIN');
    expect(rows.map((r) => [r.cvx, r.fromStock, r.recorded, r.difference]).sort()).toEqual([
      ['48', 1, 2, -1],
      ['83', 1, 1, 0],
    ]);
  });

  it('lists a dose given from stock by its administration date, though the stock moved later', async () => {
    const unit = await w.addUnit('Late fridge');
    const lot = await receive(unit, VAQTA_NDC, 'LATE');
    // Entered on 7 December for a dose given on 15 November: the ledger row is the 7th's.
    await dose({ cvx: '83', lot: 'LATE', date: '2026-11-15', fromStock: { lotId: lot, storageUnitId: unit } });
    const november = await report('?from=2026-11-01&to=2026-11-30');
    expect(november.rows.filter((r) => r.lotNumber === 'LATE')).toEqual([
      expect.objectContaining({ tradeName: 'VAQTA', fromStock: 1, recorded: 1, difference: 0 }),
    ]);
    const december = await report('?from=2026-12-01&to=2026-12-07');
    expect(december.rows.filter((r) => r.lotNumber === 'LATE')).toEqual([]);
  });

  it('matches a typed lot to a lot whose number was stored with spaces around it', async () => {
    const unit = await w.addUnit('Padded fridge');
    const lot = await receive(unit, VAQTA_NDC, 'PAD1');
    await w.s.ctx.db.updateTable('inventory_lots').set({ lot_number: ' PAD1 ' }).where('id', '=', lot).execute();
    await dose({ cvx: '83', lot: 'pad1 ', ndc: VAQTA_NDC });
    expect((await report()).rows.filter((r) => r.lotNumber.trim() === 'PAD1').map((r) => [r.fromStock, r.recorded])).toEqual([[0, 1]]);
  });

  it('refuses a statewide report longer than a year, naming the dates; a year is fine', async () => {
    const dph = await w.as('dphadmin');
    const long = await dph('GET', '/api/immunizations/doses-by-lot?from=2025-01-01&to=2026-12-07');
    expect(long.statusCode, long.body).toBe(400);
    expect(long.json().fields.map((f: { path: string }) => f.path)).toEqual(['from', 'to']);
    expect(long.json().fields[0].message).toContain('2025-01-01 to 2026-12-07');
    const year = await dph('GET', '/api/immunizations/doses-by-lot?from=2025-12-08&to=2026-12-07');
    expect(year.statusCode, year.body).toBe(200);
    expect((year.json() as DosesByLotReport).rows.some((r) => r.lotNumber === 'TWIN')).toBe(true);
  });
});
