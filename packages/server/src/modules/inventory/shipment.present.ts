// Shipment rows → the API's shapes (every field that leaves the server is listed here).
import type { ShipmentView } from '@nutmeg/api-types';
import type { ShipmentLineRow, ShipmentRow } from './shipment.repo.ts';

export function presentShipment(s: ShipmentRow, lines: readonly ShipmentLineRow[], canAccept: boolean): ShipmentView {
  return {
    id: s.id,
    orderId: s.order_id,
    packingSlip: s.packing_slip,
    source: s.source,
    status: s.status,
    recordedAt: s.recorded_at.toISOString(),
    acceptedAt: s.accepted_at?.toISOString() ?? null,
    storageUnitId: s.storage_unit_id,
    lines: lines
      .filter((l) => l.shipment_id === s.id)
      .map((l) => ({
        id: l.id,
        ndc: l.ndc,
        tradeName: l.trade_name,
        lotNumber: l.lot_number,
        expirationDate: l.expiration_date,
        doses: l.doses,
        receivedDoses: l.received_doses,
        discrepancy: l.discrepancy,
        discrepancyNote: l.discrepancy_note,
      })),
    canAccept: canAccept && s.status === 'in_transit',
  };
}
