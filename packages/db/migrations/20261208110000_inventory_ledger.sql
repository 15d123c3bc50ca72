-- Inventory (issue 12): lots of vaccine a clinic holds, the append-only ledger of every movement of a dose, and
-- the balance per lot × storage unit that the ledger maintains. Owned by the inventory module.
-- Storage units belong to the clinics module; the foreign key to storage_units is added by a later migration
-- (20261208110500) because that table arrives from a parallel branch.

-- A lot as the clinic holds it: the product (by NDC, with what CDC maps it to), the manufacturer's lot number,
-- its expiration (a month-only expiry is stored as the month's last day) and who paid for it.
CREATE TABLE inventory_lots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  ndc text NOT NULL,
  cvx text NOT NULL,
  mvx text,
  trade_name text NOT NULL,
  doses_per_package integer NOT NULL CHECK (doses_per_package > 0),
  lot_number text NOT NULL CHECK (length(lot_number) BETWEEN 1 AND 40),
  expiration_date date NOT NULL,
  funding_source text NOT NULL CHECK (funding_source IN ('vfc', '317', 'state', 'private')),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- One row per physical lot in a clinic: receiving the same lot again adds to it.
  UNIQUE (organization_id, ndc, lot_number, funding_source)
);
CREATE INDEX inventory_lots_org_expiry ON inventory_lots (organization_id, expiration_date);

-- Doses on hand of a lot in one storage unit: maintained in the same statement group as each ledger row, never
-- negative (the CHECK is the last line; the decrement itself is guarded in its WHERE clause).
CREATE TABLE inventory_stock (
  lot_id uuid NOT NULL REFERENCES inventory_lots(id),
  storage_unit_id uuid NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  on_hand integer NOT NULL CHECK (on_hand >= 0),
  -- Set by a temperature excursion until the manufacturer's decision is recorded.
  do_not_use boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (lot_id, storage_unit_id)
);
CREATE INDEX inventory_stock_unit ON inventory_stock (storage_unit_id);
CREATE INDEX inventory_stock_org ON inventory_stock (organization_id);

-- Every movement of doses, signed (+ in, − out). Append-only: corrections are new rows.
CREATE TABLE inventory_ledger (
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  lot_id uuid NOT NULL REFERENCES inventory_lots(id),
  storage_unit_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('received', 'administered', 'administration_reversed', 'transferred_out',
    'transferred_in', 'wasted', 'returned', 'adjusted', 'counted')),
  quantity integer NOT NULL CHECK (quantity <> 0),
  balance_after integer NOT NULL CHECK (balance_after >= 0),
  -- Wastage reason (expired, spoiled_temperature, broken, drawn_not_administered, lost, other) or an adjustment's.
  reason text,
  note text,
  -- The dose given from (or returned to) stock, for administered / administration_reversed.
  dose_id uuid,
  -- What caused it: a shipment, a transfer, a return, a reconciliation, a pending (added-not-administered) pull.
  reference_kind text,
  reference_id uuid,
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inventory_ledger_lot_unit ON inventory_ledger (lot_id, storage_unit_id, seq);
CREATE INDEX inventory_ledger_org_time ON inventory_ledger (organization_id, recorded_at);
CREATE INDEX inventory_ledger_dose ON inventory_ledger (dose_id) WHERE dose_id IS NOT NULL;

CREATE FUNCTION inventory_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'inventory_ledger is append-only: % is refused', TG_OP;
END
$$;
CREATE TRIGGER inventory_ledger_no_change BEFORE UPDATE OR DELETE ON inventory_ledger
  FOR EACH ROW EXECUTE FUNCTION inventory_ledger_append_only();
CREATE TRIGGER inventory_ledger_no_truncate BEFORE TRUNCATE ON inventory_ledger
  FOR EACH STATEMENT EXECUTE FUNCTION inventory_ledger_append_only();
ALTER TABLE inventory_ledger ENABLE ALWAYS TRIGGER inventory_ledger_no_change;
ALTER TABLE inventory_ledger ENABLE ALWAYS TRIGGER inventory_ledger_no_truncate;
