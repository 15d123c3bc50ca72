// JSON shapes of inventory management (issue 12): stock lines, the coordinator's dashboard, receipts, the ledger.

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

/** A product in a clinic's order set (what it may order of public vaccine). */
export interface OrderSetItemView {
  ndc: string;
  cvx: string;
  tradeName: string;
  dosesPerPackage: number;
}

/** GET /api/inventory/order-set */
export interface OrderSetView {
  clinic: { id: string; name: string };
  items: OrderSetItemView[];
  canEdit: boolean;
}

/** A line of the order builder: the product with its usage and the suggested quantity. */
export interface OrderBuilderLine extends OrderSetItemView {
  onHand: number;
  administered30: number;
  administered90: number;
  suggestedDoses: number;
}

/** GET /api/inventory/orders/builder */
export interface OrderBuilder {
  clinic: { id: string; name: string };
  today: string;
  /** Why the clinic may not order today; empty when it may. */
  refusals: string[];
  /** The suggestion's rule, as shown to the coordinator. */
  suggestionRule: string;
  lines: OrderBuilderLine[];
}

export type OrderStatusName = 'submitted' | 'approved' | 'denied' | 'shipped' | 'received';

export interface OrderLineView extends OrderSetItemView {
  onHand: number;
  administered30: number;
  administered90: number;
  suggestedDoses: number;
  requestedDoses: number;
  /** Null until DPH approves (its edit of the quantity; 0 drops the line). */
  approvedDoses: number | null;
}

/** An order of public vaccine (list and detail). */
export interface OrderView {
  id: string;
  clinic: { id: string; name: string };
  fundingSource: LotFunding;
  status: OrderStatusName;
  version: number;
  placedOn: string;
  placedAt: string;
  decidedAt: string | null;
  denialReason: string | null;
  lines: OrderLineView[];
  /** The caller may approve, edit or deny it (DPH's vaccine program, while submitted). */
  canDecide: boolean;
  /** The shipment recorded against it (one per order), once DPH records it. */
  shipment: ShipmentView | null;
  /** The caller may record its shipment (DPH's vaccine program, once approved). */
  canRecordShipment: boolean;
}

export type ShipmentDiscrepancyName = 'short' | 'damaged' | 'warm';

export interface ShipmentLineView {
  id: string;
  ndc: string;
  tradeName: string;
  lotNumber: string;
  expirationDate: string;
  doses: number;
  /** Null until accepted. */
  receivedDoses: number | null;
  discrepancy: ShipmentDiscrepancyName | null;
  discrepancyNote: string | null;
}

export interface ShipmentView {
  id: string;
  orderId: string;
  packingSlip: string;
  source: 'dph' | 'import';
  /** in_transit: on no clinic's hand until accepted. */
  status: 'in_transit' | 'accepted';
  recordedAt: string;
  acceptedAt: string | null;
  storageUnitId: string | null;
  lines: ShipmentLineView[];
  /** The caller may accept it (the clinic's coordinators, while in transit). */
  canAccept: boolean;
}

/** GET /api/inventory/orders */
export interface OrderList {
  orders: OrderView[];
}

export type TransferStatusName = 'requested' | 'in_transit' | 'accepted' | 'denied';

/** A transfer of doses between clinics. */
export interface TransferView {
  id: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
  lotNumber: string;
  tradeName: string;
  ndc: string;
  expirationDate: string;
  fundingSource: LotFunding;
  doses: number;
  note: string | null;
  status: TransferStatusName;
  version: number;
  requestedAt: string;
  decidedAt: string | null;
  denialReason: string | null;
  acceptedAt: string | null;
  /** DPH's vaccine program, while a public transfer waits. */
  canDecide: boolean;
  /** The receiving clinic's coordinators, while in transit. */
  canAccept: boolean;
}

/** GET /api/inventory/transfers */
export interface TransferList {
  transfers: TransferView[];
  /** Clinics a coordinator may send doses to (empty for DPH). */
  destinations: Array<{ id: string; name: string }>;
}

export type ReturnStatusName = 'requested' | 'approved' | 'denied';

