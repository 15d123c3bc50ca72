import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReturnView, UnitStock } from '@nutmeg/api-types';
import { inventoryWorld, VAQTA_NDC, type Call, type InventoryWorld } from './inventory.testing.ts';
import { moveStock } from './ledger.service.ts';
import { findOrCreateLot } from './stock.repo.ts';

describe('returns of expired or spoiled public vaccine', () => {
  let w: InventoryWorld;
  let dph: Call;
  let fridge = '';
  let expiredLot = '';
  let usableLot = '';
  beforeAll(async () => {
    w = await inventoryWorld('2026-12-07T15:00:00Z');
    fridge = await w.addUnit('Main refrigerator');
    dph = await w.as('dphadmin');
    await w.s.ctx.db.transaction().execute(async (trx) => {
      const lot = (lotNumber: string, expiration: string) =>
        findOrCreateLot(trx, {
          organization_id: w.clinicId,
          ndc: VAQTA_NDC,
          cvx: '83',
          mvx: 'MSD',
          trade_name: 'VAQTA',
          doses_per_package: 10,
          lot_number: lotNumber,
          expiration_date: expiration,
          funding_source: 'vfc',
        });
      expiredLot = (await lot('OLD1', '2026-11-30')).id;
      usableLot = (await lot('NEW1', '2027-11-30')).id;
      for (const id of [expiredLot, usableLot])
        await moveStock(trx, {
          organizationId: w.clinicId,
          lotId: id,
          storageUnitId: fridge,
          kind: 'received',
          quantity: 10,
          recordedBy: null,
          at: new Date('2026-06-01T15:00:00Z'),
        });
    });
  });
  afterAll(async () => {
    await w.s.shutdown();
  });

  const request = (lotId: string, doses: number) =>
    w.coord('POST', '/api/inventory/returns', { storageUnitId: fridge, lotId, doses, reason: 'expired' });

  it('refuses returning a usable lot or more than is on hand, naming the field', async () => {
    expect((await request(usableLot, 1)).json().fields[0].path).toBe('lotId');
    expect((await request(expiredLot, 11)).json().fields[0].path).toBe('doses');
  });

  it('takes the doses out only at DPH’s approval, and two approvals never return more than is on hand', async () => {
    const a = (await request(expiredLot, 6)).json() as ReturnView;
    const b = (await request(expiredLot, 6)).json() as ReturnView;
    expect(a).toMatchObject({ status: 'requested', authorization: null, doses: 6 });
    const [ra, rb] = await Promise.all([
      dph('POST', `/api/inventory/returns/${a.id}/approve`, { version: a.version }),
      dph('POST', `/api/inventory/returns/${b.id}/approve`, { version: b.version }),
    ]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([200, 409]);
    const stock = (await w.coord('GET', `/api/inventory/units/${fridge}/stock`)).json() as UnitStock;
    expect(stock.lines.find((l) => l.lotNumber === 'OLD1')?.onHand).toBe(4);
    const pending = ra.statusCode === 200 ? b : a;
    expect((await w.coord('GET', `/api/inventory/returns/${pending.id}/label.pdf`)).statusCode).toBe(409);
    const denied = await dph('POST', `/api/inventory/returns/${pending.id}/deny`, {
      version: pending.version,
      reason: 'Resubmit for 4 doses',
    });
    expect(denied.json()).toMatchObject({ status: 'denied', denialReason: 'Resubmit for 4 doses' });
  });

  it('prints the approved return’s packing list with its authorization, lot and doses', async () => {
    const list = (await w.coord('GET', '/api/inventory/returns')).json().returns as ReturnView[];
    const approved = list.find((r) => r.status === 'approved')!;
    expect(approved.authorization).toMatch(/^RA-[0-9A-F]{10}$/);
    const res = await w.coord('GET', `/api/inventory/returns/${approved.id}/label.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'return-')), 'label.pdf');
    fs.writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain(`Return authorization ${approved.authorization}`);
    expect(text).toContain('Elm City Pediatrics (PIN CT1001)');
    expect(text).toContain('Lot OLD1, expiration 2026-11-30');
    expect(text).toContain('Doses: 6');
    const ledger = await w.s.ctx.db
      .selectFrom('inventory_ledger')
      .select(['kind', 'quantity'])
      .where('reference_id', '=', approved.id)
      .execute();
    expect(ledger).toEqual([{ kind: 'returned', quantity: -6 }]);
  });
});
