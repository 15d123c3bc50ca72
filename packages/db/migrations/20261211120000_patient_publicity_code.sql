-- The publicity code a clinic's system reports in PD1-11 (HL7 table 0215: 01 no reminder/recall … 12 recall to
-- provider only) with its effective date (PD1-18): the family's reminder/recall preference, kept on the record and
-- returned in PD1 of a query's answer. The latest report wins; null until one is reported.
ALTER TABLE patients
  ADD COLUMN publicity_code text CHECK (publicity_code ~ '^(0[1-9]|1[0-2])$'),
  ADD COLUMN publicity_code_date date;
