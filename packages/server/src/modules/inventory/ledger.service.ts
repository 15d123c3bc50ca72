// Moving doses: every change of stock goes through `moveStock`, which checks the movement's rules (ledger.ts),
// then changes the balance and appends the ledger row in the caller's transaction. A decrement that would
// oversell the lot is refused with a 409 and writes nothing.

import { conflict, invalid } from '../../errors.ts';
import { movementProblem } from './ledger.ts';
import * as repo from './stock.repo.ts';
import type { Db, MovementRow } from './stock.repo.ts';

/** Applies one movement inside `trx`; returns the balance after it. */
export async function moveStock(trx: Db, m: MovementRow): Promise<number> {
  const problem = movementProblem(m.kind, m.quantity, m.reason ?? null);
  if (problem) throw invalid(problem, [{ path: 'quantity', message: problem }]);
  const balance = await repo.applyMovement(trx, m);
  if (balance === null) {
    throw conflict(`Not enough doses on hand in this storage unit for ${-m.quantity} dose${m.quantity === -1 ? '' : 's'}`, {
      step: 'on_hand',
    });
  }
  return balance;
}

/** Lots × units whose maintained balance differs from the sum of their ledger rows (an empty list when all agree). */
export async function recomputeCheck(db: Db, organizationId?: string) {
  const rows = await repo.balanceMismatches(db, organizationId);
  return rows.map((r) => ({ lotId: r.lot_id, storageUnitId: r.storage_unit_id, onHand: r.on_hand, ledgerTotal: Number(r.ledger_total) }));
}
