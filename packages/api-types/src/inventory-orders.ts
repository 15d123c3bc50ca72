// JSON shapes of public-vaccine orders (order set, builder, orders, shipments), transfers between clinics and
// returns of expired or spoiled vaccine.
import type { LotFunding } from './inventory.ts';

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

/** The lot and doses a transfer or a return moves. */
export interface LotDosesView {
  lotNumber: string;
  tradeName: string;
  ndc: string;
  expirationDate: string;
  fundingSource: LotFunding;
  doses: number;
}

/** A transfer of doses between clinics. */
export interface TransferView extends LotDosesView {
  id: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
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
export interface ReturnView extends LotDosesView {
  id: string;
  /** The return authorization printed on the label (approved returns). */
  authorization: string | null;
  clinic: { id: string; name: string };
  storageUnitId: string;
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
