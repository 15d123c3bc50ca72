import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StockLotOption, UnitStock } from '@nutmeg/api-types';
import { inventoryWorld, VAQTA_NDC, type Call, type InventoryWorld } from './inventory.testing.ts';
import { findOrCreateLot } from './stock.repo.ts';
import { moveStock } from './ledger.service.ts';

describe('giving a dose from the clinic’s stock', () => {
  let w: InventoryWorld;
  let staff: Call;
  let fridge = '';
  let privateLot = '';
  let publicLot = '';
  let patientId = '';
  const onHand = async (lotId: string) =>
    ((await w.coord('GET', `/api/inventory/units/${fridge}/stock`)).json() as UnitStock).lines.find((l) => l.lotId === lotId)?.onHand;
  const dose = (fromLot: string, vfcEligibility: string, extra: object = {}) => ({
    kind: 'administered',
    cvx: '83',
    date: '2026-12-07',
    lot: 'typed',
    fundingSource: 'public',
    vfcEligibility,
    fromStock: { lotId: fromLot, storageUnitId: fridge },
    ...extra,
  });

  beforeAll(async () => {
    w = await inventoryWorld('2026-12-07T15:00:00Z');
    fridge = await w.addUnit('Dose fridge');
    const r = await w.coord('POST', '/api/inventory/receipts', {
      storageUnitId: fridge,
      ndc: VAQTA_NDC,
      lotNumber: 'PRIV1',
      expiration: '2027-09',
      doses: 3,
    });
    privateLot = r.json().lotId;
    // Public lots arrive by accepting a state shipment; here the ledger receives one directly.
    const db = w.s.ctx.db;
    const lot = await findOrCreateLot(db, {
      organization_id: w.clinicId,
      ndc: VAQTA_NDC,
      cvx: '83',
      mvx: 'MSD',
      trade_name: 'VAQTA',
      doses_per_package: 10,
      lot_number: 'PUB1',
      expiration_date: '2027-10-31',
      funding_source: 'vfc',
    });
    publicLot = lot.id;
    await db.transaction().execute((trx) =>
      moveStock(trx, {
        organizationId: w.clinicId,
        lotId: lot.id,
        storageUnitId: fridge,
        kind: 'received',
        quantity: 2,
        recordedBy: null,
        at: new Date(),
      }),
    );
    staff = await w.as('clinicstaff');
    const p = await staff('POST', '/api/patients', {
      name: { first: 'Ines', last: 'Stockwell' },
      dob: '2024-03-01',
      sex: 'F',
      confirmNew: true,
    });
    expect(p.statusCode, p.body).toBe(201);
    patientId = p.json().id;
  });
  afterAll(async () => {
    await w.s.shutdown();
  });

  it('offers the clinic’s usable lots of the chosen vaccine to whoever records doses, and nothing of another vaccine', async () => {
    const lots = (await staff('GET', '/api/immunizations/stock-lots?cvx=83')).json().lots as StockLotOption[];
    expect(lots.map((l) => [l.lotNumber, l.fundingSource, l.onHand])).toEqual([
      ['PRIV1', 'private', 3],
      ['PUB1', 'vfc', 2],
    ]);
    expect((await staff('GET', '/api/immunizations/stock-lots?cvx=20')).json().lots).toEqual([]);
    // The clinic's staff see these lots on the dose form but no inventory screen.
    expect((await staff('GET', '/api/inventory/dashboard')).statusCode).toBe(403);
  });

  it('refuses public stock for a V01 patient and private stock for a VFC-eligible one, naming the field, taking nothing', async () => {
    const pub = await staff('POST', `/api/patients/${patientId}/doses`, dose(publicLot, 'V01'));
    expect(pub.statusCode).toBe(400);
    expect(pub.json().fields[0].path).toBe('vfcEligibility');
    const priv = await staff('POST', `/api/patients/${patientId}/doses`, dose(privateLot, 'V02'));
    expect(priv.statusCode).toBe(400);
    expect(await onHand(publicLot)).toBe(2);
    expect(await onHand(privateLot)).toBe(3);
    const doses = await w.s.ctx.db.selectFrom('doses').select('id').where('patient_id', '=', patientId).execute();
    expect(doses).toEqual([]);
  });

  it('decrements the lot in the dose’s transaction and records the lot’s own facts on the dose', async () => {
    const res = await staff('POST', `/api/patients/${patientId}/doses`, dose(publicLot, 'V04'));
    expect(res.statusCode, res.body).toBe(201);
    expect(await onHand(publicLot)).toBe(1);
    const row = await w.s.ctx.db.selectFrom('doses').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect([row.lot, row.lot_expiration, row.ndc, row.funding_source]).toEqual(['PUB1', '2027-10-31', VAQTA_NDC, 'public']);
  });

  it('puts the dose back when it is corrected to another lot or deleted', async () => {
    const res = await staff('POST', `/api/patients/${patientId}/doses`, dose(privateLot, 'V01', { date: '2026-12-01' }));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    expect(await onHand(privateLot)).toBe(2);
    const unchanged = await staff('PUT', `/api/patients/${patientId}/doses/${id}`, {
      dose: dose(privateLot, 'V01', { date: '2026-12-01', site: 'LA' }),
      reason: 'site added',
    });
    expect(unchanged.statusCode, unchanged.body).toBe(200);
    expect(await onHand(privateLot)).toBe(2);
    const moved = await staff('PUT', `/api/patients/${patientId}/doses/${id}`, {
      dose: dose(publicLot, 'V04', { date: '2026-12-01' }),
      reason: 'wrong lot picked',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect([await onHand(privateLot), await onHand(publicLot)]).toEqual([3, 0]);
    const deleted = await staff('DELETE', `/api/patients/${patientId}/doses/${id}?reason=entered%20in%20error`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(await onHand(publicLot)).toBe(1);
    const ledger = (await w.coord('GET', `/api/inventory/units/${fridge}/lots/${publicLot}/ledger`)).json().entries;
    expect(ledger.map((e: { kind: string; quantity: number }) => `${e.kind} ${e.quantity}`)).toEqual([
      'received 2',
      'administered -1',
      'administered -1',
      'administration_reversed 1',
    ]);
  });

  it('never oversells the last dose to two people recording at once', async () => {
    const p2 = await staff('POST', '/api/patients', {
      name: { first: 'Omar', last: 'Lastdose' },
      dob: '2023-05-01',
      sex: 'M',
      confirmNew: true,
    });
    const ids = [patientId, p2.json().id as string];
    const results = await Promise.all(
      ids.map((pid) => staff('POST', `/api/patients/${pid}/doses`, dose(publicLot, 'V02', { date: '2026-12-06' }))),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await onHand(publicLot)).toBe(0);
    expect((await w.coord('GET', '/api/inventory/ledger-check')).json().mismatches).toEqual([]);
  });
});
