import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExcursionView, OrderView, TemperatureLog, UnitStock } from '@nutmeg/api-types';
import { approvedOrder, inventoryWorld, VAQTA_NDC, type Call, type InventoryWorld } from './inventory.testing.ts';

describe('a shipment accepted warm', () => {
  let w: InventoryWorld;
  let dph: Call;
  let patientId = '';
  beforeAll(async () => {
    w = await inventoryWorld('2026-12-07T15:00:00Z');
    dph = await w.as('dphadmin');
    const p = await w.coord('POST', '/api/patients', {
      name: { first: 'Walt', last: 'Warm' },
      dob: '2024-03-03',
      sex: 'M',
      confirmNew: true,
    });
    patientId = p.json().id;
  });
  afterAll(async () => {
    await w.s.shutdown();
  });

  /** An approved order shipped with one lot and accepted warm into a new unit; returns the unit and the lot. */
  async function acceptedWarm(unitName: string, lotNumber: string): Promise<{ unit: string; lotId: string; excursion: ExcursionView }> {
    const unit = await w.addUnit(unitName);
    const orderId = await approvedOrder(w, unit, dph, 10);
    const shipped = await dph('POST', `/api/inventory/orders/${orderId}/shipment`, {
      packingSlip: `PS-${lotNumber}`,
      lines: [{ ndc: VAQTA_NDC, lotNumber, expiration: '2027-08', doses: 10 }],
    });
    expect(shipped.statusCode, shipped.body).toBe(201);
    const shipment = (shipped.json() as OrderView).shipment!;
    const accepted = await w.coord('POST', `/api/inventory/shipments/${shipment.id}/accept`, {
      storageUnitId: unit,
      lines: [{ lineId: shipment.lines[0]!.id, receivedDoses: 10, discrepancy: 'warm', note: 'indicator tripped' }],
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const line = ((await w.coord('GET', `/api/inventory/units/${unit}/stock`)).json() as UnitStock).lines[0]!;
    expect([line.lotNumber, line.onHand, line.doNotUse]).toEqual([lotNumber, 10, true]);
    const log = (await w.coord('GET', `/api/inventory/units/${unit}/temperatures`)).json() as TemperatureLog;
    expect(log.excursions).toEqual([
      expect.objectContaining({
        shipmentId: shipment.id,
        status: 'open',
        worstC: null,
        canDecide: true,
        lots: [expect.objectContaining({ lotNumber })],
      }),
    ]);
    return { unit, lotId: line.lotId, excursion: log.excursions[0]! };
  }

  const give = (unit: string, lotId: string) =>
    w.coord('POST', `/api/patients/${patientId}/doses`, {
      kind: 'administered',
      cvx: '83',
      date: '2026-12-07',
      lot: 'x',
      fundingSource: 'public',
      vfcEligibility: 'V03',
      fromStock: { lotId, storageUnitId: unit },
    });

  it('holds the lot until the manufacturer says usable; then a dose can be given from it', async () => {
    const { unit, lotId, excursion } = await acceptedWarm('Warm fridge A', 'WARM1');
    const held = await give(unit, lotId);
    expect(held.statusCode).toBe(400);
    expect(held.json().fields[0].path).toBe('fromStock');
    const decided = await w.coord('POST', `/api/inventory/excursions/${excursion.id}/decision`, {
      decision: 'usable',
      note: 'Merck: stable',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await give(unit, lotId)).statusCode).toBe(201);
    const line = ((await w.coord('GET', `/api/inventory/units/${unit}/stock`)).json() as UnitStock).lines[0]!;
    expect([line.onHand, line.doNotUse]).toEqual([9, false]);
    const report = (await dph('GET', '/api/inventory/excursions?status=usable')).json();
    expect(report.excursions).toContainEqual(expect.objectContaining({ id: excursion.id, shipmentId: expect.any(String) }));
  });

  it('writes the lot off as spoiled (temperature) when the manufacturer says waste, and keeps the ledger whole', async () => {
    const { unit, lotId, excursion } = await acceptedWarm('Warm fridge B', 'WARM2');
    const decided = await w.coord('POST', `/api/inventory/excursions/${excursion.id}/decision`, { decision: 'wasted' });
    expect(decided.statusCode, decided.body).toBe(200);
    const ledger = (await w.coord('GET', `/api/inventory/units/${unit}/lots/${lotId}/ledger`)).json().entries;
    expect(ledger.at(-1)).toMatchObject({ kind: 'wasted', quantity: -10, reason: 'spoiled_temperature' });
    const line = ((await w.coord('GET', `/api/inventory/units/${unit}/stock`)).json() as UnitStock).lines.find((l) => l.lotId === lotId);
    expect(line?.onHand ?? 0).toBe(0);
    expect((await w.coord('GET', '/api/inventory/ledger-check')).json().mismatches).toEqual([]);
  });
});
