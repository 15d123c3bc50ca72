import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../testing/test-server.ts';
import { inventoryWorld } from './inventory.testing.ts';
import { moveStock, recomputeCheck } from './ledger.service.ts';
import * as repo from './stock.repo.ts';
import { AppError } from '../../errors.ts';

describe('the inventory ledger on PostgreSQL', () => {
  let s: TestServer;
  let orgId = '';
  let userId = '';
  let unitId = '';
  beforeAll(async () => {
    const w = await inventoryWorld();
    s = w.s;
    orgId = w.clinicId;
    unitId = await w.addUnit('Race refrigerator');
    userId = (await s.ctx.db.selectFrom('users').select('id').where('username', '=', 'coordinator').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await s.shutdown();
  });

  async function newLot(lotNumber: string, doses: number) {
    const lot = await repo.findOrCreateLot(s.ctx.db, {
      organization_id: orgId,
      ndc: '49281-0545-03',
      cvx: '48',
      mvx: 'PMC',
      trade_name: 'ActHIB',
      doses_per_package: 10,
      lot_number: lotNumber,
      expiration_date: '2027-06-30',
      funding_source: 'vfc',
    });
    await s.ctx.db.transaction().execute((trx) =>
      moveStock(trx, {
        organizationId: orgId,
        lotId: lot.id,
        storageUnitId: unitId,
        kind: 'received',
        quantity: doses,
        recordedBy: userId,
        at: new Date(),
      }),
    );
    return lot.id;
  }

  it('lets exactly 10 of 50 parallel single-dose decrements of a 10-dose lot through, leaving 0 on hand', async () => {
    const lotId = await newLot('RACE-1', 10);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        s.ctx.db.transaction().execute((trx) =>
          moveStock(trx, {
            organizationId: orgId,
            lotId,
            storageUnitId: unitId,
            kind: 'administered',
            quantity: -1,
            recordedBy: userId,
            at: new Date(),
          }),
        ),
      ),
    );
    const ok = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const r of refused) expect(((r as PromiseRejectedResult).reason as AppError).kind).toBe('conflict');
    expect((await repo.stockLine(s.ctx.db, lotId, unitId))?.on_hand).toBe(0);
    const ledger = await repo.ledgerOf(s.ctx.db, lotId, unitId);
    expect(ledger.filter((r) => r.kind === 'administered')).toHaveLength(10);
    expect(ledger.reduce((a, r) => a + r.quantity, 0)).toBe(0);
    expect(await recomputeCheck(s.ctx.db, orgId)).toEqual([]);
  });

  it('refuses a decrement larger than the balance and writes no ledger row', async () => {
    const lotId = await newLot('BIG-1', 3);
    await expect(
      s.ctx.db.transaction().execute((trx) =>
        moveStock(trx, {
          organizationId: orgId,
          lotId,
          storageUnitId: unitId,
          kind: 'wasted',
          reason: 'broken',
          quantity: -4,
          recordedBy: userId,
          at: new Date(),
        }),
      ),
    ).rejects.toMatchObject({ kind: 'conflict' });
    expect((await repo.ledgerOf(s.ctx.db, lotId, unitId)).map((r) => r.quantity)).toEqual([3]);
  });

  it('keeps the ledger append-only: an UPDATE or DELETE of a row is refused by the database', async () => {
    const lotId = await newLot('RO-1', 2);
    await expect(sql`UPDATE inventory_ledger SET quantity = 99 WHERE lot_id = ${lotId}`.execute(s.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM inventory_ledger WHERE lot_id = ${lotId}`.execute(s.ctx.db)).rejects.toThrow(/append-only/);
  });

  it('finds a balance that no longer matches its ledger', async () => {
    const lotId = await newLot('DRIFT-1', 5);
    await sql`UPDATE inventory_stock SET on_hand = 7 WHERE lot_id = ${lotId}`.execute(s.ctx.db);
    expect(await recomputeCheck(s.ctx.db, orgId)).toEqual([{ lotId, storageUnitId: unitId, onHand: 7, ledgerTotal: 5 }]);
    await sql`UPDATE inventory_stock SET on_hand = 5 WHERE lot_id = ${lotId}`.execute(s.ctx.db);
  });
});
