-- Inventory (issue 12), part 7: the temperature log of each storage unit (manual readings and data-logger
-- uploads, with min/max) and its excursions. An excursion holds every lot of the unit "do not use" (the lots and
-- doses held are listed) until the manufacturer's decision is recorded: usable again, or wasted.

CREATE TABLE inventory_temperature_readings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  storage_unit_id uuid NOT NULL REFERENCES storage_units(id),
  read_at timestamptz NOT NULL,
  current_c numeric(5, 1) NOT NULL,
  min_c numeric(5, 1),
  max_c numeric(5, 1),
  source text NOT NULL CHECK (source IN ('manual', 'logger')),
  out_of_range boolean NOT NULL,
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX inventory_temperature_unit ON inventory_temperature_readings (storage_unit_id, read_at DESC);

CREATE TABLE inventory_excursions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  storage_unit_id uuid NOT NULL REFERENCES storage_units(id),
  first_read_at timestamptz NOT NULL,
  -- The worst reading outside the unit's safe range.
  worst_c numeric(5, 1) NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'usable', 'wasted')),
  detected_at timestamptz NOT NULL,
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  decision_note text
);
CREATE INDEX inventory_excursions_open ON inventory_excursions (organization_id) WHERE status = 'open';

CREATE TABLE inventory_excursion_lots (
  excursion_id uuid NOT NULL REFERENCES inventory_excursions(id),
  lot_id uuid NOT NULL REFERENCES inventory_lots(id),
  PRIMARY KEY (excursion_id, lot_id)
);
