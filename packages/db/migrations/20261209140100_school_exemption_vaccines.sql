-- An exemption may cover only some requirements (a medical contraindication to one vaccine): the vaccine groups it
-- covers, or NULL for every requirement (the exemptions recorded before this column).
ALTER TABLE school_exemptions ADD COLUMN vaccine_groups text[] CHECK (vaccine_groups IS NULL OR cardinality(vaccine_groups) > 0);
