import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransferList, TransferView, UnitStock } from '@nutmeg/api-types';
import { inventoryWorld, VAQTA_NDC, type Call, type InventoryWorld } from './inventory.testing.ts';
import { moveStock } from './ledger.service.ts';
import { findOrCreateLot } from './stock.repo.ts';

describe('transfers between clinics', () => {
  let w: InventoryWorld;
  let dph: Call;
  let hartford: Call;
  let hartfordId = '';
  let fridge = '';
  let hartfordFridge = '';
  let privateLot = '';
  let publicLot = '';
  beforeAll(async () => {
    w = await inventoryWorld('2026-12-07T15:00:00Z');
    fridge = await w.addUnit('Main refrigerator');
    dph = await w.as('dphadmin');
    // The demo coordinator also coordinates Hartford CHC (CT1002): a second session acting for it.
    hartfordId = (await w.s.ctx.db.selectFrom('organizations').select('id').where('pin', '=', 'CT1002').executeTakeFirstOrThrow()).id;
    hartford = await w.as('coordinator');
    const me = (await hartford('GET', '/api/me')).json() as { memberships: Array<{ id: string; organizationId: string }> };
    const membership = me.memberships.find((m) => m.organizationId === hartfordId)!;
    expect((await hartford('PUT', '/api/session/scope', { membershipId: membership.id })).statusCode).toBe(200);
    hartfordFridge = (await hartford('POST', '/api/clinic/storage-units', { name: 'Hartford fridge', kind: 'refrigerator' })).json().id;
    const received = await w.coord('POST', '/api/inventory/receipts', {
      storageUnitId: fridge,
      ndc: VAQTA_NDC,
      lotNumber: 'PRIV1',
      expiration: '2027-06',
      doses: 10,
    });
    privateLot = received.json().lotId;
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
      publicLot = lot.id;
      await moveStock(trx, {
        organizationId: w.clinicId,
        lotId: lot.id,
        storageUnitId: fridge,
        kind: 'received',
        quantity: 10,
        recordedBy: null,
        at: new Date(),
      });
    });
  });
  afterAll(async () => {
    await w.s.shutdown();
  });

  const request = (call: Call, lotId: string, doses: number, to = hartfordId) =>
    call('POST', '/api/inventory/transfers', { fromStorageUnitId: fridge, lotId, toOrganizationId: to, doses });
  const onHand = async (call: Call, unit: string, lotNumber: string) =>
    ((await call('GET', `/api/inventory/units/${unit}/stock`)).json() as UnitStock).lines.find((l) => l.lotNumber === lotNumber)?.onHand;

  it('sends private doses into transit at once; two requests together never send more than is on hand', async () => {
    const backup = await w.as('backup');
    const [a, b] = await Promise.all([request(w.coord, privateLot, 6), request(backup, privateLot, 6)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const sent = (a.statusCode === 201 ? a : b).json() as TransferView;
    expect(sent).toMatchObject({
      status: 'in_transit',
      doses: 6,
      from: { id: w.clinicId },
      to: { id: hartfordId, name: 'Hartford Community Health Center' },
    });
    expect(await onHand(w.coord, fridge, 'PRIV1')).toBe(4);
    expect((await request(w.coord, privateLot, 5)).statusCode).toBe(409);
    expect((await request(w.coord, privateLot, 1, w.clinicId)).json().fields[0].path).toBe('toOrganizationId');
  });

  it('lets only the receiver accept, once, into its unit: the doses are on its hand as its own lot', async () => {
    const list = (await hartford('GET', '/api/inventory/transfers')).json() as TransferList;
    const t = list.transfers.find((x) => x.lotNumber === 'PRIV1')!;
    expect(t.canAccept).toBe(true);
    expect((await w.coord('POST', `/api/inventory/transfers/${t.id}/accept`, { storageUnitId: fridge })).statusCode).toBe(404);
    const [a, b] = await Promise.all([
      hartford('POST', `/api/inventory/transfers/${t.id}/accept`, { storageUnitId: hartfordFridge }),
      hartford('POST', `/api/inventory/transfers/${t.id}/accept`, { storageUnitId: hartfordFridge }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(await onHand(hartford, hartfordFridge, 'PRIV1')).toBe(6);
    expect((await hartford('GET', '/api/inventory/ledger-check')).json().mismatches).toEqual([]);
  });

  it('holds public doses with DPH: a denial puts them back, an approval lets the receiver accept them', async () => {
    const first = (await request(w.coord, publicLot, 5)).json() as TransferView;
    expect(first.status).toBe('requested');
    expect(await onHand(w.coord, fridge, 'PUB1')).toBe(5);
    expect((await hartford('POST', `/api/inventory/transfers/${first.id}/accept`, { storageUnitId: hartfordFridge })).statusCode).toBe(409);
    expect((await w.coord('POST', `/api/inventory/transfers/${first.id}/approve`, { version: first.version })).statusCode).toBe(403);
    const denied = await dph('POST', `/api/inventory/transfers/${first.id}/deny`, {
      version: first.version,
      reason: 'Keep it for flu clinic',
    });
    expect(denied.json()).toMatchObject({ status: 'denied', denialReason: 'Keep it for flu clinic' });
    expect(await onHand(w.coord, fridge, 'PUB1')).toBe(10);

    const second = (await request(w.coord, publicLot, 4)).json() as TransferView;
    const approved = await dph('POST', `/api/inventory/transfers/${second.id}/approve`, { version: second.version });
    expect(approved.json().status).toBe('in_transit');
    expect((await dph('POST', `/api/inventory/transfers/${second.id}/approve`, { version: second.version })).statusCode).toBe(409);
    const accepted = await hartford('POST', `/api/inventory/transfers/${second.id}/accept`, { storageUnitId: hartfordFridge });
    expect(accepted.json().status).toBe('accepted');
    const hartfordStock = (await hartford('GET', `/api/inventory/units/${hartfordFridge}/stock`)).json() as UnitStock;
    expect(hartfordStock.lines.find((l) => l.lotNumber === 'PUB1')).toMatchObject({
      onHand: 4,
      fundingSource: 'vfc',
      expirationDate: '2027-06-30',
    });
    const kinds = await w.s.ctx.db
      .selectFrom('inventory_ledger')
      .select(['kind', 'quantity'])
      .where('reference_id', '=', second.id)
      .orderBy('seq')
      .execute();
    expect(kinds).toEqual([
      { kind: 'transferred_out', quantity: -4 },
      { kind: 'transferred_in', quantity: 4 },
    ]);
  });
});
