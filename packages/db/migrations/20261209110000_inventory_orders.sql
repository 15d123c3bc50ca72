-- Inventory (issue 12), part 3: orders of public vaccine. Each clinic has an order set (the products it may order);
-- a coordinator places an order from it (with what was on hand and used when ordering, and the suggested quantity);
-- DPH's vaccine program approves it (possibly with edited quantities) or denies it with a reason.

CREATE TABLE inventory_order_set_items (
  organization_id uuid NOT NULL REFERENCES organizations(id),
  ndc text NOT NULL,
  cvx text NOT NULL,
  trade_name text NOT NULL,
  doses_per_package integer NOT NULL CHECK (doses_per_package > 0),
  added_by uuid REFERENCES users(id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, ndc)
);

CREATE TABLE inventory_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations(id),
  funding_source text NOT NULL DEFAULT 'vfc' CHECK (funding_source IN ('vfc', '317', 'state')),
  -- submitted → approved | denied; approved → shipped (a shipment recorded) → received (accepted by the clinic).
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'denied', 'shipped', 'received')),
  -- Bumped by every change: a decision names the version it was made on, so two reviewers cannot both decide.
  version integer NOT NULL DEFAULT 1,
  placed_by uuid REFERENCES users(id),
  placed_at timestamptz NOT NULL,
  placed_on date NOT NULL,
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  denial_reason text,
  CHECK (status <> 'denied' OR denial_reason IS NOT NULL)
);
CREATE INDEX inventory_orders_org ON inventory_orders (organization_id, placed_at DESC);
CREATE INDEX inventory_orders_status ON inventory_orders (status, placed_at);

CREATE TABLE inventory_order_lines (
  order_id uuid NOT NULL REFERENCES inventory_orders(id),
  ndc text NOT NULL,
  cvx text NOT NULL,
  trade_name text NOT NULL,
  doses_per_package integer NOT NULL CHECK (doses_per_package > 0),
  -- What the coordinator saw when ordering (kept with the order for DPH's review).
  on_hand integer NOT NULL CHECK (on_hand >= 0),
  administered_30 integer NOT NULL CHECK (administered_30 >= 0),
  administered_90 integer NOT NULL CHECK (administered_90 >= 0),
  suggested_doses integer NOT NULL CHECK (suggested_doses >= 0),
  requested_doses integer NOT NULL CHECK (requested_doses > 0),
  -- Set by DPH's approval (its edit of the quantity; 0 drops the line).
  approved_doses integer CHECK (approved_doses >= 0),
  PRIMARY KEY (order_id, ndc)
);
