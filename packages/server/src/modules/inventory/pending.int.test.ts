import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventoryDashboard, UnitStock } from '@nutmeg/api-types';
import { inventoryWorld, VAQTA_NDC, type InventoryWorld } from './inventory.testing.ts';

describe('doses added but not administered', () => {
  let w: InventoryWorld;
  let fridge = '';
  let lotId = '';
  let patientId = '';
  const onHand = async () => ((await w.coord('GET', `/api/inventory/units/${fridge}/stock`)).json() as UnitStock).lines[0]!.onHand;
  const reconcile = (expected: number) =>
    w.coord('POST', `/api/inventory/units/${fridge}/reconciliations`, { counts: [{ lotId, expected, counted: expected }] });
  beforeAll(async () => {
    w = await inventoryWorld('2026-12-07T15:00:00Z');
    fridge = await w.addUnit('Pending fridge');
    lotId = (
      await w.coord('POST', '/api/inventory/receipts', {
        storageUnitId: fridge,
        ndc: VAQTA_NDC,
        lotNumber: 'PND1',
        expiration: '2027-09',
        doses: 5,
      })
    ).json().lotId;
    const p = await w.coord('POST', '/api/patients', {
      name: { first: 'Pia', last: 'Pending' },
      dob: '2024-02-02',
      sex: 'F',
      confirmNew: true,
    });
    expect(p.statusCode, p.body).toBe(201);
    patientId = p.json().id;
  });
  afterAll(async () => {
    await w.s.shutdown();
  });

  it('takes the dose out of stock, lists it, and blocks the unit’s reconciliation with the reason', async () => {
    const pulled = await w.coord('POST', '/api/inventory/pending-doses', { patientId, lotId, storageUnitId: fridge });
    expect(pulled.statusCode, pulled.body).toBe(201);
    expect(await onHand()).toBe(4);
    const queue = (await w.coord('GET', '/api/inventory/pending-doses')).json().pending;
    expect(queue).toEqual([expect.objectContaining({ patientId, lotNumber: 'PND1' })]);
    const refused = await reconcile(4);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().step).toBe('pending');
    expect(refused.json().blockers[0].message).toMatch(/added but not administered/);
    const d = (await w.coord('GET', '/api/inventory/dashboard')).json() as InventoryDashboard;
    expect(d.todo.map((t) => t.kind)).toContain('pending_dose');
  });

  it('resolves once: back to stock puts the dose back, a second resolution is refused, and the unit can be reconciled', async () => {
    const id = (await w.coord('GET', '/api/inventory/pending-doses')).json().pending[0].id as string;
    const back = await w.coord('POST', `/api/inventory/pending-doses/${id}/resolve`, { outcome: 'returned' });
    expect(back.statusCode, back.body).toBe(200);
    expect(await onHand()).toBe(5);
    expect((await w.coord('POST', `/api/inventory/pending-doses/${id}/resolve`, { outcome: 'wasted', reason: 'lost' })).statusCode).toBe(
      409,
    );
    expect(await onHand()).toBe(5);
    expect((await reconcile(5)).statusCode).toBe(201);
  });

  it('writes a wasted pull off as drawn-not-administered wastage, and keeps the ledger whole', async () => {
    const pulled = (await w.coord('POST', '/api/inventory/pending-doses', { patientId, lotId, storageUnitId: fridge })).json();
    const noReason = await w.coord('POST', `/api/inventory/pending-doses/${pulled.id}/resolve`, { outcome: 'wasted' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0].path).toBe('reason');
    const wasted = await w.coord('POST', `/api/inventory/pending-doses/${pulled.id}/resolve`, {
      outcome: 'wasted',
      reason: 'drawn_not_administered',
      note: 'patient left',
    });
    expect(wasted.statusCode, wasted.body).toBe(200);
    expect(await onHand()).toBe(4);
    const ledger = (await w.coord('GET', `/api/inventory/units/${fridge}/lots/${lotId}/ledger`)).json().entries;
    expect(ledger.at(-1)).toMatchObject({ kind: 'wasted', quantity: -1, reason: 'drawn_not_administered', note: 'patient left' });
    expect((await w.coord('GET', '/api/inventory/ledger-check')).json().mismatches).toEqual([]);
  });

  it('refuses a pull for a patient the clinic cannot write to, and is refused to other access types', async () => {
    const res = await w.coord('POST', '/api/inventory/pending-doses', {
      patientId: '00000000-0000-4000-8000-000000000000',
      lotId,
      storageUnitId: fridge,
    });
    expect(res.statusCode).toBe(404);
    const staff = await w.as('clinicstaff');
    expect((await staff('GET', '/api/inventory/pending-doses')).statusCode).toBe(403);
    expect(await onHand()).toBe(4);
  });

  it('gives the pulled dose from the patient record: recorded with the lot, the pull resolved, no second dose out', async () => {
    const pulled = (await w.coord('POST', '/api/inventory/pending-doses', { patientId, lotId, storageUnitId: fridge })).json();
    const before = await onHand();
    const lots = (await w.coord('GET', `/api/immunizations/stock-lots?cvx=83&date=2026-12-07&patientId=${patientId}`)).json().lots;
    expect(lots[0]).toMatchObject({ lotId, pendingDoseId: pulled.id, lotNumber: 'PND1' });
    expect((await w.coord('POST', `/api/inventory/pending-doses/${pulled.id}/resolve`, { outcome: 'administered' })).statusCode).toBe(400);
    const give = (id: string) =>
      w.coord('POST', `/api/patients/${patientId}/doses`, {
        kind: 'administered',
        cvx: '83',
        date: '2026-12-07',
        lot: 'typed',
        fundingSource: 'private',
        vfcEligibility: 'V01',
        fromStock: { lotId, storageUnitId: fridge, pendingDoseId: id },
      });
    const [a, b] = await Promise.all([give(pulled.id), give(pulled.id)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const doseId = (a.statusCode === 201 ? a : b).json().id as string;
    expect(await onHand()).toBe(before);
    const dose = await w.s.ctx.db.selectFrom('doses').selectAll().where('id', '=', doseId).executeTakeFirstOrThrow();
    expect(dose.lot).toBe('PND1');
    expect((await w.coord('GET', '/api/inventory/pending-doses')).json().pending).toEqual([]);
    const audit = await w.s.ctx.db
      .selectFrom('audit_log')
      .select(['patient_id'])
      .where('action', '=', 'inventory.pending.give')
      .where('entity_id', '=', pulled.id)
      .execute();
    expect(audit).toEqual([{ patient_id: patientId }]);
    expect((await w.coord('GET', '/api/inventory/ledger-check')).json().mismatches).toEqual([]);
    // Deleting the dose puts its dose back like any dose given from stock.
    const del = await w.coord('DELETE', `/api/patients/${patientId}/doses/${doseId}?reason=entered%20in%20error`);
    expect(del.statusCode, del.body).toBeLessThan(300);
    expect(await onHand()).toBe(before + 1);
  });

  it('does not offer a pull the dose form would refuse: its lot held do-not-use, or expired on the dose date', async () => {
    const pulled = (await w.coord('POST', '/api/inventory/pending-doses', { patientId, lotId, storageUnitId: fridge })).json();
    const offered = async (date: string) =>
      (await w.coord('GET', `/api/immunizations/stock-lots?cvx=83&date=${date}&patientId=${patientId}`))
        .json()
        .lots.some((l: { pendingDoseId: string | null }) => l.pendingDoseId === pulled.id);
    expect(await offered('2026-12-07')).toBe(true);
    const hold = (on: boolean) =>
      w.s.ctx.db
        .updateTable('inventory_stock')
        .set({ do_not_use: on })
        .where('lot_id', '=', lotId)
        .where('storage_unit_id', '=', fridge)
        .execute();
    await hold(true);
    expect(await offered('2026-12-07')).toBe(false);
    await hold(false);
    const { expiration_date } = await w.s.ctx.db
      .selectFrom('inventory_lots')
      .select('expiration_date')
      .where('id', '=', lotId)
      .executeTakeFirstOrThrow();
    const dayAfter = new Date(Date.parse(`${expiration_date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(await offered(dayAfter)).toBe(false);
    expect((await w.coord('POST', `/api/inventory/pending-doses/${pulled.id}/resolve`, { outcome: 'returned' })).statusCode).toBeLessThan(
      300,
    );
  });
});
