// SQL for lots, the ledger and the maintained balance (inventory_lots, inventory_ledger, inventory_stock).
// A movement changes the balance and appends its ledger row in the caller's transaction; the decrement is guarded
// in its WHERE clause, so two users taking the last dose are serialised on the row and one of them finds none.

import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database, InventoryLedgerTable, InventoryLotTable, LedgerKind } from '@nutmeg/db';

export type Db = Kysely<Database>;

/** The lot facts a movement of stock (a return, a transfer) is listed with, from its lot joined as `l`. */
export type LotFacts = {
  lot_number: string;
  trade_name: string;
  ndc: string;
  expiration_date: string;
  funding_source: 'vfc' | '317' | 'state' | 'private';
};
export const LOT_FACTS = ['l.lot_number', 'l.trade_name', 'l.ndc', 'l.expiration_date', 'l.funding_source'] as const;
export type LotRow = Selectable<InventoryLotTable>;
export type LedgerRow = Selectable<InventoryLedgerTable>;

/** The lot row of a physical lot in a clinic, created the first time it is received. */
export async function findOrCreateLot(db: Db, lot: Insertable<InventoryLotTable>): Promise<LotRow> {
  await db
    .insertInto('inventory_lots')
    .values(lot)
    .onConflict((oc) => oc.columns(['organization_id', 'ndc', 'lot_number', 'funding_source']).doNothing())
    .execute();
  return db
    .selectFrom('inventory_lots')
    .selectAll()
    .where('organization_id', '=', lot.organization_id)
    .where('ndc', '=', lot.ndc)
    .where('lot_number', '=', lot.lot_number)
    .where('funding_source', '=', lot.funding_source)
    .executeTakeFirstOrThrow();
}

export function lotById(db: Db, id: string): Promise<LotRow | undefined> {
  return db.selectFrom('inventory_lots').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface MovementRow {
  organizationId: string;
  lotId: string;
  storageUnitId: string;
  kind: LedgerKind;
  /** Signed: + into the unit, − out of it. */
  quantity: number;
  reason?: string | null;
  note?: string | null;
  doseId?: string | null;
  referenceKind?: string | null;
  referenceId?: string | null;
  recordedBy: string | null;
  at: Date;
}

/**
 * Moves doses and appends the ledger row; returns the balance after it, or null (nothing written) when a
 * decrement would take more than is on hand. Must run inside the caller's transaction.
 */
export async function applyMovement(db: Db, m: MovementRow): Promise<number | null> {
  let balance: number | undefined;
  if (m.quantity > 0) {
    const row = await db
      .insertInto('inventory_stock')
      .values({
        lot_id: m.lotId,
        storage_unit_id: m.storageUnitId,
        organization_id: m.organizationId,
        on_hand: m.quantity,
        updated_at: m.at,
      })
      .onConflict((oc) =>
        oc.columns(['lot_id', 'storage_unit_id']).doUpdateSet({ on_hand: sql`inventory_stock.on_hand + ${m.quantity}`, updated_at: m.at }),
      )
      .returning('on_hand')
      .executeTakeFirstOrThrow();
    balance = row.on_hand;
  } else {
    const row = await db
      .updateTable('inventory_stock')
      .set({ on_hand: sql`on_hand + ${m.quantity}`, updated_at: m.at })
      .where('lot_id', '=', m.lotId)
      .where('storage_unit_id', '=', m.storageUnitId)
      .where(sql<boolean>`on_hand + ${m.quantity} >= 0`)
      .returning('on_hand')
      .executeTakeFirst();
    if (!row) return null;
    balance = row.on_hand;
  }
  await db
    .insertInto('inventory_ledger')
    .values({
      organization_id: m.organizationId,
      lot_id: m.lotId,
      storage_unit_id: m.storageUnitId,
      kind: m.kind,
      quantity: m.quantity,
      balance_after: balance,
      reason: m.reason ?? null,
      note: m.note ?? null,
      dose_id: m.doseId ?? null,
      reference_kind: m.referenceKind ?? null,
      reference_id: m.referenceId ?? null,
      recorded_by: m.recordedBy,
      recorded_at: m.at,
    })
    .execute();
  return balance;
}

/** Balances that differ from the sum of their ledger (should be none); `organizationId` narrows the check. */
export async function balanceMismatches(db: Db, organizationId?: string) {
  let q = db
    .selectFrom('inventory_stock as s')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('inventory_ledger')
          .select(['lot_id', 'storage_unit_id', sql<number>`sum(quantity)::int`.as('total')])
          .groupBy(['lot_id', 'storage_unit_id'])
          .as('l'),
      (j) => j.onRef('l.lot_id', '=', 's.lot_id').onRef('l.storage_unit_id', '=', 's.storage_unit_id'),
    )
    .select(['s.lot_id', 's.storage_unit_id', 's.on_hand', sql<number>`coalesce(l.total, 0)`.as('ledger_total')])
    .where(sql<boolean>`s.on_hand <> coalesce(l.total, 0)`);
  if (organizationId) q = q.where('s.organization_id', '=', organizationId);
  return q.execute();
}

