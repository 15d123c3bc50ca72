-- Inventory (issue 12), part 6: returns of expired or spoiled public vaccine. The coordinator requests one; DPH's
-- approval issues the return authorization (the printable packing list / label) and the doses leave the unit in
-- the same transaction (ledger 'returned', guarded: never more than on hand).

CREATE TABLE inventory_returns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  storage_unit_id uuid NOT NULL REFERENCES storage_units(id),
  lot_id uuid NOT NULL REFERENCES inventory_lots(id),
  doses integer NOT NULL CHECK (doses > 0),
  reason text NOT NULL CHECK (reason IN ('expired', 'spoiled')),
  note text,
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'denied')),
  version integer NOT NULL DEFAULT 1,
  requested_by uuid REFERENCES users(id),
  requested_at timestamptz NOT NULL,
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  denial_reason text,
  CHECK (status <> 'denied' OR denial_reason IS NOT NULL)
);
CREATE INDEX inventory_returns_org ON inventory_returns (organization_id, requested_at DESC);
CREATE INDEX inventory_returns_status ON inventory_returns (status, requested_at);
