// Order rows → the API's shapes (every field that leaves the server is listed here).
import type { OrderLineView, OrderView, ShipmentView } from '@nutmeg/api-types';
import type { OrderLineRow, OrderRow } from './order.repo.ts';

export function presentOrderLine(l: OrderLineRow): OrderLineView {
  return {
    ndc: l.ndc,
    cvx: l.cvx,
    tradeName: l.trade_name,
    dosesPerPackage: l.doses_per_package,
    onHand: l.on_hand,
    administered30: l.administered_30,
    administered90: l.administered_90,
    suggestedDoses: l.suggested_doses,
    requestedDoses: l.requested_doses,
    approvedDoses: l.approved_doses,
  };
}

export function presentOrder(
  o: OrderRow,
  clinicName: string,
  lines: readonly OrderLineRow[],
  opts: { canDecide: boolean; shipment: ShipmentView | null },
): OrderView {
  return {
    id: o.id,
    clinic: { id: o.organization_id, name: clinicName },
    fundingSource: o.funding_source,
    status: o.status,
    version: o.version,
    placedOn: o.placed_on,
    placedAt: o.placed_at.toISOString(),
    decidedAt: o.decided_at?.toISOString() ?? null,
    denialReason: o.denial_reason,
    lines: lines.filter((l) => l.order_id === o.id).map(presentOrderLine),
    canDecide: opts.canDecide && o.status === 'submitted',
    shipment: opts.shipment,
    canRecordShipment: opts.canDecide && o.status === 'approved',
  };
}
