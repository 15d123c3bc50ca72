import type { Generated } from 'kysely';
import type { DateString, NullableTimestamp, Timestamp } from './columns.ts';

// Owned by modules/inventory: lots, the append-only ledger and the balance it maintains per lot × storage unit.
// Mirrors migrations/20261208110000_inventory_ledger.sql and later inventory migrations.

export type LotFunding = 'vfc' | '317' | 'state' | 'private';
export type LedgerKind =
  | 'received'
  | 'administered'
  | 'administration_reversed'
  | 'transferred_out'
  | 'transferred_in'
  | 'wasted'
  | 'returned'
  | 'adjusted'
  | 'counted';

export interface InventoryLotTable {
  id: Generated<string>;
  organization_id: string;
  ndc: string;
  cvx: string;
  mvx: string | null;
  trade_name: string;
  doses_per_package: number;
  lot_number: string;
  expiration_date: DateString;
  funding_source: LotFunding;
  created_at: Timestamp;
}

export interface InventoryStockTable {
  lot_id: string;
  storage_unit_id: string;
  organization_id: string;
  on_hand: number;
  do_not_use: Generated<boolean>;
  updated_at: Timestamp;
}

export interface InventoryLedgerTable {
  seq: Generated<number>;
  id: Generated<string>;
  organization_id: string;
  lot_id: string;
  storage_unit_id: string;
  kind: LedgerKind;
  quantity: number;
  balance_after: number;
  reason: string | null;
  note: string | null;
  dose_id: string | null;
  reference_kind: string | null;
  reference_id: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface InventoryReconciliationTable {
  id: Generated<string>;
  organization_id: string;
  storage_unit_id: string;
  reconciled_by: string | null;
  reconciled_at: Timestamp;
  reconciled_on: DateString;
}

export interface InventoryReconciliationLineTable {
  reconciliation_id: string;
  lot_id: string;
  expected: number;
  counted: number;
  reason: string | null;
  note: string | null;
}

export type PendingDoseStatus = 'pending' | 'administered' | 'returned' | 'wasted';

export interface InventoryPendingDoseTable {
  id: Generated<string>;
  organization_id: string;
  lot_id: string;
  storage_unit_id: string;
  patient_id: string;
  status: Generated<PendingDoseStatus>;
  dose_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  resolved_by: string | null;
  resolved_at: NullableTimestamp;
  resolution_reason: string | null;
}

export interface InventoryOrderSetItemTable {
  organization_id: string;
  ndc: string;
  cvx: string;
  trade_name: string;
  doses_per_package: number;
  added_by: string | null;
  added_at: Timestamp;
}

export type OrderStatus = 'submitted' | 'approved' | 'denied' | 'shipped' | 'received';
export type PublicFunding = 'vfc' | '317' | 'state';

export interface InventoryOrderTable {
  id: Generated<string>;
  organization_id: string;
  funding_source: Generated<PublicFunding>;
  status: Generated<OrderStatus>;
  version: Generated<number>;
  placed_by: string | null;
  placed_at: Timestamp;
  placed_on: DateString;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  denial_reason: string | null;
}

export interface InventoryOrderLineTable {
  order_id: string;
  ndc: string;
  cvx: string;
  trade_name: string;
  doses_per_package: number;
  on_hand: number;
  administered_30: number;
  administered_90: number;
  suggested_doses: number;
  requested_doses: number;
  approved_doses: number | null;
}

export type ShipmentStatus = 'in_transit' | 'accepted';
export type ShipmentDiscrepancy = 'short' | 'damaged' | 'warm';

export interface InventoryShipmentTable {
  id: Generated<string>;
  order_id: string;
  organization_id: string;
  packing_slip: string;
  source: 'dph' | 'import';
  status: Generated<ShipmentStatus>;
  recorded_by: string | null;
  recorded_at: Timestamp;
  storage_unit_id: string | null;
  accepted_by: string | null;
  accepted_at: NullableTimestamp;
}

export interface InventoryShipmentLineTable {
  id: Generated<string>;
  shipment_id: string;
  ndc: string;
  cvx: string;
  mvx: string | null;
  trade_name: string;
  doses_per_package: number;
  lot_number: string;
  expiration_date: DateString;
  doses: number;
  received_doses: number | null;
  discrepancy: ShipmentDiscrepancy | null;
  discrepancy_note: string | null;
  lot_id: string | null;
}

export type TransferStatus = 'requested' | 'in_transit' | 'accepted' | 'denied';

export interface InventoryTransferTable {
  id: Generated<string>;
  from_organization_id: string;
  from_storage_unit_id: string;
  lot_id: string;
  to_organization_id: string;
  doses: number;
  note: string | null;
  status: TransferStatus;
  version: Generated<number>;
  requested_by: string | null;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  denial_reason: string | null;
  to_storage_unit_id: string | null;
  to_lot_id: string | null;
  accepted_by: string | null;
  accepted_at: NullableTimestamp;
}

export type ReturnStatus = 'requested' | 'approved' | 'denied';

export interface InventoryReturnTable {
  id: Generated<string>;
  organization_id: string;
  storage_unit_id: string;
  lot_id: string;
  doses: number;
  reason: 'expired' | 'spoiled';
  note: string | null;
  status: Generated<ReturnStatus>;
  version: Generated<number>;
  requested_by: string | null;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  denial_reason: string | null;
}

export interface InventoryTemperatureReadingTable {
  id: Generated<string>;
  organization_id: string;
  storage_unit_id: string;
  read_at: Timestamp;
  /** numeric(5,1): pg returns it as a string. */
  current_c: string | number;
  min_c: string | number | null;
  max_c: string | number | null;
  source: 'manual' | 'logger';
  out_of_range: boolean;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export type ExcursionStatus = 'open' | 'usable' | 'wasted';

export interface InventoryExcursionTable {
  id: Generated<string>;
  organization_id: string;
  storage_unit_id: string;
  first_read_at: Timestamp;
  /** Null for a warm shipment (no reading of its own). */
  worst_c: string | number | null;
  /** The shipment accepted warm that opened it; null for one found by the unit's readings. */
  shipment_id: Generated<string | null>;
  status: Generated<ExcursionStatus>;
  detected_at: Timestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_note: string | null;
}

export interface InventoryExcursionLotTable {
  excursion_id: string;
  lot_id: string;
}

export interface InventoryTables {
  inventory_lots: InventoryLotTable;
  inventory_stock: InventoryStockTable;
  inventory_ledger: InventoryLedgerTable;
  inventory_reconciliations: InventoryReconciliationTable;
  inventory_reconciliation_lines: InventoryReconciliationLineTable;
  inventory_pending_doses: InventoryPendingDoseTable;
  inventory_order_set_items: InventoryOrderSetItemTable;
  inventory_orders: InventoryOrderTable;
  inventory_order_lines: InventoryOrderLineTable;
  inventory_shipments: InventoryShipmentTable;
  inventory_shipment_lines: InventoryShipmentLineTable;
  inventory_transfers: InventoryTransferTable;
  inventory_returns: InventoryReturnTable;
  inventory_temperature_readings: InventoryTemperatureReadingTable;
  inventory_excursions: InventoryExcursionTable;
  inventory_excursion_lots: InventoryExcursionLotTable;
}
