// JSON shapes of inventory management (issue 12): stock lines, the coordinator's dashboard, receipts, the ledger,
// reconciliation, wastage, the dose form's lots and pulled doses. Orders, temperatures and reports have their files.

export type LotFunding = 'vfc' | '317' | 'state' | 'private';
export type StorageUnitKindName = 'refrigerator' | 'freezer' | 'ultra_cold';
export type ExpiryWindow = 'expired' | 30 | 60 | 90;

/** A lot in one storage unit, with what is on hand. */
export interface StockLineView {
  lotId: string;
  storageUnitId: string;
  storageUnitName: string;
  ndc: string;
  cvx: string;
  mvx: string | null;
  tradeName: string;
  dosesPerPackage: number;
  lotNumber: string;
  /** 'YYYY-MM-DD' (a month-only label expiry is stored as the month's last day). */
  expirationDate: string;
  fundingSource: LotFunding;
  onHand: number;
  /** Held after a temperature excursion until the manufacturer's decision is recorded. */
  doNotUse: boolean;
  /** Null when it expires more than 90 days from today. */
  expiryWindow: ExpiryWindow | null;
  /** Unexpired, not held, doses on hand: a dose may be given from it. */
  usable: boolean;
}

export interface InventoryUnitSummary {
  id: string;
  name: string;
  kind: StorageUnitKindName;
  active: boolean;
  lots: number;
  doses: number;
  /** The date of its latest reconciliation (count), or null when never counted. */
  lastReconciledOn: string | null;
}

/** Something the coordinator must do; `kind` says which screen resolves it. */
export interface InventoryTodo {
  kind: 'expired' | 'do_not_use' | 'reconcile' | 'pending_dose' | 'shipment' | 'transfer' | 'return' | 'order';
  message: string;
  storageUnitId?: string;
  /** The order whose page resolves it (a shipment to accept). */
  orderId?: string;
}

/** GET /api/inventory/dashboard */
export interface InventoryDashboard {
  clinic: { id: string; name: string };
  today: string;
  units: InventoryUnitSummary[];
  /** Lots with doses on hand by expiry window (expired ones first on the to-do list). */
  expiring: { expired: StockLineView[]; within30: StockLineView[]; within60: StockLineView[]; within90: StockLineView[] };
  todo: InventoryTodo[];
  /** True when the caller may change this clinic's stock (its coordinators; DPH reads). */
  canEdit: boolean;
}

/** GET /api/inventory/units/:unitId/stock */
export interface UnitStock {
  unit: InventoryUnitSummary;
  lines: StockLineView[];
}

/** POST /api/inventory/receipts → 201 */
export interface ReceiptResult {
  lotId: string;
  storageUnitId: string;
  onHand: number;
}

/** One row of a lot's ledger in a unit. */
export interface LedgerEntryView {
  id: string;
  kind: string;
  quantity: number;
  balanceAfter: number;
  reason: string | null;
  note: string | null;
  recordedAt: string;
}

/** GET /api/inventory/ledger-check: maintained balances that differ from their ledger (none when all is well). */
export interface LedgerCheck {
  checkedAt: string;
  mismatches: Array<{ lotId: string; storageUnitId: string; onHand: number; ledgerTotal: number }>;
}

/** POST /api/inventory/units/:unitId/reconciliations → 201 */
export interface ReconciliationResult {
  id: string;
  /** Ledger rows written (one per lot whose count differed). */
  differences: number;
}

export interface ReconciliationView {
  id: string;
  reconciledOn: string;
  reconciledAt: string;
  lines: Array<{
    lotId: string;
    lotNumber: string;
    tradeName: string;
    expected: number;
    counted: number;
    reason: string | null;
    note: string | null;
  }>;
}

/** POST /api/inventory/wastage → 201 */
export interface WastageResult {
  lotId: string;
  storageUnitId: string;
  onHand: number;
}

/** GET /api/immunizations/stock-lots: a usable lot the dose form offers for the chosen vaccine. */
export interface StockLotOption {
  lotId: string;
  storageUnitId: string;
  lotNumber: string;
  tradeName: string;
  ndc: string;
  mvx: string | null;
  expirationDate: string;
  fundingSource: LotFunding;
  /** What the dose record's funding source becomes. */
  doseFundingSource: 'public' | 'private';
  onHand: number;
  /** A dose already pulled from this lot for the patient (added but not administered): giving it moves no more stock. */
  pendingDoseId: string | null;
}

/** GET /api/inventory/clinics: one row per clinic (DPH: every active clinic). */
export interface ClinicStockSummary {
  id: string;
  name: string;
  publicDoses: number;
  privateDoses: number;
}

/** GET /api/inventory/pending-doses: a dose added but not administered. */
export interface PendingDoseView {
  id: string;
  patientId: string;
  lotId: string;
  storageUnitId: string;
  lotNumber: string;
  tradeName: string;
  createdAt: string;
}

/** POST /api/inventory/pending-doses/:id/resolve */
export interface PendingResolution {
  id: string;
  /** A given dose is resolved by recording it on the patient's record (the dose form offers the pull). */
  outcome: 'returned' | 'wasted';
}
