-- Inventory (issue 12), part 4: shipments of an approved order. DPH records (or imports) what was shipped — lots,
-- quantities, expirations, the packing slip; the clinic accepts it into a storage unit, noting discrepancies.
-- Public lots enter a clinic's stock only this way (ledger 'received', reference_kind 'shipment').

CREATE TABLE inventory_shipments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id uuid NOT NULL REFERENCES inventory_orders(id),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  packing_slip text NOT NULL CHECK (length(packing_slip) BETWEEN 1 AND 60),
  source text NOT NULL CHECK (source IN ('dph', 'import')),
  -- in_transit: on no clinic's hand; accepted: in the unit named.
  status text NOT NULL DEFAULT 'in_transit' CHECK (status IN ('in_transit', 'accepted')),
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL,
  storage_unit_id uuid REFERENCES storage_units(id),
  accepted_by uuid REFERENCES users(id),
  accepted_at timestamptz,
  CHECK ((status = 'accepted') = (accepted_at IS NOT NULL)),
  -- One shipment per order: recording it moves the order to 'shipped'.
  UNIQUE (order_id)
);
CREATE INDEX inventory_shipments_open ON inventory_shipments (organization_id) WHERE status = 'in_transit';

CREATE TABLE inventory_shipment_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  shipment_id uuid NOT NULL REFERENCES inventory_shipments(id),
  ndc text NOT NULL,
  cvx text NOT NULL,
  mvx text,
  trade_name text NOT NULL,
  doses_per_package integer NOT NULL CHECK (doses_per_package > 0),
  lot_number text NOT NULL CHECK (length(lot_number) BETWEEN 1 AND 40),
  expiration_date date NOT NULL,
  doses integer NOT NULL CHECK (doses > 0),
  -- Filled when the clinic accepts: what arrived usable, and why it differs.
  received_doses integer CHECK (received_doses >= 0 AND received_doses <= doses),
  discrepancy text CHECK (discrepancy IN ('short', 'damaged', 'warm')),
  discrepancy_note text,
  lot_id uuid REFERENCES inventory_lots(id),
  UNIQUE (shipment_id, ndc, lot_number)
);