/** A return of expired or spoiled public vaccine. */
export interface ReturnView {
  id: string;
  /** The return authorization printed on the label (approved returns). */
  authorization: string | null;
  clinic: { id: string; name: string };
  storageUnitId: string;
  lotNumber: string;
  tradeName: string;
  ndc: string;
  expirationDate: string;
  fundingSource: LotFunding;
  doses: number;
  reason: 'expired' | 'spoiled';
  note: string | null;
  status: ReturnStatusName;
  version: number;
  requestedAt: string;
  decidedAt: string | null;
  denialReason: string | null;
  canDecide: boolean;
}

/** GET /api/inventory/returns */
export interface ReturnList {
  returns: ReturnView[];
}

export interface TemperatureReadingView {
  id: string;
  readAt: string;
  currentC: number;
  minC: number | null;
  maxC: number | null;
  source: 'manual' | 'logger';
  outOfRange: boolean;
}

export interface ExcursionView {
  id: string;
  clinic: { id: string; name: string };
  storageUnitId: string;
  unitName: string;
  /** A warm shipment's excursion (accepted warm): the shipment; null for one found by the unit's readings. */
  shipmentId: string | null;
  /** When it began (a warm shipment: when it was accepted). */
  firstReadAt: string;
  /** Null for a warm shipment (no reading of its own). */
  worstC: number | null;
  /** Lowest and highest of its out-of-range readings (current, min and max), °C. */
  minC: number | null;
  maxC: number | null;
  /** The unit's next reading in range; null while none has come. */
  backInRangeAt: string | null;
  /** From the first out-of-range reading until back in range (or the last out-of-range reading so far). */
  durationMinutes: number;
  status: 'open' | 'usable' | 'wasted';
  decidedAt: string | null;
  decisionNote: string | null;
  /** The lots held "do not use" by it. */
  lots: Array<{ lotId: string; lotNumber: string; tradeName: string }>;
  canDecide: boolean;
}

/** GET /api/inventory/excursions: the excursion report (DPH statewide or one clinic; a coordinator their clinic). */
export interface ExcursionReport {
  scope: { clinic: { id: string; name: string } | null; from: string | null; to: string | null; status: ExcursionView['status'] | null };
  excursions: ExcursionView[];
}

/** GET /api/inventory/units/:unitId/temperatures */
export interface TemperatureLog {
  /** The unit's safe range in °C. */
  range: { min: number; max: number };
  readings: TemperatureReadingView[];
  excursions: ExcursionView[];
  canRecord: boolean;
}

/** GET /api/inventory/reports: doses on hand by funding and vaccine, and wastage by reason (a clinic's, or statewide for DPH). */
export interface InventoryReport {
  scope: { clinic: { id: string; name: string } | null; from: string; to: string };
  onHand: Array<{ fundingSource: LotFunding; cvx: string; tradeName: string; doses: number; clinics: number }>;
  wastage: Array<{ reason: string; clinicName: string | null; doses: number }>;
  /** Orders placed in the period: status, dates and doses requested / approved / shipped / accepted. */
  orders: Array<{
    id: string;
    clinicName: string;
    status: 'submitted' | 'approved' | 'denied' | 'shipped' | 'received';
    fundingSource: LotFunding;
    placedOn: string;
    decidedAt: string | null;
    shippedAt: string | null;
    acceptedAt: string | null;
    requested: number;
    approved: number | null;
    shipped: number | null;
    accepted: number | null;
  }>;
}

/**
 * GET /api/immunizations/doses-by-lot: doses administered from stock per lot and funding source in a period (the
 * ledger), beside the doses the clinic recorded on patient records from that lot (taken from it, or typed with its
 * lot number and NDC, or CVX without one). One date basis: the administration date of the dose, on both sides.
 */
export interface DosesByLotReport {
  scope: { clinic: { id: string; name: string } | null; from: string; to: string };
  rows: Array<{
    clinicName: string;
    lotNumber: string;
    tradeName: string;
    cvx: string;
    fundingSource: LotFunding;
    fromStock: number;
    recorded: number;
    /** fromStock − recorded: doses out of stock without a record (positive) or recorded without stock (negative). */
    difference: number;
  }>;
}