export interface StockLine {
  lot_id: string;
  storage_unit_id: string;
  organization_id: string;
  on_hand: number;
  do_not_use: boolean;
  ndc: string;
  cvx: string;
  mvx: string | null;
  trade_name: string;
  doses_per_package: number;
  lot_number: string;
  expiration_date: string;
  funding_source: LotRow['funding_source'];
}

function stockQuery(db: Db) {
  return db
    .selectFrom('inventory_stock as s')
    .innerJoin('inventory_lots as l', 'l.id', 's.lot_id')
    .select([
      's.lot_id',
      's.storage_unit_id',
      's.organization_id',
      's.on_hand',
      's.do_not_use',
      'l.ndc',
      'l.cvx',
      'l.mvx',
      'l.trade_name',
      'l.doses_per_package',
      'l.lot_number',
      'l.expiration_date',
      'l.funding_source',
    ]);
}

/** A clinic's stock lines (optionally of one unit, optionally only those with doses on hand), soonest expiry first. */
export function stockOf(db: Db, organizationId: string, opts: { unitId?: string; onHandOnly?: boolean } = {}): Promise<StockLine[]> {
  let q = stockQuery(db).where('s.organization_id', '=', organizationId);
  if (opts.unitId) q = q.where('s.storage_unit_id', '=', opts.unitId);
  if (opts.onHandOnly) q = q.where('s.on_hand', '>', 0);
  return q.orderBy('l.expiration_date').orderBy('l.trade_name').orderBy('l.lot_number').execute();
}

export function stockLine(db: Db, lotId: string, unitId: string): Promise<StockLine | undefined> {
  return stockQuery(db).where('s.lot_id', '=', lotId).where('s.storage_unit_id', '=', unitId).executeTakeFirst();
}

/** The ledger of one lot in one unit, oldest first. */
export function ledgerOf(db: Db, lotId: string, unitId: string): Promise<LedgerRow[]> {
  return db
    .selectFrom('inventory_ledger')
    .selectAll()
    .where('lot_id', '=', lotId)
    .where('storage_unit_id', '=', unitId)
    .orderBy('seq')
    .execute();
}

/**
 * A clinic's lots of these vaccines with doses on hand, not held, unexpired on `earliestDate` (soonest expiry
 * first); a caller asking for several dates narrows per dose.
 */
export function usableLotsOfVaccines(db: Db, organizationId: string, cvxs: readonly string[], earliestDate: string): Promise<StockLine[]> {
  if (cvxs.length === 0) return Promise.resolve([]);
  return stockQuery(db)
    .where('s.organization_id', '=', organizationId)
    .where('l.cvx', 'in', [...cvxs])
    .where('s.on_hand', '>', 0)
    .where('s.do_not_use', '=', false)
    .where('l.expiration_date', '>=', earliestDate)
    .orderBy('l.expiration_date')
    .orderBy('l.lot_number')
    .execute();
}

/** The stock a dose was given from, net of reversals: the lot, unit and doses still out for it (0 when put back). */
export async function stockTakenForDose(db: Db, doseId: string) {
  return db
    .selectFrom('inventory_ledger')
    .select(['lot_id', 'storage_unit_id', 'organization_id', sql<number>`(-sum(quantity))::int`.as('taken')])
    .where('dose_id', '=', doseId)
    .groupBy(['lot_id', 'storage_unit_id', 'organization_id'])
    .execute();
}

/** Doses on hand per clinic, public and private apart (DPH's statewide view). */
export function dosesByClinic(db: Db) {
  return db
    .selectFrom('inventory_stock as s')
    .innerJoin('inventory_lots as l', 'l.id', 's.lot_id')
    .select([
      's.organization_id',
      sql<number>`coalesce(sum(s.on_hand) FILTER (WHERE l.funding_source <> 'private'), 0)::int`.as('public_doses'),
      sql<number>`coalesce(sum(s.on_hand) FILTER (WHERE l.funding_source = 'private'), 0)::int`.as('private_doses'),
    ])
    .groupBy('s.organization_id')
    .execute();
}
