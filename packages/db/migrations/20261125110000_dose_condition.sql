-- A dose condition makes a dose sub-standard for the recommender (CDSi 6.1, Table 6-3): it does not count,
-- whatever its date and vaccine. Partial dose, storage/handling problem (cold chain), recalled lot, other.
ALTER TABLE doses ADD COLUMN dose_condition text
  CHECK (dose_condition IN ('partial', 'storage', 'recall', 'other'));
