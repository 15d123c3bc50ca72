// Stock rows → the API's shapes (every field that leaves the server is listed here).
import type { InventoryUnitSummary, LedgerEntryView, StockLineView } from '@nutmeg/api-types';
import type { StorageUnit } from '../clinics/index.ts';
import { expiryWindow, isUsable } from './ledger.ts';
import type { LedgerRow, StockLine } from './stock.repo.ts';

export function presentStockLine(l: StockLine, unitName: string, today: string): StockLineView {
  return {
    lotId: l.lot_id,
    storageUnitId: l.storage_unit_id,
    storageUnitName: unitName,
    ndc: l.ndc,
    cvx: l.cvx,
    mvx: l.mvx,
    tradeName: l.trade_name,
    dosesPerPackage: l.doses_per_package,
    lotNumber: l.lot_number,
    expirationDate: l.expiration_date,
    fundingSource: l.funding_source,
    onHand: l.on_hand,
    doNotUse: l.do_not_use,
    expiryWindow: expiryWindow(l.expiration_date, today),
    usable: isUsable({ expirationDate: l.expiration_date, doNotUse: l.do_not_use, onHand: l.on_hand }, today),
  };
}

export function presentUnitSummary(u: StorageUnit, lines: readonly StockLine[], lastReconciledOn: string | null): InventoryUnitSummary {
  const mine = lines.filter((l) => l.storage_unit_id === u.id && l.on_hand > 0);
  return {
    id: u.id,
    name: u.name,
    kind: u.kind,
    active: u.active,
    lots: mine.length,
    doses: mine.reduce((a, l) => a + l.on_hand, 0),
    lastReconciledOn,
  };
}

export function presentLedgerEntry(r: LedgerRow): LedgerEntryView {
  return {
    id: r.id,
    kind: r.kind,
    quantity: r.quantity,
    balanceAfter: r.balance_after,
    reason: r.reason,
    note: r.note,
    recordedAt: r.recorded_at.toISOString(),
  };
}
