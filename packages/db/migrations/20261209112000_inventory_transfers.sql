-- Inventory (issue 12), part 5: transfers of doses between clinics. The doses leave the sending unit when the
-- transfer is requested (ledger 'transferred_out', guarded: never more than on hand) and are in transit, on
-- neither clinic's hand, until the receiver accepts them into a unit ('transferred_in'). Public stock waits for
-- DPH's approval first; a denial puts the doses back where they were.

CREATE TABLE inventory_transfers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  from_organization_id uuid NOT NULL REFERENCES organizations(id),
  from_storage_unit_id uuid NOT NULL REFERENCES storage_units(id),
  lot_id uuid NOT NULL REFERENCES inventory_lots(id),
  to_organization_id uuid NOT NULL REFERENCES organizations(id),
  doses integer NOT NULL CHECK (doses > 0),
  note text,
  -- requested (public stock, with DPH) → in_transit → accepted; requested → denied (doses back to the sender).
  status text NOT NULL CHECK (status IN ('requested', 'in_transit', 'accepted', 'denied')),
  version integer NOT NULL DEFAULT 1,
  requested_by uuid REFERENCES users(id),
  requested_at timestamptz NOT NULL,
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  denial_reason text,
  to_storage_unit_id uuid REFERENCES storage_units(id),
  to_lot_id uuid REFERENCES inventory_lots(id),
  accepted_by uuid REFERENCES users(id),
  accepted_at timestamptz,
  CHECK (from_organization_id <> to_organization_id),
  CHECK (status <> 'denied' OR denial_reason IS NOT NULL)
);
CREATE INDEX inventory_transfers_from ON inventory_transfers (from_organization_id, requested_at DESC);
CREATE INDEX inventory_transfers_to ON inventory_transfers (to_organization_id, requested_at DESC);
CREATE INDEX inventory_transfers_status ON inventory_transfers (status, requested_at);
