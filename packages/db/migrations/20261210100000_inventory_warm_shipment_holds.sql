-- Inventory (issue 12): a shipment accepted "warm" is a temperature excursion in transport. Its held lots wait for
-- the manufacturer's decision like a storage unit's excursion (usable → released, or wasted spoiled/temperature),
-- so it is recorded as an excursion of the receiving unit naming the shipment; it has no reading of its own.
ALTER TABLE inventory_excursions ADD COLUMN shipment_id uuid REFERENCES inventory_shipments(id);
ALTER TABLE inventory_excursions ALTER COLUMN worst_c DROP NOT NULL;
ALTER TABLE inventory_excursions ADD CONSTRAINT inventory_excursions_reading_or_shipment
  CHECK (shipment_id IS NOT NULL OR worst_c IS NOT NULL);
