-- Inventory (issue 12), part 2: stock now names the clinics module's storage units by foreign key (the table
-- arrived from the clinics branch), reconciliations with their counted lines, and doses pulled from stock for a
-- patient but not yet given ("added but not administered"), which block a reconciliation until resolved.

ALTER TABLE inventory_stock ADD CONSTRAINT inventory_stock_unit_fk FOREIGN KEY (storage_unit_id) REFERENCES storage_units(id);
ALTER TABLE inventory_ledger ADD CONSTRAINT inventory_ledger_unit_fk FOREIGN KEY (storage_unit_id) REFERENCES storage_units(id);

-- A physical count of every lot in one storage unit; each difference became one ledger row (reference_id = id).
CREATE TABLE inventory_reconciliations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  storage_unit_id uuid NOT NULL REFERENCES storage_units(id),
  reconciled_by uuid REFERENCES users(id),
  reconciled_at timestamptz NOT NULL DEFAULT now(),
  -- The jurisdiction's date of the count: orders need one within the last 30 days.
  reconciled_on date NOT NULL
);
CREATE INDEX inventory_reconciliations_unit ON inventory_reconciliations (storage_unit_id, reconciled_at DESC);
CREATE INDEX inventory_reconciliations_org ON inventory_reconciliations (organization_id, reconciled_on DESC);

CREATE TABLE inventory_reconciliation_lines (
  reconciliation_id uuid NOT NULL REFERENCES inventory_reconciliations(id),
  lot_id uuid NOT NULL REFERENCES inventory_lots(id),
  expected integer NOT NULL CHECK (expected >= 0),
  counted integer NOT NULL CHECK (counted >= 0),
  reason text,
  note text,
  PRIMARY KEY (reconciliation_id, lot_id),
  CHECK (counted = expected OR reason IS NOT NULL)
);

-- A dose taken out of stock for a patient and not yet given: the dose has left the unit (an 'administered' ledger
-- row referencing this id); resolving it gives it (links the dose), puts it back, or wastes it.
CREATE TABLE inventory_pending_doses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  lot_id uuid NOT NULL REFERENCES inventory_lots(id),
  storage_unit_id uuid NOT NULL REFERENCES storage_units(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'administered', 'returned', 'wasted')),
  dose_id uuid,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_by uuid REFERENCES users(id),
  resolved_at timestamptz,
  resolution_reason text,
  CHECK ((status = 'pending') = (resolved_at IS NULL))
);
CREATE INDEX inventory_pending_open ON inventory_pending_doses (organization_id, storage_unit_id) WHERE status = 'pending';
